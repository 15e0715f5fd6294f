import { type ClockName, type ClockStatus, daysBetween, readClock } from '@casetrail/domain';

/**
 * What the case queries read from the case_status read model and how they present it. Clock
 * figures depend on "today", so they are computed when read, never stored.
 */

/** Breached once completed after the due date, or still open after it (domain.md §0.3 item 2). */
export const BREACHED =
  '(k.completed_on > k.due_on OR (k.completed_on IS NULL AND k.due_on < @today))';

const CLOCK_COLUMNS = `
  (SELECT count(*) FROM case_clocks k WHERE k.case_id = c.case_id AND ${BREACHED}) AS breached_clocks,
  (SELECT json_object('name', k.clock, 'anchorOn', k.anchor_on, 'dueOn', k.due_on)
     FROM case_clocks k WHERE k.case_id = c.case_id AND k.completed_on IS NULL
     ORDER BY k.due_on, k.clock LIMIT 1) AS next_clock`;

/** A case in full, for its detail. */
export const CASE_COLUMNS = `c.*, ${CLOCK_COLUMNS}`;

/**
 * Only what a summary shows, for the lists: reading every column (the stored state above all)
 * was half the cost of a page of the case list.
 */
export const SUMMARY_COLUMNS = `c.case_id, c.case_ref, c.pseudonyms, c.status, c.stage, c.regime,
  c.referred_on, c.referring_agency, c.decision_id, c.decision_outcome, c.decided_on, c.decided_by,
  c.recommendations, c.findings, c.open_parallel_processes, c.last_event_on, c.version, ${CLOCK_COLUMNS}`;

type Text = string | null;

export interface CaseRow {
  case_id: string;
  case_ref: Text;
  regime: Text;
  status: string;
  stage: string;
  referred_on: Text;
  referring_agency: Text;
  pseudonyms: string;
  incident_type: Text;
  incident_date: Text;
  themes: string;
  decision_id: Text;
  decision_outcome: Text;
  decided_on: Text;
  decided_by: Text;
  decision_rationale: Text;
  review_id: Text;
  review_type: Text;
  review_commissioned_on: Text;
  review_target_completion_on: Text;
  review_paused_since: Text;
  review_signed_off_on: Text;
  review_published_on: Text;
  paused_days_to_date: bigint;
  open_parallel_processes: bigint;
  recommendations: bigint;
  findings: bigint;
  open_contest: bigint;
  last_event_on: Text;
  version: bigint;
  breached_clocks: bigint;
  next_clock: Text;
}

export interface ClockRow {
  clock: ClockName;
  anchor_on: string;
  due_on: string;
  extended_to: Text;
  completed_on: Text;
  delay_reason_code: Text;
  delay_reason_detail: Text;
}

export interface DecisionView {
  decisionId: string;
  outcome: Text;
  decidedOn: Text;
  decidedBy: Text;
}

export interface NextDeadline {
  name: ClockName;
  dueOn: string;
  daysRemaining: number | null;
  daysOverdue: number | null;
}

export interface CaseSummary {
  caseId: string;
  caseRef: Text;
  pseudonyms: string[];
  status: string;
  stage: string;
  regime: Text;
  referredOn: Text;
  referringAgency: Text;
  /** null while the decision is pending. */
  currentDecision: DecisionView | null;
  nextDeadline: NextDeadline | null;
  breachedClocks: number;
  counts: { recommendations: number; findings: number; openParallelProcesses: number };
  lastEventOn: Text;
  version: number;
}

export interface ClockView {
  name: ClockName;
  anchorOn: string;
  dueOn: string;
  extendedTo: Text;
  completedOn: Text;
  status: ClockStatus;
  daysLate: number;
  daysRemaining: number | null;
  reasonForDelay: { code: string; detail: Text } | null;
}

export interface CaseDetail extends CaseSummary {
  currentDecision: (DecisionView & { rationale: Text }) | null;
  incident: { type: Text; date: Text };
  themes: string[];
  review: {
    reviewId: string;
    reviewType: Text;
    commissionedOn: Text;
    targetCompletionOn: Text;
    pausedSince: Text;
    signedOffOn: Text;
    publishedOn: Text;
  } | null;
  openContest: boolean;
  /** Closed pauses plus an open one up to today: time the review stood still (domain.md §3.6). */
  pausedDays: number;
  clocks: ClockView[];
}

export type SummaryRow = Pick<
  CaseRow,
  | 'case_id'
  | 'case_ref'
  | 'pseudonyms'
  | 'status'
  | 'stage'
  | 'regime'
  | 'referred_on'
  | 'referring_agency'
  | 'decision_id'
  | 'decision_outcome'
  | 'decided_on'
  | 'decided_by'
  | 'recommendations'
  | 'findings'
  | 'open_parallel_processes'
  | 'last_event_on'
  | 'version'
  | 'breached_clocks'
  | 'next_clock'
>;

export function toSummary(row: SummaryRow, today: string): CaseSummary {
  return {
    caseId: row.case_id,
    caseRef: row.case_ref,
    pseudonyms: JSON.parse(row.pseudonyms) as string[],
    status: row.status,
    stage: row.stage,
    regime: row.regime,
    referredOn: row.referred_on,
    referringAgency: row.referring_agency,
    currentDecision: row.decision_id
      ? {
          decisionId: row.decision_id,
          outcome: row.decision_outcome,
          decidedOn: row.decided_on,
          decidedBy: row.decided_by,
        }
      : null,
    nextDeadline: row.next_clock ? nextDeadline(JSON.parse(row.next_clock), today) : null,
    breachedClocks: Number(row.breached_clocks),
    counts: {
      recommendations: Number(row.recommendations),
      findings: Number(row.findings),
      openParallelProcesses: Number(row.open_parallel_processes),
    },
    lastEventOn: row.last_event_on,
    version: Number(row.version),
  };
}

export function toDetail(row: CaseRow, clocks: ClockRow[], today: string): CaseDetail {
  const summary = toSummary(row, today);
  const openPause = row.review_paused_since
    ? Math.max(0, daysBetween(row.review_paused_since, today))
    : 0;
  return {
    ...summary,
    currentDecision: summary.currentDecision && {
      ...summary.currentDecision,
      rationale: row.decision_rationale,
    },
    incident: { type: row.incident_type, date: row.incident_date },
    themes: JSON.parse(row.themes) as string[],
    review: row.review_id
      ? {
          reviewId: row.review_id,
          reviewType: row.review_type,
          commissionedOn: row.review_commissioned_on,
          targetCompletionOn: row.review_target_completion_on,
          pausedSince: row.review_paused_since,
          signedOffOn: row.review_signed_off_on,
          publishedOn: row.review_published_on,
        }
      : null,
    openContest: row.open_contest === 1n,
    pausedDays: Number(row.paused_days_to_date) + openPause,
    clocks: clocks.map((clock) => clockView(clock, today)),
  };
}

function nextDeadline(
  clock: { name: ClockName; anchorOn: string; dueOn: string },
  today: string,
): NextDeadline {
  const reading = readClock(clock.name, clock.anchorOn, clock.dueOn, undefined, today);
  const overdue = reading.status === 'BREACHED';
  return {
    name: clock.name,
    dueOn: clock.dueOn,
    daysRemaining: overdue ? null : (reading.daysRemaining ?? 0),
    daysOverdue: overdue ? reading.daysLate : null,
  };
}

function clockView(row: ClockRow, today: string): ClockView {
  const reading = readClock(
    row.clock,
    row.anchor_on,
    row.due_on,
    row.completed_on ?? undefined,
    today,
  );
  return {
    name: row.clock,
    anchorOn: row.anchor_on,
    dueOn: row.due_on,
    extendedTo: row.extended_to,
    completedOn: reading.completedOn ?? null,
    status: reading.status,
    daysLate: reading.daysLate,
    daysRemaining: reading.daysRemaining ?? null,
    reasonForDelay: row.delay_reason_code
      ? { code: row.delay_reason_code, detail: row.delay_reason_detail }
      : null,
  };
}
