import { addDays, type BusinessDate, daysBetween } from '../calendar';
import type { ActionEvent } from './action.events';
import { evolveAction, initialActionState } from './action.state';
import { type ActionStatusOn, deriveActionStatus, statusOfState } from './action-status';

/**
 * An action's derived status (domain.md §6.0) as periods, so "what stood on D" can be read from
 * an index instead of deriving every action on D. Pure, and derived by the one rule,
 * `deriveActionStatus`, at the only days its answer can change:
 *
 * - a day on which the facts visible change (each fact's `visibleFrom`), and
 * - the day after the due date then in force, when it falls before the next such day.
 *
 * Between those days the visible facts are the same and the due date has either passed or not,
 * so the status is too, except for the count of days overdue, which `statusOnDay` adds. A test
 * holds the periods equal to the derivation on every day. When the facts became visible in the
 * order they were appended (the usual case), each is folded once.
 */

export interface VisibleActionEvent {
  event: ActionEvent;
  /**
   * The first day the fact counts: its occurredOn "as effective"; the later of occurredOn and
   * the day the board knew it "as known" (§0.3 item 7).
   */
  visibleFrom: BusinessDate;
}

/** A status that holds on every day of a period: all but the days overdue, which grow daily. */
export type StandingStatus = Omit<ActionStatusOn, 'daysOverdue'>;

export interface StatusPeriod<T extends VisibleActionEvent = VisibleActionEvent> {
  from: BusinessDate;
  /** The first day of the next period; null for the last, which never ends. */
  until: BusinessDate | null;
  status: StandingStatus;
  /** The facts visible throughout the period, in stream order. */
  visible: readonly T[];
}

export interface OverduePeriod {
  from: BusinessDate;
  /** The first day it was no longer overdue (or overdue against another date); null while it still is. */
  until: BusinessDate | null;
  /** The due date it was overdue against, throughout the period. */
  dueDate: BusinessDate;
}

/**
 * Consecutive periods from the first day a fact is visible (before it, the action is ABSENT).
 * Two neighbours may hold the same status: a new fact starts a period even when it changes
 * nothing the status shows, so each period's `visible` is exact.
 */
export function statusPeriods<T extends VisibleActionEvent>(
  history: readonly T[],
): StatusPeriod<T>[] {
  const statusOn = inStreamOrder(history) ? foldingForward(history) : refolding(history);
  const changes = [...new Set(history.map((h) => h.visibleFrom))].sort();
  const periods: StatusPeriod<T>[] = [];
  const start = (day: BusinessDate) => {
    const { status, visible } = statusOn(day);
    const { daysOverdue: _, ...standing } = status;
    const previous = periods.at(-1);
    if (previous) previous.until = day;
    periods.push({ from: day, until: null, status: standing, visible });
    return standing;
  };
  for (const [i, day] of changes.entries()) {
    const next = changes[i + 1];
    const status = start(day);
    const dayAfterDue = status.currentDueDate && addDays(status.currentDueDate, 1);
    if (dayAfterDue && dayAfterDue > day && (next === undefined || dayAfterDue < next))
      start(dayAfterDue);
  }
  return periods;
}

/** The status on a day of its period, as `deriveActionStatus` gives it on that day. */
export function statusOnDay(status: StandingStatus, day: BusinessDate): ActionStatusOn {
  return status.status === 'OVERDUE'
    ? { ...status, daysOverdue: daysBetween(status.currentDueDate!, day) }
    : status;
}

/** When the action was OVERDUE, and against which due date: the status periods, merged. */
export function overduePeriods(history: readonly VisibleActionEvent[]): OverduePeriod[] {
  return overdueIn(statusPeriods(history));
}

/** The same from status periods already computed. */
export function overdueIn(periods: readonly StatusPeriod[]): OverduePeriod[] {
  const overdue: OverduePeriod[] = [];
  for (const { from, until, status } of periods) {
    if (status.status !== 'OVERDUE') continue;
    const last = overdue.at(-1);
    if (last && last.until === from && last.dueDate === status.currentDueDate) last.until = until;
    else overdue.push({ from, until, dueDate: status.currentDueDate! });
  }
  return overdue;
}

/** Facts that become visible in the order they were appended: each day sees a prefix of the stream. */
const inStreamOrder = (history: readonly VisibleActionEvent[]) =>
  history.every((h, i) => i === 0 || history[i - 1]!.visibleFrom <= h.visibleFrom);

/**
 * The status on ever later days (as statusPeriods asks), folding each fact once. Only for
 * facts visible in stream order: a fact visible on a day has happened by then (visibleFrom is
 * never before occurredOn), so the prefix is exactly what deriveActionStatus would fold.
 */
function foldingForward<T extends VisibleActionEvent>(history: readonly T[]) {
  let state = initialActionState();
  let folded = 0;
  return (day: BusinessDate) => {
    for (; folded < history.length && history[folded]!.visibleFrom <= day; folded++)
      state = evolveAction(state, history[folded]!.event);
    return { status: statusOfState(state, day), visible: history.slice(0, folded) };
  };
}

/** The status on any day, derived afresh: for history entered out of order. */
const refolding =
  <T extends VisibleActionEvent>(history: readonly T[]) =>
  (day: BusinessDate) => {
    const visible = history.filter((h) => h.visibleFrom <= day);
    return {
      status: deriveActionStatus(
        visible.map((h) => h.event),
        day,
      ),
      visible,
    };
  };
