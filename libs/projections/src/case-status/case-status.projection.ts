import {
  type CaseEvent,
  type CaseEventType,
  type CaseReferred,
  type CaseState,
  type CaseStatus,
  type ClockName,
  currentDecision,
  daysBetween,
  type DelayReason,
  evolveCase,
  initialCaseState,
  isBusinessDate,
  type OpenCase,
} from '@casetrail/domain';
import type { StoredEvent } from '@casetrail/event-store';
import type { Projection } from '../projection';
import { ProjectionFailed } from '../projection-failed';

/** Coarse groups of the §3.1 states, for a board that does not need fifteen columns. */
export const CASE_STAGES = ['INTAKE', 'DECISION', 'REVIEW', 'PUBLICATION', 'CLOSED'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const STAGE_OF: Record<CaseStatus, CaseStage> = {
  REFERRED: 'INTAKE',
  UNDER_CONSIDERATION: 'INTAKE',
  DECISION_DEFERRED: 'INTAKE',
  DECISION_RECOMMENDED: 'DECISION',
  DECIDED_REVIEW: 'DECISION',
  DECIDED_NO_REVIEW: 'DECISION',
  NATIONAL_REVIEW: 'DECISION',
  DECISION_CONTESTED: 'DECISION',
  REVIEW_IN_PROGRESS: 'REVIEW',
  REVIEW_PAUSED: 'REVIEW',
  REPORT_SIGNED_OFF: 'PUBLICATION',
  PUBLICATION_DEFERRED: 'PUBLICATION',
  PUBLISHED: 'PUBLICATION',
  PUBLICATION_WITHHELD: 'PUBLICATION',
  CLOSED: 'CLOSED',
};

// A Record keyed by the union makes a new case event fail to compile until it is listed here.
const HANDLED: Record<CaseEventType, true> = {
  CaseReferred: true,
  SeriousIncidentNotified: true,
  ReferralConsidered: true,
  DecisionDeferred: true,
  RapidReviewStarted: true,
  RapidReviewCompleted: true,
  DecisionRecommended: true,
  DecisionRecorded: true,
  NationalPanelNotified: true,
  PanelResponded: true,
  DecisionContested: true,
  DecisionReaffirmed: true,
  DecisionRevised: true,
  ParallelProcessRecorded: true,
  ParallelProcessConcluded: true,
  ReviewCommissioned: true,
  ReviewPaused: true,
  ReviewResumed: true,
  ReviewTimescaleExtended: true,
  ReviewerAppointed: true,
  TermsOfReferenceAgreed: true,
  AgencyReportDeclined: true,
  PractitionerEventHeld: true,
  LearningIdentified: true,
  FamilyInvolvementRecorded: true,
  ReportCompleted: true,
  ReportSignedOff: true,
  PanelNotifiedOfPublication: true,
  PublicationDeferred: true,
  ReviewPublished: true,
  PublicationWithheld: true,
  ReportPresentedToScrutiny: true,
  ReviewEvaluated: true,
  FindingRecorded: true,
  LearningDisseminated: true,
  RecommendationAdded: true,
  RecommendationClosedWithoutAction: true,
  NewInformationReceived: true,
  RegimeTransitioned: true,
  CaseClosed: true,
  CaseReopened: true,
};

const CASE_STREAM = 'case-';

interface StoredCaseRow {
  state: string;
  last_position: bigint;
  paused_days_to_date: bigint;
}

/**
 * One row per case for the status board (domain.md §6.1), its statutory clocks, and lookup
 * tables for filtering. The row keeps the state folded by the domain's own `evolveCase`, so
 * the board and the decider can never disagree about where a case is; the other columns are
 * that state spread out for SQL. The case row's last position guards every table of the case:
 * all of them change only in the same `apply`, so an event at or below it was seen already.
 */
export const caseStatusProjection: Projection = {
  name: 'case_status',
  version: 2,
  handles: Object.keys(HANDLED),
  tables: ['cases', 'case_clocks', 'case_agencies', 'case_themes', 'case_counts'],
  createSchema: (t) => `
    CREATE TABLE ${t.cases} (
      case_id                     TEXT    PRIMARY KEY,
      case_ref                    TEXT,
      regime                      TEXT,
      status                      TEXT    NOT NULL,
      stage                       TEXT    NOT NULL,
      referred_on                 TEXT,
      referring_agency            TEXT,
      pseudonyms                  TEXT    NOT NULL DEFAULT '[]',
      incident_type               TEXT,
      incident_date               TEXT,
      themes                      TEXT    NOT NULL DEFAULT '[]',
      decision_id                 TEXT,
      decision_outcome            TEXT,
      decided_on                  TEXT,
      decided_by                  TEXT,
      decision_rationale          TEXT,
      review_id                   TEXT,
      review_type                 TEXT,
      review_commissioned_on      TEXT,
      review_target_completion_on TEXT,
      review_paused_since         TEXT,
      review_signed_off_on        TEXT,
      review_published_on         TEXT,
      paused_days_to_date         INTEGER NOT NULL DEFAULT 0,
      open_parallel_processes     INTEGER NOT NULL DEFAULT 0,
      recommendations             INTEGER NOT NULL DEFAULT 0,
      findings                    INTEGER NOT NULL DEFAULT 0,
      open_contest                INTEGER NOT NULL DEFAULT 0,
      last_event_on               TEXT,
      last_position               INTEGER NOT NULL,
      version                     INTEGER NOT NULL,
      state                       TEXT    NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX ${t.cases}_board ON ${t.cases} (referred_on DESC, case_id);
    -- How many cases stand at each stage, status and regime ('' for none), kept by triggers in
    -- the same transaction as the rows, so the case list's total is not a count of every case.
    CREATE TABLE ${t.case_counts} (
      stage  TEXT    NOT NULL,
      status TEXT    NOT NULL,
      regime TEXT    NOT NULL,
      n      INTEGER NOT NULL,
      PRIMARY KEY (stage, status, regime)
    ) WITHOUT ROWID;
    CREATE TRIGGER ${t.cases}_counted AFTER INSERT ON ${t.cases} BEGIN
      INSERT INTO ${t.case_counts} VALUES (NEW.stage, NEW.status, coalesce(NEW.regime, ''), 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER ${t.cases}_recounted AFTER UPDATE OF stage, status, regime ON ${t.cases}
      WHEN NEW.stage IS NOT OLD.stage OR NEW.status IS NOT OLD.status OR NEW.regime IS NOT OLD.regime
    BEGIN
      UPDATE ${t.case_counts} SET n = n - 1
        WHERE stage = OLD.stage AND status = OLD.status AND regime = coalesce(OLD.regime, '');
      INSERT INTO ${t.case_counts} VALUES (NEW.stage, NEW.status, coalesce(NEW.regime, ''), 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TABLE ${t.case_clocks} (
      case_id             TEXT NOT NULL,
      clock               TEXT NOT NULL,
      anchor_on           TEXT NOT NULL,
      due_on              TEXT NOT NULL,
      extended_to         TEXT,
      completed_on        TEXT,
      delay_reason_code   TEXT,
      delay_reason_detail TEXT,
      PRIMARY KEY (case_id, clock)
    ) WITHOUT ROWID;
    CREATE TABLE ${t.case_agencies} (
      case_id TEXT NOT NULL,
      agency  TEXT NOT NULL,
      PRIMARY KEY (case_id, agency)
    ) WITHOUT ROWID;
    CREATE INDEX ${t.case_agencies}_agency ON ${t.case_agencies} (agency);
    CREATE TABLE ${t.case_themes} (
      case_id TEXT NOT NULL,
      theme   TEXT NOT NULL,
      PRIMARY KEY (case_id, theme)
    ) WITHOUT ROWID;
    CREATE INDEX ${t.case_themes}_theme ON ${t.case_themes} (theme);`,

  bind(db, t) {
    const read = db.prepare(
      `SELECT state, last_position, paused_days_to_date FROM ${t.cases} WHERE case_id = ?`,
    );
    // Referral facts the fold does not keep arrive once, with CaseReferred; later events leave them.
    const upsertCase = db.prepare(
      `INSERT INTO ${t.cases} VALUES (
        @case_id, @case_ref, @regime, @status, @stage, @referred_on, @referring_agency,
        coalesce(@pseudonyms, '[]'), @incident_type, @incident_date, coalesce(@themes, '[]'),
        @decision_id, @decision_outcome, @decided_on, @decided_by, @decision_rationale, @review_id,
        @review_type, @review_commissioned_on, @review_target_completion_on, @review_paused_since,
        @review_signed_off_on, @review_published_on, @paused_days_to_date,
        @open_parallel_processes, @recommendations, @findings, @open_contest, @last_event_on,
        @last_position, @version, @state)
       ON CONFLICT (case_id) DO UPDATE SET
        referring_agency = coalesce(excluded.referring_agency, referring_agency),
        pseudonyms = coalesce(@pseudonyms, pseudonyms), themes = coalesce(@themes, themes),
        ${FOLDED_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
    // A clock restarted from a later anchor (a new decision) replaces the old one; the same
    // clock started again from the same anchor keeps its original target, as breach reporting needs.
    const startClock = db.prepare(
      `INSERT INTO ${t.case_clocks} (case_id, clock, anchor_on, due_on, completed_on)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (case_id, clock) DO UPDATE SET anchor_on = excluded.anchor_on,
        due_on = excluded.due_on, completed_on = excluded.completed_on, extended_to = NULL,
        delay_reason_code = NULL, delay_reason_detail = NULL
       WHERE excluded.anchor_on > anchor_on`,
    );
    // Only the first completion counts: a second decision or report does not move a met clock.
    const completeClock = db.prepare(
      `UPDATE ${t.case_clocks} SET completed_on = ?
       WHERE case_id = ? AND clock = ? AND completed_on IS NULL`,
    );
    const extendClock = db.prepare(
      `UPDATE ${t.case_clocks} SET extended_to = ? WHERE case_id = ? AND clock = ?`,
    );
    const explainDelay = db.prepare(
      `UPDATE ${t.case_clocks} SET delay_reason_code = ?, delay_reason_detail = ?
       WHERE case_id = ? AND clock = ?`,
    );
    const addAgency = db.prepare(`INSERT OR IGNORE INTO ${t.case_agencies} VALUES (?, ?)`);
    const addTheme = db.prepare(`INSERT OR IGNORE INTO ${t.case_themes} VALUES (?, ?)`);

    const clocks: ClockWriter = {
      start: (caseId, clock, anchorOn, dueOn, completedOn) =>
        startClock.run(caseId, clock, anchorOn, dueOn, completedOn ?? null),
      complete: (caseId, clock, on) => completeClock.run(on, caseId, clock),
      extend: (caseId, clock, to) => extendClock.run(to, caseId, clock),
      explain: (caseId, clock, reason) =>
        explainDelay.run(reason.code, reason.detail, caseId, clock),
    };

    // A case's row is written once per batch, after its last event there: its events come
    // together in the log, six to a batch of 2,000 in the benchmark's, and reading, parsing,
    // serialising and writing the row for each was most of the projection's time.
    const changed = new Map<string, ChangedCase>();
    const handler = (stored: StoredEvent) => {
      try {
        apply(stored);
      } catch (error) {
        changed.clear(); // The batch is rolled back; the part before this event is applied again.
        throw error;
      }
    };
    const apply = (stored: StoredEvent) => {
      const event = asCaseEvent(stored);
      if (!event) return;
      const caseId = stored.streamId.slice(CASE_STREAM.length);
      const inBatch = changed.get(caseId);
      const earlier = inBatch ?? storedCase(caseId);
      if (earlier && earlier.position >= stored.position) return;

      const before: CaseState = earlier?.state ?? initialCaseState();
      const after = evolveCase(before, event);
      if (after.status === 'NOT_REFERRED') return;

      const referral = event.type === 'CaseReferred' ? event.data : undefined;
      changed.set(caseId, {
        state: after,
        pausedDays: (earlier?.pausedDays ?? 0) + closedPause(before, event),
        position: stored.position,
        referral: referral ?? inBatch?.referral,
        first: inBatch?.first ?? stored,
        last: stored,
      });
      if (referral?.referringAgency) addAgency.run(caseId, referral.referringAgency);
      for (const theme of referral?.themes ?? []) addTheme.run(caseId, theme);
      trackClocks(clocks, caseId, after, event);
    };
    const storedCase = (caseId: string): CaseSoFar | undefined => {
      const row = read.get(caseId) as StoredCaseRow | undefined;
      return row && {
        state: JSON.parse(row.state) as OpenCase,
        pausedDays: Number(row.paused_days_to_date),
        position: row.last_position,
      };
    };
    const endBatch = () => {
      try {
        for (const [caseId, c] of changed) {
          try {
            upsertCase.run(caseRow(caseId, c.state, c.pausedDays, c.last, c.referral));
          } catch (error) {
            // Stopping at the case's first event in the batch keeps all of them out of the part applied.
            throw new ProjectionFailed(caseStatusProjection.name, c.first, error);
          }
        }
      } finally {
        changed.clear();
      }
    };
    return Object.assign(handler, { endBatch });
  },
};

/** A case as its row has it, or as the current batch has left it so far. */
interface CaseSoFar {
  state: OpenCase;
  pausedDays: number;
  /** Of the last event applied. */
  position: bigint;
}

/** A case the current batch changed; its row is written at the end of the batch. */
interface ChangedCase extends CaseSoFar {
  /** If the batch referred the case: the referral's facts that the fold does not keep. */
  referral?: CaseReferred;
  first: StoredEvent;
  last: StoredEvent;
}

const FOLDED_COLUMNS = [
  'case_ref',
  'regime',
  'status',
  'stage',
  'referred_on',
  'incident_type',
  'incident_date',
  'decision_id',
  'decision_outcome',
  'decided_on',
  'decided_by',
  'decision_rationale',
  'review_id',
  'review_type',
  'review_commissioned_on',
  'review_target_completion_on',
  'review_paused_since',
  'review_signed_off_on',
  'review_published_on',
  'paused_days_to_date',
  'open_parallel_processes',
  'recommendations',
  'findings',
  'open_contest',
  'last_event_on',
  'last_position',
  'version',
  'state',
];

/**
 * Every case event is dated (domain.md §0.3); one without a business date, or outside a case
 * stream, cannot be placed on the board, so it is left to the projections that count raw events.
 */
function asCaseEvent(stored: StoredEvent): CaseEvent | undefined {
  const data = stored.data as { occurredOn?: unknown } | null | undefined;
  if (!stored.streamId.startsWith(CASE_STREAM) || !isBusinessDate(data?.occurredOn))
    return undefined;
  return { type: stored.type, data } as CaseEvent;
}

/** Days of a pause that this event ends; an open pause is counted up to "today" by queries. */
export function closedPause(before: CaseState, event: CaseEvent): number {
  if (event.type !== 'ReviewResumed' || before.status === 'NOT_REFERRED') return 0;
  const since = before.review?.pausedSince;
  return since ? daysBetween(since, event.data.occurredOn) : 0;
}

/** Where trackClocks writes: the read model's table, or a map when a query replays a case. */
export interface ClockWriter {
  start(
    caseId: string,
    clock: ClockName,
    anchorOn: string,
    dueOn: string,
    completedOn?: string,
  ): void;
  complete(caseId: string, clock: ClockName, on: string): void;
  extend(caseId: string, clock: ClockName, to: string): void;
  explain(caseId: string, clock: ClockName, reason: DelayReason): void;
}

/**
 * The statutory clocks as the events set them (domain.md §3.3, §6.1). Deadlines are read from
 * the events, which the decider computed under the regime rules in force; nothing is recomputed
 * here, so a change of rules never rewrites a past deadline. Writers keep a clock restarted
 * from a later anchor in place of the old one, and only its first completion.
 */
export function trackClocks(clocks: ClockWriter, caseId: string, s: OpenCase, event: CaseEvent): void {
  const on = event.data.occurredOn;
  switch (event.type) {
    case 'CaseReferred':
      if (event.data.decisionDueOn) clocks.start(caseId, 'DECISION', on, event.data.decisionDueOn);
      break;
    case 'DecisionRecorded':
      clocks.complete(caseId, 'DECISION', on);
      break;
    case 'SeriousIncidentNotified':
      if (event.data.dueOn) {
        clocks.start(
          caseId,
          'SERIOUS_INCIDENT_NOTIFICATION',
          event.data.becameAwareOn,
          event.data.dueOn,
          on,
        );
      }
      break;
    case 'RapidReviewStarted':
      // The event does not say which anchor the rules used; awareness is the default (E4).
      clocks.start(caseId, 'RAPID_REVIEW', s.becameAwareOn ?? on, event.data.dueOn);
      break;
    case 'RapidReviewCompleted':
      clocks.complete(caseId, 'RAPID_REVIEW', on);
      break;
    case 'NationalPanelNotified': {
      const decision = s.decisions.find((d) => d.decisionId === event.data.decisionId);
      if (event.data.dueOn && decision) {
        clocks.start(
          caseId,
          'NO_REVIEW_DECISION_TO_PANEL',
          decision.decidedOn,
          event.data.dueOn,
          on,
        );
      }
      break;
    }
    case 'ReviewCommissioned': {
      // Both targets run from the decision, not from the commissioning (domain.md §3.2).
      const anchor = currentDecision(s)?.decidedOn ?? on;
      clocks.start(caseId, 'REVIEW_COMPLETION', anchor, event.data.targetCompletionOn);
      if (event.data.publicationDueOn) {
        clocks.start(caseId, 'PUBLICATION', anchor, event.data.publicationDueOn);
      }
      break;
    }
    case 'ReviewTimescaleExtended':
      clocks.extend(caseId, 'REVIEW_COMPLETION', event.data.newTargetOn);
      break;
    case 'ReportSignedOff':
      clocks.complete(caseId, 'REVIEW_COMPLETION', on);
      break;
    case 'ReviewPublished':
    case 'PublicationWithheld':
      clocks.complete(caseId, 'PUBLICATION', on);
      break;
  }
  const late = 'late' in event.data ? event.data.late : undefined;
  if (late) clocks.explain(caseId, late.clock, late.reason);
}

/** The board's columns that come from the folded state alone; queries replaying a case use them too. */
export function caseColumnsOf(s: OpenCase) {
  const decision = currentDecision(s);
  return {
    case_ref: s.caseRef ?? null,
    regime: s.regime ?? null,
    status: s.status,
    stage: STAGE_OF[s.status],
    referred_on: s.referredOn ?? null,
    incident_type: s.incident?.type ?? null,
    incident_date: s.incident?.date ?? null,
    decision_id: decision?.decisionId ?? null,
    decision_outcome: decision?.outcome ?? null,
    decided_on: decision?.decidedOn ?? null,
    decided_by: decision?.decidedBy ?? null,
    decision_rationale: decision?.rationale ?? null,
    review_id: s.review?.reviewId ?? null,
    review_type: s.review?.reviewType ?? null,
    review_commissioned_on: s.review?.commissionedOn ?? null,
    review_target_completion_on: s.review?.targetCompletionOn ?? null,
    review_paused_since: s.review?.pausedSince ?? null,
    review_signed_off_on: s.review?.signedOffOn ?? null,
    review_published_on: s.review?.publishedOn ?? null,
    open_parallel_processes: s.parallelProcesses.filter((p) => !p.concludedOn).length,
    recommendations: s.recommendations.length,
    findings: s.findingIds.length,
    open_contest: s.openContest ? 1 : 0,
    last_event_on: s.latestDate,
  };
}

function caseRow(
  caseId: string,
  s: OpenCase,
  pausedDays: number,
  stored: StoredEvent,
  referral: CaseReferred | undefined,
) {
  return {
    ...caseColumnsOf(s),
    case_id: caseId,
    referring_agency: referral?.referringAgency ?? null,
    pseudonyms: referral ? JSON.stringify((referral.subjects ?? []).map((x) => x.pseudonym)) : null,
    themes: referral ? JSON.stringify(referral.themes ?? []) : null,
    paused_days_to_date: pausedDays,
    last_position: stored.position,
    version: stored.version,
    state: JSON.stringify(s),
  };
}
