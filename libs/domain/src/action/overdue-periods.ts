import { addDays, type BusinessDate } from '../calendar';
import type { ActionEvent } from './action.events';
import { type ActionStatusOn, deriveActionStatus } from './action-status';

/**
 * When an action was OVERDUE (domain.md §6.0), as periods, so "what was overdue on D" can be
 * read from an index instead of deriving every action on D. Pure, and derived by the one rule,
 * `deriveActionStatus`, at the only days its answer can change:
 *
 * - a day on which the facts visible change (each fact's `visibleFrom`), and
 * - the day after the due date then in force, when it falls before the next such day.
 *
 * Between those days the visible facts are the same and the due date has either passed or not,
 * so the status is too. A test holds the periods equal to the derivation on every day.
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
  const statusOn = (day: BusinessDate): ActionStatusOn =>
    deriveActionStatus(
      history.filter((h) => h.visibleFrom <= day).map((h) => h.event),
      day,
    );
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

export const overdueOn = (periods: readonly OverduePeriod[], day: BusinessDate) =>
  periods.find((p) => p.from <= day && (p.until === null || day < p.until));
