import { addDays, type BusinessDate } from '../calendar';
import type { ActionEvent } from './action.events';
import { evolveAction, initialActionState } from './action.state';
import { type ActionStatusOn, deriveActionStatus, statusOfState } from './action-status';

/**
 * When an action was OVERDUE (domain.md §6.0), as periods, so "what was overdue on D" can be
 * read from an index instead of deriving every action on D. Pure, and derived by the one rule,
 * `deriveActionStatus`, at the only days its answer can change:
 *
 * - a day on which the facts visible change (each fact's `visibleFrom`), and
 * - the day after the due date then in force, when it falls before the next such day.
 *
 * Between those days the visible facts are the same and the due date has either passed or not,
 * so the status is too. A test holds the periods equal to the derivation on every day. When the
 * facts became visible in the order they were appended (the usual case), each is folded once.
 */

export interface VisibleActionEvent {
  event: ActionEvent;
  /**
   * The first day the fact counts: its occurredOn "as effective"; the later of occurredOn and
   * the day the board knew it "as known" (§0.3 item 7).
   */
  visibleFrom: BusinessDate;
}

export interface OverduePeriod {
  from: BusinessDate;
  /** The first day it was no longer overdue (or overdue against another date); null while it still is. */
  until: BusinessDate | null;
  /** The due date it was overdue against, throughout the period. */
  dueDate: BusinessDate;
}

export function overduePeriods(history: readonly VisibleActionEvent[]): OverduePeriod[] {
  const statusOn = inStreamOrder(history) ? foldingForward(history) : refolding(history);
  const changes = [...new Set(history.map((h) => h.visibleFrom))].sort();
  const periods: OverduePeriod[] = [];
  let open: OverduePeriod | undefined;
  const from = (day: BusinessDate, status: ActionStatusOn) => {
    const dueDate = status.status === 'OVERDUE' ? status.currentDueDate : undefined;
    if (open && open.dueDate === dueDate) return;
    if (open) periods.push({ ...open, until: day });
    open = dueDate ? { from: day, until: null, dueDate } : undefined;
  };
  for (const [i, day] of changes.entries()) {
    const next = changes[i + 1];
    const status = statusOn(day);
    from(day, status);
    const dayAfterDue = status.currentDueDate && addDays(status.currentDueDate, 1);
    if (dayAfterDue && dayAfterDue > day && (next === undefined || dayAfterDue < next))
      from(dayAfterDue, statusOn(dayAfterDue));
  }
  if (open) periods.push(open);
  return periods;
}

/** Facts that become visible in the order they were appended: each day sees a prefix of the stream. */
const inStreamOrder = (history: readonly VisibleActionEvent[]) =>
  history.every((h, i) => i === 0 || history[i - 1]!.visibleFrom <= h.visibleFrom);

/**
 * The status on ever later days (as overduePeriods asks), folding each fact once. Only for
 * facts visible in stream order: a fact visible on a day has happened by then (visibleFrom is
 * never before occurredOn), so the prefix is exactly what deriveActionStatus would fold.
 */
function foldingForward(history: readonly VisibleActionEvent[]) {
  let state = initialActionState();
  let folded = 0;
  return (day: BusinessDate): ActionStatusOn => {
    for (; folded < history.length && history[folded]!.visibleFrom <= day; folded++)
      state = evolveAction(state, history[folded]!.event);
    return statusOfState(state, day);
  };
}

/** The status on any day, derived afresh: for history entered out of order. */
const refolding =
  (history: readonly VisibleActionEvent[]) =>
  (day: BusinessDate): ActionStatusOn =>
    deriveActionStatus(
      history.filter((h) => h.visibleFrom <= day).map((h) => h.event),
      day,
    );
