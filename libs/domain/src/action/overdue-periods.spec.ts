import { addDays, type BusinessDate } from '../calendar';
import type { ActionEvent } from './action.events';
import { deriveActionStatus } from './action-status';
import { type OverduePeriod, overduePeriods, type VisibleActionEvent } from './overdue-periods';

/** A small deterministic PRNG, so a failing history can be reproduced from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const approver = { name: 'Chair', role: 'Chair' };
const lead = { displayText: 'Lead', persons: [], agency: 'Police' };

/**
 * A random action history: planned (dated or not), then progress, re-datings, first dates,
 * completions, returns and withdrawals, some entered out of date order, each visible from its
 * own date ("effective") or up to a month later ("known").
 */
function randomHistory(seed: number, known: boolean): VisibleActionEvent[] {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const plannedOn = addDays('2015-01-01', int(100));
  const dated = random() < 0.85;
  const events: ActionEvent[] = [
    {
      type: 'ActionPlanned',
      data: {
        occurredOn: plannedOn,
        actionId: 'A',
        caseId: 'C',
        recommendationIds: ['R1'],
        actionText: 'Do it',
        desiredOutcome: 'Done',
        lead,
        agency: 'Police',
        monitoringBody: 'EXECUTIVE',
        timescaleText: 'soon',
        dueDatePrecision: dated ? 'DAY' : 'UNSCHEDULED',
        ...(dated && { dueDate: addDays(plannedOn, 10 + int(80)) }),
      },
    },
  ];
  let day = plannedOn;
  for (let i = 0, n = int(9); i < n; i++) {
    // Mostly forward in time; one in five is back-dated (history entered late).
    day = random() < 0.2 ? addDays(day, -int(20)) : addDays(day, int(40));
    if (day < plannedOn) day = plannedOn;
    const kind = int(7);
    const occurredOn = day;
    if (kind === 0)
      events.push({
        type: 'ActionProgressRecorded',
        data: {
          occurredOn,
          progressId: `p${i}`,
          reportedBy: 'Lead',
          narrative: 'x',
          rag: 'AMBER',
          evidence: [],
        },
      });
    if (kind === 1)
      events.push({
        type: 'ActionDueDateChanged',
        data: {
          occurredOn,
          fromDate: day,
          toDate: addDays(day, int(90) - 20),
          reason: 'x',
          approvedBy: approver,
        },
      });
    if (kind === 2)
      events.push({
        type: 'ActionDueDateSet',
        data: { occurredOn, dueDate: addDays(day, int(60)), reason: 'x' },
      });
    if (kind === 3)
      events.push({
        type: 'ActionCompleted',
        data: { occurredOn, completedBy: 'Lead', summary: 'x', evidence: [] },
      });
    if (kind === 4)
      events.push({
        type: 'ActionCompletionReturned',
        data: { occurredOn, by: approver, reason: 'x' },
      });
    if (kind === 5)
      events.push({
        type: 'ActionCompletionSignedOff',
        data: { occurredOn, body: 'EXECUTIVE', chair: approver, impactAssessment: 'OUTPUT_ONLY' },
      });
    if (kind === 6 && random() < 0.3)
      events.push({ type: 'ActionCancelled', data: { occurredOn, reason: 'x' } });
  }
  return events.map((event) => ({
    event,
    visibleFrom: known
      ? addDays(event.data.occurredOn, int(3) === 0 ? int(30) : 0)
      : event.data.occurredOn,
  }));
}

/** The period covering a day, if any. */
const overdueOn = (periods: readonly OverduePeriod[], day: BusinessDate) =>
  periods.find((p) => p.from <= day && (p.until === null || day < p.until));

/** The status on a day by the rule itself, from the facts visible that day. */
const derivedOn = (history: VisibleActionEvent[], day: BusinessDate) =>
  deriveActionStatus(
    history.filter((h) => h.visibleFrom <= day).map((h) => h.event),
    day,
  );

describe('overduePeriods', () => {
  it.each([
    ['as effective', false],
    ['as known', true],
  ])('agrees with deriveActionStatus on every day of 200 random histories, %s', (_, known) => {
    let overdueDays = 0;
    let inOrder = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const history = randomHistory(seed, known);
      if (history.every((h, i) => i === 0 || history[i - 1]!.visibleFrom <= h.visibleFrom))
        inOrder++;
      const periods = overduePeriods(history);
      const last = history
        .map((h) => h.visibleFrom)
        .sort()
        .at(-1)!;
      for (
        let day = addDays(history[0]!.event.data.occurredOn, -3);
        day <= addDays(last, 200);
        day = addDays(day, 1)
      ) {
        const status = derivedOn(history, day);
        const expected = status.status === 'OVERDUE' ? status.currentDueDate : undefined;
        const actual = overdueOn(periods, day)?.dueDate;
        if (actual !== expected)
          throw new Error(`seed ${seed}, ${day}: periods say ${actual}, the rule says ${expected}`);
        if (expected) overdueDays++;
      }
    }
    expect(overdueDays).toBeGreaterThan(4_000);
    // Both ways of computing them are exercised: facts visible in stream order, and not.
    expect(inOrder).toBeGreaterThan(40);
    expect(200 - inOrder).toBeGreaterThan(40);
  });

  it('gives one open period to an action left undone past its date', () => {
    const history = randomHistory(1, false).slice(0, 1);
    const due = (history[0]!.event.data as { dueDate: BusinessDate }).dueDate;
    expect(overduePeriods(history)).toEqual([{ from: addDays(due, 1), until: null, dueDate: due }]);
  });

  it('splits the period at a re-dating and ends it on completion', () => {
    const planned = randomHistory(1, false)[0]!;
    const due = (planned.event.data as { dueDate: BusinessDate }).dueDate;
    const later = addDays(due, 30);
    const history: VisibleActionEvent[] = [
      planned,
      {
        event: {
          type: 'ActionDueDateChanged',
          data: {
            occurredOn: addDays(due, 10),
            fromDate: due,
            toDate: later,
            reason: 'x',
            approvedBy: approver,
          },
        },
        visibleFrom: addDays(due, 10),
      },
      {
        event: {
          type: 'ActionCompleted',
          data: { occurredOn: addDays(later, 5), completedBy: 'L', summary: 'x', evidence: [] },
        },
        visibleFrom: addDays(later, 5),
      },
    ];
    expect(overduePeriods(history)).toEqual([
      { from: addDays(due, 1), until: addDays(due, 10), dueDate: due },
      { from: addDays(later, 1), until: addDays(later, 5), dueDate: later },
    ]);
  });
});
