import { isDeepStrictEqual } from 'node:util';
import { addDays, type BusinessDate } from '../calendar';
import type { ActionEvent } from './action.events';
import { deriveActionStatus, statusOfState } from './action-status';
import { evolveAction, initialActionState } from './action.state';
import {
  type OverduePeriod,
  overduePeriods,
  statusOnDay,
  statusPeriods,
  type VisibleActionEvent,
} from './status-periods';

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

/** Both ways of computing the periods are exercised: facts visible in stream order, and not. */
function expectBothOrders(histories: VisibleActionEvent[][]) {
  const inOrder = histories.filter((history) =>
    history.every((h, i) => i === 0 || history[i - 1]!.visibleFrom <= h.visibleFrom),
  ).length;
  expect(inOrder).toBeGreaterThan(40);
  expect(histories.length - inOrder).toBeGreaterThan(40);
}

/** Every day from a little before the first fact to 200 days after the last one is visible. */
function* daysAround(history: VisibleActionEvent[]) {
  const last = history
    .map((h) => h.visibleFrom)
    .sort()
    .at(-1)!;
  for (
    let day = addDays(history[0]!.event.data.occurredOn, -3);
    day <= addDays(last, 200);
    day = addDays(day, 1)
  )
    yield day;
}

describe('statusPeriods', () => {
  it.each([
    ['as effective', false],
    ['as known', true],
  ])('agrees with deriveActionStatus on every day of 200 random histories, %s', (_, known) => {
    const histories = Array.from({ length: 200 }, (_, i) => randomHistory(i + 1, known));
    const statuses = new Set<string>();
    histories.forEach((history, i) => {
      const periods = statusPeriods(history);
      for (const day of daysAround(history)) {
        const period = periods.find((p) => p.from <= day && (p.until === null || day < p.until));
        const expected = derivedOn(history, day);
        const actual = period ? statusOnDay(period.status, day) : undefined;
        statuses.add(expected.status);
        if (!period) {
          if (expected.status !== 'ABSENT')
            throw new Error(`seed ${i + 1}, ${day}: no period, the rule says ${expected.status}`);
          continue;
        }
        // One expect per day would take a minute; a mismatch names its seed and day instead.
        // Compared as JSON, which the API answers and the projection stores: a field that does
        // not apply is undefined in one and absent in the other, and the order of keys counts.
        if (JSON.stringify(actual) !== JSON.stringify(expected))
          throw new Error(
            `seed ${i + 1}, ${day}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`,
          );
        if (
          !isDeepStrictEqual(
            period.visible,
            history.filter((h) => h.visibleFrom <= day),
          )
        )
          throw new Error(`seed ${i + 1}, ${day}: the period's visible facts differ`);
      }
    });
    expect([...statuses].sort()).toEqual(
      ['ABSENT', 'CANCELLED', 'COMPLETE', 'OVERDUE', 'AT_RISK', 'ON_TRACK', 'UNSCHEDULED'].sort(),
    );
    expectBothOrders(histories);
  });

  it("keeps no count of days overdue in a period, and statusOnDay adds the day's", () => {
    const history = randomHistory(1, false).slice(0, 1);
    const due = (history[0]!.event.data as { dueDate: BusinessDate }).dueDate;
    const [, overdue] = statusPeriods(history);
    expect(overdue).toMatchObject({ from: addDays(due, 1), until: null });
    expect(overdue!.status).not.toHaveProperty('daysOverdue');
    expect(statusOnDay(overdue!.status, addDays(due, 12))).toMatchObject({
      status: 'OVERDUE',
      daysOverdue: 12,
    });
  });
});

describe('overduePeriods', () => {
  it.each([
    ['as effective', false],
    ['as known', true],
  ])('agrees with deriveActionStatus on every day of 200 random histories, %s', (_, known) => {
    const histories = Array.from({ length: 200 }, (_, i) => randomHistory(i + 1, known));
    let overdueDays = 0;
    histories.forEach((history, i) => {
      const periods = overduePeriods(history);
      for (const day of daysAround(history)) {
        const status = derivedOn(history, day);
        const expected = status.status === 'OVERDUE' ? status.currentDueDate : undefined;
        const actual = overdueOn(periods, day)?.dueDate;
        if (actual !== expected)
          throw new Error(
            `seed ${i + 1}, ${day}: periods say ${actual}, the rule says ${expected}`,
          );
        if (expected) overdueDays++;
      }
    });
    expect(overdueDays).toBeGreaterThan(4_000);
    expectBothOrders(histories);
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

describe('the shapes the folds build', () => {
  // Spreading a state, or optional parts of one, gave V8 a new object shape at each step, and
  // its slow copy was most of a case's as-of replay; the fold now keeps every field, always.
  it('gives every planned state, and every status derived from one, the same fields in one order', () => {
    const states = new Set<string>();
    const statuses = new Set<string>();
    for (let seed = 1; seed <= 200; seed++) {
      let state = initialActionState();
      for (const { event } of randomHistory(seed, false)) {
        state = evolveAction(state, event);
        if (state.status === 'NOT_PLANNED') continue;
        states.add(Object.keys(state).join());
        for (const day of [event.data.occurredOn, addDays(event.data.occurredOn, 400)])
          statuses.add(Object.keys(statusOfState(state, day)).join());
      }
    }
    expect([...states]).toHaveLength(1);
    expect([...statuses]).toHaveLength(1);
  });
});
