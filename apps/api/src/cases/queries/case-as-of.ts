import {
  type ActionEvent,
  type ActionStatusOn,
  type BusinessDate,
  type CaseEvent,
  type CaseReferred,
  type CaseState,
  type ClockName,
  type DelayReason,
  type DerivedRag,
  type EscalationEvent,
  evolveAction,
  evolveCase,
  evolveEscalation,
  fold,
  initialActionState,
  initialCaseState,
  initialEscalationState,
  type Lead,
  type OpenCase,
  type ParallelProcessRecorded,
  readClock,
  rollUpRag,
  statusOfState,
} from '@casetrail/domain';
import type { StoredEvent } from '@casetrail/event-store';
import { type HistoryEntry, historyEntryOf } from '@casetrail/projections';
import {
  type ClockWriter,
  caseColumnsOf,
  closedPause,
  trackClocks,
} from '@casetrail/projections/case-status/case-status.projection';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { type CaseDetail, type CaseRow, type ClockRow, toDetail } from './case-views';

/**
 * A whole case as it stood on a business date (domain.md §0.3 item 7, §6.3), replayed from its
 * events by the domain's own folds, never from a read model that could drift. "effective" takes
 * every fact that had happened by the date, entered then or later; "known" only those the board
 * knew by the end of that day (knownOn for history entered after the fact, else the day it was
 * recorded). The answer keeps the shape of the current case detail and adds to it.
 */

export interface CaseLog {
  caseEvents: readonly StoredEvent[];
  actions: readonly (readonly StoredEvent[])[];
  escalations: readonly (readonly StoredEvent[])[];
}

export interface ActionAsOf extends ActionStatusOn {
  actionId: string;
  recommendationIds: string[];
  agency: string;
  lead: Lead;
  monitoringBody: string;
  timescaleText: string;
  plannedOn: string;
  /** The highest escalation open on the action at the date, 0 for none (§6.0). */
  escalationLevel: number;
  escalatedTo: string | null;
}

export interface OpenEscalationAsOf {
  escalationId: string;
  subjectKind: 'ACTION' | 'CASE';
  subjectId: string;
  level: number;
  addressedTo: string;
  status: string;
  raisedOn: string;
  /** When it reached its current level. */
  since: string;
}

export interface CaseAsOfDetail extends CaseDetail {
  asOf: BusinessDate;
  mode: AsOfMode;
  /** Every decision up to the date, oldest first; the current one is flagged. */
  decisions: {
    decisionId: string;
    outcome: string;
    alternativeReviewType: string | null;
    criteriaMet: boolean;
    decidedOn: string;
    decidedBy: string;
    rationale: string;
    supersedesDecisionId: string | null;
    current: boolean;
  }[];
  openParallelProcesses: {
    processId: string;
    processType: string | null;
    leadAgency: string | null;
    impact: string[];
    startedOn: string;
  }[];
  recommendations: {
    recommendationId: string;
    number: string;
    source: string;
    addressedTo: string;
    scope: string;
    closedWithoutAction: boolean;
    actionIds: string[];
    /** The roll-up of its actions' RAG; null when none is planned (then `unplanned`). */
    rag: DerivedRag | null;
    unplanned: boolean;
  }[];
  actions: ActionAsOf[];
  actionCounts: {
    total: number;
    complete: number;
    overdue: number;
    atRisk: number;
    offTrack: number;
    onTrack: number;
    unscheduled: number;
    cancelled: number;
  };
  openEscalations: OpenEscalationAsOf[];
  /** The highest open level across the case and its actions, 0 for none. */
  escalationLevel: number;
  /** Facts that had happened by the date but reached the board only afterwards. */
  learnedLater: number;
}

/**
 * Each event's two dates, worked out once: the stream cache hands out the same frozen events to
 * every request, and a replay asks about each event up to four times.
 */
const datesOfEvent = new WeakMap<StoredEvent, HistoryEntry>();
function datesOf(event: StoredEvent): HistoryEntry {
  let entry = datesOfEvent.get(event);
  if (!entry) {
    entry = historyEntryOf(event);
    datesOfEvent.set(event, entry);
  }
  return entry;
}

/** Whether an event counts on asOf in the given mode (domain.md §0.3 item 7). */
export function visibleOn(event: StoredEvent, asOf: BusinessDate, mode: AsOfMode): boolean {
  const { occurredOn, knownOn } = datesOf(event);
  return occurredOn <= asOf && (mode === 'effective' || knownOn <= asOf);
}

/** Had happened by asOf, but reached the board only afterwards. */
function learnedLater(event: StoredEvent, asOf: BusinessDate): boolean {
  const { occurredOn, knownOn } = datesOf(event);
  return occurredOn <= asOf && knownOn > asOf;
}

const asDomain = <E>(events: readonly StoredEvent[]) =>
  events.map((e) => ({ type: e.type, data: e.data }) as E);

/** The case on asOf, or undefined when nothing of it had happened (or was known) by then. */
export function caseAsOf(
  log: CaseLog,
  asOf: BusinessDate,
  mode: AsOfMode,
): CaseAsOfDetail | undefined {
  const seen = (stream: readonly StoredEvent[]) => stream.filter((e) => visibleOn(e, asOf, mode));
  const caseEvents = seen(log.caseEvents);
  const replay = replayCase(asDomain<CaseEvent>(caseEvents));
  if (!replay) return undefined;
  const { state, referral, clocks, closedPauseDays, processes } = replay;

  const escalations = log.escalations
    .flatMap((stream) => openEscalation(seen(stream)))
    .sort((a, b) => b.level - a.level || a.escalationId.localeCompare(b.escalationId));
  const actions = log.actions.flatMap((stream) => actionAsOf(seen(stream), asOf, escalations));
  // A big plan has as many recommendations as actions: finding each one's actions in the list
  // was quadratic.
  const actionsFor = new Map<string, ActionAsOf[]>();
  for (const action of actions) {
    for (const id of new Set(action.recommendationIds)) {
      const addressing = actionsFor.get(id);
      if (addressing) addressing.push(action);
      else actionsFor.set(id, [action]);
    }
  }
  const clockRows = [...clocks.entries()]
    .map(([name, c]): ClockRow => ({
      clock: name,
      anchor_on: c.anchorOn,
      due_on: c.dueOn,
      extended_to: c.extendedTo ?? null,
      completed_on: c.completedOn ?? null,
      delay_reason_code: c.reason?.code ?? null,
      delay_reason_detail: c.reason?.detail ?? null,
    }))
    .sort((a, b) => a.due_on.localeCompare(b.due_on) || a.clock.localeCompare(b.clock));
  const version = caseEvents.reduce((max, e) => (e.version > max ? e.version : max), 0n);
  const row = caseRowOf(state, referral, clockRows, closedPauseDays, version, asOf);
  const all = [log.caseEvents, ...log.actions, ...log.escalations].flat();

  return {
    ...toDetail(row, clockRows, asOf),
    asOf,
    mode,
    decisions: state.decisions.map((d) => ({
      decisionId: d.decisionId,
      outcome: d.outcome,
      alternativeReviewType: d.alternativeReviewType ?? null,
      criteriaMet: d.criteriaMet,
      decidedOn: d.decidedOn,
      decidedBy: d.decidedBy,
      rationale: d.rationale,
      supersedesDecisionId: d.supersedesDecisionId ?? null,
      current: d.decisionId === state.currentDecisionId,
    })),
    openParallelProcesses: state.parallelProcesses
      .filter((p) => !p.concludedOn)
      .map((p) => ({
        processId: p.processId,
        processType: processes.get(p.processId)?.processType ?? null,
        leadAgency: processes.get(p.processId)?.leadAgency ?? null,
        impact: p.impact,
        startedOn: p.startedOn,
      })),
    recommendations: state.recommendations.map((r) => {
      const addressing = actionsFor.get(r.recommendationId) ?? [];
      // Copied field by field: V8 copies a spread state object by its slow path (action.state.ts).
      return {
        recommendationId: r.recommendationId,
        number: r.number,
        source: r.source,
        addressedTo: r.addressedTo,
        scope: r.scope,
        closedWithoutAction: r.closedWithoutAction,
        actionIds: addressing.map((a) => a.actionId),
        rag: rollUpRag(addressing),
        unplanned: addressing.length === 0 && !r.closedWithoutAction,
      };
    }),
    actions,
    actionCounts: countActions(actions),
    openEscalations: escalations,
    escalationLevel: Math.max(0, ...escalations.map((e) => e.level)),
    learnedLater: all.filter((e) => learnedLater(e, asOf)).length,
  };
}

interface ClockEntry {
  anchorOn: BusinessDate;
  dueOn: BusinessDate;
  extendedTo?: BusinessDate;
  completedOn?: BusinessDate;
  reason?: DelayReason;
}

interface CaseReplay {
  state: OpenCase;
  referral: CaseReferred | undefined;
  clocks: Map<ClockName, ClockEntry>;
  closedPauseDays: number;
  processes: Map<string, ParallelProcessRecorded>;
}

function replayCase(events: readonly CaseEvent[]): CaseReplay | undefined {
  let state: CaseState = initialCaseState();
  let referral: CaseReferred | undefined;
  let closedPauseDays = 0;
  const clocks = new Map<ClockName, ClockEntry>();
  const processes = new Map<string, ParallelProcessRecorded>();
  for (const event of events) {
    const before = state;
    state = evolveCase(state, event);
    if (state.status === 'NOT_REFERRED') continue;
    if (event.type === 'CaseReferred') referral = event.data;
    if (event.type === 'ParallelProcessRecorded') processes.set(event.data.processId, event.data);
    closedPauseDays += closedPause(before, event);
    trackClocks(clockWriterOver(clocks), state.caseId, state, event);
  }
  return state.status === 'NOT_REFERRED'
    ? undefined
    : { state, referral, clocks, closedPauseDays, processes };
}

/** The read model's clock rules (trackClocks), writing to a map for this one case. */
function clockWriterOver(clocks: Map<ClockName, ClockEntry>): ClockWriter {
  return {
    start: (_caseId, name, anchorOn, dueOn, completedOn) => {
      const existing = clocks.get(name);
      if (!existing || anchorOn > existing.anchorOn)
        clocks.set(name, { anchorOn, dueOn, completedOn });
    },
    complete: (_caseId, name, on) => {
      const clock = clocks.get(name);
      if (clock && !clock.completedOn) clock.completedOn = on;
    },
    extend: (_caseId, name, to) => {
      const clock = clocks.get(name);
      if (clock) clock.extendedTo = to;
    },
    explain: (_caseId, name, reason) => {
      const clock = clocks.get(name);
      if (clock) clock.reason = reason;
    },
  };
}

function caseRowOf(
  s: OpenCase,
  referral: CaseReferred | undefined,
  clocks: ClockRow[],
  closedPauseDays: number,
  version: bigint,
  asOf: BusinessDate,
): CaseRow {
  const reading = (c: ClockRow) =>
    readClock(c.clock, c.anchor_on, c.due_on, c.completed_on ?? undefined, asOf);
  const next = clocks.find((c) => !c.completed_on);
  const columns = caseColumnsOf(s);
  return {
    ...columns,
    case_id: s.caseId,
    referring_agency: referral?.referringAgency ?? null,
    pseudonyms: JSON.stringify((referral?.subjects ?? []).map((x) => x.pseudonym)),
    themes: JSON.stringify(referral?.themes ?? []),
    // As SQLite hands integers back to the read-model queries: bigint.
    paused_days_to_date: BigInt(closedPauseDays),
    open_parallel_processes: BigInt(columns.open_parallel_processes),
    recommendations: BigInt(columns.recommendations),
    findings: BigInt(columns.findings),
    open_contest: BigInt(columns.open_contest),
    version,
    breached_clocks: BigInt(clocks.filter((c) => reading(c).status === 'BREACHED').length),
    next_clock: next
      ? JSON.stringify({ name: next.clock, anchorOn: next.anchor_on, dueOn: next.due_on })
      : null,
  };
}

function openEscalation(events: readonly StoredEvent[]): OpenEscalationAsOf[] {
  const s = fold(
    { initialState: initialEscalationState, evolve: evolveEscalation },
    asDomain<EscalationEvent>(events),
  );
  if (s.status === 'NOT_RAISED' || s.status === 'RESOLVED') return [];
  return [
    {
      escalationId: s.escalationId,
      subjectKind: s.subject.kind,
      subjectId: s.subject.id,
      level: s.level,
      addressedTo: s.addressedTo,
      status: s.status,
      raisedOn: s.raisedOn,
      since: s.levels[s.levels.length - 1].since,
    },
  ];
}

function actionAsOf(
  events: readonly StoredEvent[],
  asOf: BusinessDate,
  escalations: readonly OpenEscalationAsOf[],
): ActionAsOf[] {
  // The events are those visible on asOf, so all had happened by then: the state they fold to
  // is the one deriveActionStatus would fold again.
  const s = fold(
    { initialState: initialActionState, evolve: evolveAction },
    asDomain<ActionEvent>(events),
  );
  const derived = statusOfState(s, asOf);
  if (derived.status === 'ABSENT' || s.status === 'NOT_PLANNED') return [];
  const top = escalations
    .filter((e) => e.subjectKind === 'ACTION' && e.subjectId === s.actionId)
    .sort((a, b) => b.level - a.level)[0];
  return [
    {
      actionId: s.actionId,
      recommendationIds: s.recommendationIds,
      agency: s.agency,
      lead: s.lead,
      monitoringBody: s.monitoringBody,
      timescaleText: s.timescaleText,
      plannedOn: s.plannedOn,
      ...derived,
      escalationLevel: top?.level ?? 0,
      escalatedTo: top?.addressedTo ?? null,
    },
  ];
}

function countActions(actions: readonly ActionAsOf[]): CaseAsOfDetail['actionCounts'] {
  const count = (status: ActionAsOf['status']) => actions.filter((a) => a.status === status).length;
  return {
    total: actions.length,
    complete: count('COMPLETE'),
    overdue: count('OVERDUE'),
    atRisk: count('AT_RISK'),
    offTrack: count('OFF_TRACK'),
    onTrack: count('ON_TRACK'),
    unscheduled: count('UNSCHEDULED'),
    cancelled: count('CANCELLED'),
  };
}
