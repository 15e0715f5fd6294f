import { type BusinessDate, daysBetween } from '../calendar';
import type { ActionEvent, RagRating } from './action.events';
import {
  type ActionState,
  evolveAction,
  initialActionState,
  type PlannedAction,
} from './action.state';

/**
 * The derived status and RAG of one action on a date (domain.md §6.0), the one rule every report
 * shares. Pure: the caller chooses the events (all of them for "as effective", those known by
 * the date for "as known", §0.3 item 7); this keeps those that had happened by the date.
 */

export const DERIVED_ACTION_STATUSES = [
  'ABSENT',
  'COMPLETE',
  'UNSCHEDULED',
  'OVERDUE',
  'ON_TRACK',
  'AT_RISK',
  'OFF_TRACK',
  'CANCELLED',
] as const;
export type DerivedActionStatus = (typeof DERIVED_ACTION_STATUSES)[number];

export type DerivedRag = 'BLUE' | 'GREY' | 'RED' | 'AMBER' | 'GREEN';

export interface ActionStatusOn {
  status: DerivedActionStatus;
  subStatus?: 'SIGNED_OFF' | 'AWAITING_SIGN_OFF';
  /** Null when the action does not count: not planned yet, or cancelled or superseded. */
  rag: DerivedRag | null;
  daysOverdue?: number;
  currentDueDate?: BusinessDate;
  originalDueDate?: BusinessDate;
  /** currentDueDate − originalDueDate: how far agreed changes have moved the date. */
  slippageDays: number;
  dueDateChangeCount: number;
  completedOn?: BusinessDate;
  /** Completed after its due date (§0.3 item 2). */
  daysLate?: number;
  /** Completed before its due date; on the day itself it is neither. */
  daysEarly?: number;
  lastProgressOn?: BusinessDate;
  reportedRag?: RagRating;
}

const STATUS_OF_REPORTED_RAG: Record<RagRating, DerivedActionStatus> = {
  GREEN: 'ON_TRACK',
  AMBER: 'AT_RISK',
  RED: 'OFF_TRACK',
};

/**
 * @param history the action's events in stream order.
 * @param asOf the date T: an event counts from its occurredOn (a completion from its completion
 * date, a return or a due-date change from its own date).
 */
export function deriveActionStatus(
  history: readonly ActionEvent[],
  asOf: BusinessDate,
): ActionStatusOn {
  const state = history
    .filter((event) => event.data.occurredOn <= asOf)
    .reduce(evolveAction, initialActionState());
  return statusOfState(state, asOf);
}

/** The same from the state already folded from the events that had happened by `asOf`. */
export function statusOfState(state: ActionState, asOf: BusinessDate): ActionStatusOn {
  if (state.status === 'NOT_PLANNED')
    return { status: 'ABSENT', rag: null, slippageDays: 0, dueDateChangeCount: 0 };
  const latest = latestProgress(state);
  if (state.status === 'CANCELLED' || state.status === 'SUPERSEDED')
    return standing(state, latest, 'CANCELLED', null);
  if (state.completedOn) return completion(state, latest, state.completedOn);
  if (!state.currentDueDate) return standing(state, latest, 'UNSCHEDULED', 'GREY');
  if (asOf > state.currentDueDate) {
    const daysOverdue = daysBetween(state.currentDueDate, asOf);
    return standing(state, latest, 'OVERDUE', 'RED', { daysOverdue });
  }
  const reported = latest?.rag ?? 'GREEN';
  return standing(state, latest, STATUS_OF_REPORTED_RAG[reported], reported);
}

type LatestProgress = PlannedAction['progress'][number] | undefined;

type StatusDetail = Pick<
  ActionStatusOn,
  'subStatus' | 'completedOn' | 'daysLate' | 'daysEarly' | 'daysOverdue'
>;

/**
 * Every answer has every field, undefined where it does not apply (JSON leaves those out), in
 * one order: V8 then gives them all one shape. Assembled by spreading optional parts, each
 * combination had its own, and statusOfState runs for every action on every day its status can
 * change. The order is the one JSON has always shown, so stored snapshots read the same.
 */
function standing(
  s: PlannedAction,
  latest: LatestProgress,
  status: DerivedActionStatus,
  rag: DerivedRag | null,
  detail: StatusDetail = {},
): ActionStatusOn {
  return {
    currentDueDate: s.currentDueDate,
    originalDueDate: s.originalDueDate,
    slippageDays:
      s.originalDueDate && s.currentDueDate ? daysBetween(s.originalDueDate, s.currentDueDate) : 0,
    dueDateChangeCount: s.dueDateChangeCount,
    lastProgressOn: latest?.reportedOn,
    reportedRag: latest?.rag,
    status,
    subStatus: detail.subStatus,
    rag,
    completedOn: detail.completedOn,
    daysLate: detail.daysLate,
    daysEarly: detail.daysEarly,
    daysOverdue: detail.daysOverdue,
  };
}

/** By date, not stream order: progress entered late still yields to a later report. */
function latestProgress(s: PlannedAction): LatestProgress {
  return s.progress.reduce<LatestProgress>(
    (latest, p) => (!latest || p.reportedOn >= latest.reportedOn ? p : latest),
    undefined,
  );
}

function completion(
  s: PlannedAction,
  latest: LatestProgress,
  completedOn: BusinessDate,
): ActionStatusOn {
  const early = s.currentDueDate ? daysBetween(completedOn, s.currentDueDate) : 0;
  return standing(s, latest, 'COMPLETE', 'BLUE', {
    subStatus: s.signedOffOn ? 'SIGNED_OFF' : 'AWAITING_SIGN_OFF',
    completedOn,
    daysLate: early < 0 ? -early : undefined,
    daysEarly: early > 0 ? early : undefined,
  });
}

const SEVERITY: DerivedRag[] = ['GREEN', 'AMBER', 'RED'];

/**
 * A recommendation's, review's or agency's RAG from its actions' (§6.0 roll-ups): the worst of
 * those still open; GREY when every open one waits for a date; BLUE when all are complete. Null
 * when no action counts: the caller flags a recommendation with none as UNPLANNED.
 */
export function rollUpRag(statuses: readonly { rag: DerivedRag | null }[]): DerivedRag | null {
  const counted = statuses.map((s) => s.rag).filter((rag): rag is DerivedRag => rag !== null);
  const open = counted.filter((rag) => rag !== 'BLUE');
  if (open.length === 0) return counted.length > 0 ? 'BLUE' : null;
  const scheduled = open.filter((rag) => rag !== 'GREY');
  if (scheduled.length === 0) return 'GREY';
  return scheduled.reduce((worst, rag) =>
    SEVERITY.indexOf(rag) > SEVERITY.indexOf(worst) ? rag : worst,
  );
}
