import { isBusinessDate, isLateEntry, type LateCompletion, type Regime } from '@casetrail/domain';
import type { Actor, StoredEvent } from '@casetrail/event-store';
import { historyEntryOf } from '@casetrail/projections';
import { type CsvValue, toCsv } from '../csv';
import { humanize, type SentenceContext, sentenceFor } from '../event-sentences';

/**
 * One line of a case's audit trail (domain.md §6.3): what happened, in words and as data; the
 * business date, the real append time and the date the board knew it; who and why; and the
 * position and hashes that let an auditor check it against the chain.
 */
export interface HistoryItem {
  position: string;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  sentence: string;
  occurredOn: string | null;
  recordedAt: string;
  /** Only for history entered after the fact (X-Known-On); otherwise the day of recordedAt. */
  knownOn: string | null;
  source: string | null;
  who: Actor;
  /** The event's own reasons, rationale, details and notes, by field. */
  why: Record<string, string>;
  flags: HistoryFlag[];
  data: unknown;
  hash: string;
  prevHash: string;
}

/**
 * LATE_ENTRY: known (or recorded) more than 7 days after it happened (§5.1); BACK_FILLED:
 * entered from earlier records with the date the board knew it; DEADLINE_MISSED: the event
 * finished a statutory stage late; SUPERSEDES_DECISION: a decision replaced another.
 */
export type HistoryFlag = 'LATE_ENTRY' | 'BACK_FILLED' | 'DEADLINE_MISSED' | 'SUPERSEDES_DECISION';

export interface HistoryFilter {
  types?: readonly string[];
  actor?: string;
  /** Business dates, inclusive, compared with occurredOn. */
  from?: string;
  to?: string;
}

const WHY_FIELDS = [
  'rationale',
  'reason',
  'detail',
  'grounds',
  'comments',
  'comment',
  'note',
  'notes',
  'revisionReason',
  'monitoringBodyReason',
  'evidenceWaivedReason',
  'noticeShortfall',
  'commentary',
] as const;
const CODE = /^[A-Z][A-Z0-9_]*$/;

export function whyOf(data: unknown): Record<string, string> {
  const fields = (data ?? {}) as Record<string, unknown>;
  const why: Record<string, string> = {};
  const late = fields.late as LateCompletion | undefined;
  if (late?.reason) why.reasonForDelay = `${humanize(late.reason.code)}: ${late.reason.detail}`;
  for (const field of WHY_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' && value.trim())
      why[field] = CODE.test(value) ? humanize(value) : value;
  }
  return why;
}

function flagsOf(event: StoredEvent, occurredOn: string | null): HistoryFlag[] {
  const data = (event.data ?? {}) as { late?: unknown; dueOn?: string };
  const known = historyEntryOf(event).knownOn;
  const missedPanelDeadline =
    event.type === 'NationalPanelNotified' &&
    !!data.dueOn &&
    !!occurredOn &&
    occurredOn > data.dueOn;
  return [
    occurredOn && isLateEntry(occurredOn, known) && ('LATE_ENTRY' as const),
    event.metadata.knownOn !== undefined && ('BACK_FILLED' as const),
    (data.late || missedPanelDeadline) && ('DEADLINE_MISSED' as const),
    event.type === 'DecisionRevised' && ('SUPERSEDES_DECISION' as const),
  ].filter((flag): flag is HistoryFlag => typeof flag === 'string');
}

export function historyItem(event: StoredEvent, context: SentenceContext = {}): HistoryItem {
  const occurredOn = (event.data as { occurredOn?: unknown } | null)?.occurredOn;
  const businessDate = isBusinessDate(occurredOn) ? occurredOn : null;
  const { actor } = event.metadata;
  return {
    position: event.position.toString(),
    streamId: event.streamId,
    version: Number(event.version),
    eventId: event.eventId,
    type: event.type,
    sentence: sentenceFor(event, context),
    occurredOn: businessDate,
    recordedAt: event.recordedAt,
    knownOn: event.metadata.knownOn ?? null,
    source: event.metadata.source ?? null,
    who: {
      userId: actor.userId,
      displayName: actor.displayName,
      agency: actor.agency,
      roles: [...actor.roles],
    },
    why: whyOf(event.data),
    flags: flagsOf(event, businessDate),
    data: event.data,
    hash: event.hash,
    prevHash: event.prevHash,
  };
}

const matches = (item: HistoryItem, f: HistoryFilter): boolean =>
  (!f.types?.length || f.types.includes(item.type)) &&
  (f.actor === undefined || item.who.userId === f.actor) &&
  (f.from === undefined || (item.occurredOn !== null && item.occurredOn >= f.from)) &&
  (f.to === undefined || (item.occurredOn !== null && item.occurredOn <= f.to));

/**
 * The trail of a case from its events in log order. The regime is followed through the whole
 * log, before filtering, so a late decision names the timescale in force when it was made.
 */
export function caseHistory(
  eventsInLogOrder: readonly StoredEvent[],
  filter: HistoryFilter,
  rules?: SentenceContext['rules'],
): HistoryItem[] {
  let regime: Regime | undefined;
  const items: HistoryItem[] = [];
  for (const event of eventsInLogOrder) {
    if (event.type === 'CaseReferred') regime = (event.data as { regime?: Regime }).regime;
    const item = historyItem(event, { regime, rules });
    if (event.type === 'RegimeTransitioned') regime = (event.data as { toRegime: Regime }).toRegime;
    if (matches(item, filter)) items.push(item);
  }
  return items;
}

const CSV_COLUMNS = [
  'position',
  'streamId',
  'version',
  'eventId',
  'type',
  'occurredOn',
  'recordedAt',
  'knownOn',
  'source',
  'userId',
  'displayName',
  'agency',
  'roles',
  'sentence',
  'why',
  'flags',
  'data',
  'hash',
  'prevHash',
];

export function historyCsv(items: readonly HistoryItem[]): string {
  return toCsv(
    CSV_COLUMNS,
    items.map((i): CsvValue[] => [
      i.position,
      i.streamId,
      i.version,
      i.eventId,
      i.type,
      i.occurredOn,
      i.recordedAt,
      i.knownOn,
      i.source,
      i.who.userId,
      i.who.displayName,
      i.who.agency,
      i.who.roles.join(';'),
      i.sentence,
      Object.entries(i.why)
        .map(([field, text]) => `${field}: ${text}`)
        .join(' | '),
      i.flags.join(';'),
      JSON.stringify(i.data),
      i.hash,
      i.prevHash,
    ]),
  );
}
