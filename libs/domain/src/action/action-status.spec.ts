import type { BusinessDate } from '../calendar';
import { type ActionStatusOn, deriveActionStatus, rollUpRag } from './action-status';
import type { ActionEvent } from './action.events';
import { b1Register, b1Steps, historyOf, skRegister, skSteps } from './testing/seed-actions';

/**
 * Derived status and RAG (domain.md §6.0) over the Child B1 and Sam & Kyle action streams, as
 * effective on each date. Every expected value was counted by hand from domain.md §0.3 item 2
 * (overdue from D+1, daysOverdue = T − D, daysLate = C − D) and the tables of §7.1 and §7.3.
 */

const b1 = (actionId: string, asOf: BusinessDate) =>
  deriveActionStatus(historyOf(b1Steps(), actionId), asOf);
const sk = (actionId: string, asOf: BusinessDate) =>
  deriveActionStatus(historyOf(skSteps(), actionId), asOf);
const b1All = (asOf: BusinessDate) => b1Register().map(([id]) => [id, b1(id, asOf)] as const);
const brief = ({ status, rag, subStatus }: ActionStatusOn) =>
  subStatus ? `${status}/${subStatus} ${rag}` : `${status} ${rag}`;

describe('Child B1 as effective on 2015-05-01 (§7.1)', () => {
  const asOf = '2015-05-01';

  it('shows B1-A02 (due 2015-04-08) overdue by 23 days', () => {
    expect(b1('B1-A02', asOf)).toEqual({
      status: 'OVERDUE',
      rag: 'RED',
      daysOverdue: 23,
      currentDueDate: '2015-04-08',
      originalDueDate: '2015-04-08',
      slippageDays: 0,
      dueDateChangeCount: 0,
    });
  });

  it('shows B1-A12 (due 2015-04-30) overdue by 1 day, whatever its AMBER report said', () => {
    expect(b1('B1-A12', asOf)).toEqual({
      status: 'OVERDUE',
      rag: 'RED',
      daysOverdue: 1,
      currentDueDate: '2015-04-30',
      originalDueDate: '2015-04-30',
      slippageDays: 0,
      dueDateChangeCount: 0,
      lastProgressOn: '2015-04-22',
      reportedRag: 'AMBER',
    });
  });

  it('shows B1-A01 complete, awaiting sign-off, 12 days late (2015-04-20 against 2015-04-08)', () => {
    expect(b1('B1-A01', asOf)).toEqual({
      status: 'COMPLETE',
      subStatus: 'AWAITING_SIGN_OFF',
      rag: 'BLUE',
      completedOn: '2015-04-20',
      daysLate: 12,
      currentDueDate: '2015-04-08',
      originalDueDate: '2015-04-08',
      slippageDays: 0,
      dueDateChangeCount: 0,
    });
  });

  it('shows B1-A11, completed on its due date 2015-04-30, as neither late nor early', () => {
    const status = b1('B1-A11', asOf);
    expect(status).toMatchObject({ status: 'COMPLETE', completedOn: '2015-04-30' });
    expect(status.daysLate).toBeUndefined();
    expect(status.daysEarly).toBeUndefined();
  });

  it('shows B1-A03 complete on 2015-03-27, 4 days early, and B1-A16 complete on its due date', () => {
    expect(b1('B1-A03', asOf)).toMatchObject({ completedOn: '2015-03-27', daysEarly: 4 });
    expect(b1('B1-A16', asOf)).toMatchObject({ status: 'COMPLETE', completedOn: '2015-03-31' });
    expect(b1('B1-A16', asOf).daysLate).toBeUndefined();
  });

  it('shows B1-A15 unscheduled, waiting on the report', () => {
    expect(b1('B1-A15', asOf)).toEqual({
      status: 'UNSCHEDULED',
      rag: 'GREY',
      slippageDays: 0,
      dueDateChangeCount: 0,
    });
  });

  it('gives every action its status: 4 complete, 2 overdue, 9 on track, 1 unscheduled, B1-A17 not yet planned', () => {
    expect(Object.fromEntries(b1All(asOf).map(([id, s]) => [id, brief(s)]))).toEqual({
      'B1-A01': 'COMPLETE/AWAITING_SIGN_OFF BLUE',
      'B1-A02': 'OVERDUE RED',
      'B1-A03': 'COMPLETE/AWAITING_SIGN_OFF BLUE',
      'B1-A04': 'ON_TRACK GREEN',
      'B1-A05': 'ON_TRACK GREEN',
      'B1-A06': 'ON_TRACK GREEN',
      'B1-A07': 'ON_TRACK GREEN',
      'B1-A08': 'ON_TRACK GREEN',
      'B1-A09': 'ON_TRACK GREEN',
      'B1-A10': 'ON_TRACK GREEN',
      'B1-A11': 'COMPLETE/AWAITING_SIGN_OFF BLUE',
      'B1-A12': 'OVERDUE RED',
      'B1-A13': 'ON_TRACK GREEN',
      'B1-A14': 'ON_TRACK GREEN',
      'B1-A15': 'UNSCHEDULED GREY',
      'B1-A16': 'COMPLETE/AWAITING_SIGN_OFF BLUE',
      'B1-A17': 'ABSENT null',
    });
  });

  it('rolls up to RED for the review', () => {
    expect(rollUpRag(b1All(asOf).map(([, s]) => s))).toBe('RED');
  });
});

describe('Child B1 as effective on 2016-01-05 (§7.1)', () => {
  const asOf = '2016-01-05';

  it('shows B1-A09 overdue by 5 days against 2015-12-31, 92 days of slippage from 2015-09-30, 1 change', () => {
    expect(b1('B1-A09', asOf)).toEqual({
      status: 'OVERDUE',
      rag: 'RED',
      daysOverdue: 5,
      currentDueDate: '2015-12-31',
      originalDueDate: '2015-09-30',
      slippageDays: 92,
      dueDateChangeCount: 1,
      lastProgressOn: '2015-09-15',
      reportedRag: 'AMBER',
    });
  });

  it('shows B1-A10 (due 2016-04-30) and B1-A17 (due 2016-03-31) open and GREEN', () => {
    expect(b1('B1-A10', asOf)).toMatchObject({
      status: 'ON_TRACK',
      rag: 'GREEN',
      currentDueDate: '2016-04-30',
      reportedRag: 'GREEN',
    });
    expect(b1('B1-A17', asOf)).toMatchObject({
      status: 'ON_TRACK',
      rag: 'GREEN',
      currentDueDate: '2016-03-31',
    });
  });

  it('shows B1-A15 still unscheduled and the other 13 complete and signed off', () => {
    const others = b1All(asOf).filter(
      ([id]) => !['B1-A09', 'B1-A10', 'B1-A15', 'B1-A17'].includes(id),
    );
    expect(others).toHaveLength(13);
    for (const [, status] of others)
      expect(status).toMatchObject({ status: 'COMPLETE', subStatus: 'SIGNED_OFF', rag: 'BLUE' });
    expect(b1('B1-A15', asOf)).toMatchObject({ status: 'UNSCHEDULED', rag: 'GREY' });
  });

  it('rolls up to RED for the review (one overdue action)', () => {
    expect(rollUpRag(b1All(asOf).map(([, s]) => s))).toBe('RED');
  });
});

describe('Child B1 as effective on 2016-10-13 (§7.1)', () => {
  it('shows all 17 actions complete and signed off, so the review is BLUE', () => {
    const all = b1All('2016-10-13');
    expect(all.map(([, s]) => brief(s))).toEqual(Array(17).fill('COMPLETE/SIGNED_OFF BLUE'));
    expect(rollUpRag(all.map(([, s]) => s))).toBe('BLUE');
  });

  it('measures B1-A15 against the date it was set: completed 2016-09-21, 9 days before 2016-09-30', () => {
    expect(b1('B1-A15', '2016-10-13')).toMatchObject({
      completedOn: '2016-09-21',
      currentDueDate: '2016-09-30',
      originalDueDate: '2016-09-30',
      daysEarly: 9,
      slippageDays: 0,
      dueDateChangeCount: 0,
    });
  });
});

describe('Sam & Kyle as effective on 2021-05-01 (§7.3)', () => {
  const asOf = '2021-05-01';

  it('shows SK-A4 (due 2021-04-30) overdue by 1 day', () => {
    expect(sk('SK-A4', asOf)).toMatchObject({ status: 'OVERDUE', rag: 'RED', daysOverdue: 1 });
  });

  it('shows SK-A1 completed 2021-03-03, 32 days after its derived due date 2021-01-30, awaiting sign-off', () => {
    expect(sk('SK-A1', asOf)).toMatchObject({
      status: 'COMPLETE',
      subStatus: 'AWAITING_SIGN_OFF',
      completedOn: '2021-03-03',
      currentDueDate: '2021-01-30',
      daysLate: 32,
    });
  });

  it('shows SK-A2 completed 2021-03-25, 6 days early, awaiting sign-off', () => {
    expect(sk('SK-A2', asOf)).toMatchObject({
      status: 'COMPLETE',
      subStatus: 'AWAITING_SIGN_OFF',
      completedOn: '2021-03-25',
      daysEarly: 6,
    });
  });

  it('shows SK-A3 and SK-A5 GREEN', () => {
    expect(sk('SK-A3', asOf)).toMatchObject({ status: 'ON_TRACK', rag: 'GREEN' });
    expect(sk('SK-A5', asOf)).toMatchObject({ status: 'ON_TRACK', rag: 'GREEN' });
  });

  it('rolls up to RED', () => {
    expect(rollUpRag(skRegister().map(([id]) => sk(id, asOf)))).toBe('RED');
  });
});

describe('Sam & Kyle as effective on 2021-06-17', () => {
  it('shows SK-A3 moved from 2021-06-30 to 2021-09-30: 92 days of slippage, 1 change, still on track', () => {
    expect(sk('SK-A3', '2021-06-17')).toMatchObject({
      status: 'ON_TRACK',
      currentDueDate: '2021-09-30',
      originalDueDate: '2021-06-30',
      slippageDays: 92,
      dueDateChangeCount: 1,
    });
  });

  it('shows SK-A4 signed off, 14 days late (2021-05-14 against 2021-04-30)', () => {
    expect(sk('SK-A4', '2021-06-17')).toMatchObject({
      status: 'COMPLETE',
      subStatus: 'SIGNED_OFF',
      daysLate: 14,
    });
  });
});

describe('when the date is at a boundary (§0.3 item 2)', () => {
  it('does not count an action overdue on its due date (B1-A02 on 2015-04-08)', () => {
    expect(b1('B1-A02', '2015-04-08')).toMatchObject({ status: 'ON_TRACK', rag: 'GREEN' });
  });

  it('counts it overdue from the day after (B1-A02 on 2015-04-09: 1 day)', () => {
    expect(b1('B1-A02', '2015-04-09')).toMatchObject({ status: 'OVERDUE', daysOverdue: 1 });
  });

  it('takes the reported RAG from the day it was reported (B1-A12 AMBER on 2015-04-22)', () => {
    expect(b1('B1-A12', '2015-04-21')).toMatchObject({ status: 'ON_TRACK', rag: 'GREEN' });
    expect(b1('B1-A12', '2015-04-22')).toMatchObject({ status: 'AT_RISK', rag: 'AMBER' });
    expect(b1('B1-A12', '2015-04-30')).toMatchObject({ status: 'AT_RISK', rag: 'AMBER' });
  });

  it('counts a completion from its own date (B1-A05: overdue on 2015-08-13, complete on 2015-08-14, 14 days late)', () => {
    expect(b1('B1-A05', '2015-08-13')).toMatchObject({ status: 'OVERDUE', daysOverdue: 13 });
    expect(b1('B1-A05', '2015-08-14')).toMatchObject({ status: 'COMPLETE', daysLate: 14 });
  });

  it('counts a due-date change from its own date (B1-A09 on 2015-09-14 and 2015-09-15)', () => {
    expect(b1('B1-A09', '2015-09-14')).toMatchObject({
      status: 'ON_TRACK',
      currentDueDate: '2015-09-30',
      dueDateChangeCount: 0,
    });
    expect(b1('B1-A09', '2015-09-15')).toMatchObject({
      status: 'AT_RISK',
      currentDueDate: '2015-12-31',
      slippageDays: 92,
      dueDateChangeCount: 1,
    });
  });

  it('leaves B1-A09 on 2015-10-01 at risk, not overdue: its date had moved', () => {
    expect(b1('B1-A09', '2015-10-01')).toMatchObject({ status: 'AT_RISK', rag: 'AMBER' });
  });

  it('schedules B1-A15 from the day its date was set (2016-06-13)', () => {
    expect(b1('B1-A15', '2016-06-12')).toMatchObject({ status: 'UNSCHEDULED' });
    expect(b1('B1-A15', '2016-06-13')).toMatchObject({
      status: 'ON_TRACK',
      currentDueDate: '2016-09-30',
    });
  });

  it('leaves B1-A17 out before it was planned (2015-10-19)', () => {
    expect(b1('B1-A17', '2015-10-19')).toEqual({
      status: 'ABSENT',
      rag: null,
      slippageDays: 0,
      dueDateChangeCount: 0,
    });
  });
});

describe('when the history has a return, a cancellation or a RED report', () => {
  const a01 = () => historyOf(b1Steps(), 'B1-A01', 'B1-18');

  it('reopens a returned completion from the return’s date (B1-A01 returned 2015-05-01: 23 days overdue)', () => {
    const history = [...a01(), returned('2015-05-01')];
    expect(deriveActionStatus(history, '2015-04-30')).toMatchObject({ status: 'COMPLETE' });
    const reopened = deriveActionStatus(history, '2015-05-01');
    expect(reopened).toMatchObject({ status: 'OVERDUE', daysOverdue: 23 });
    expect(reopened.completedOn).toBeUndefined();
  });

  it('shows a cancelled action as cancelled, outside the RAG', () => {
    const history = [...historyOf(b1Steps(), 'B1-A04', 'B1-15'), cancelled('2015-04-01')];
    expect(deriveActionStatus(history, '2015-03-31')).toMatchObject({ status: 'ON_TRACK' });
    expect(deriveActionStatus(history, '2015-06-01')).toMatchObject({
      status: 'CANCELLED',
      rag: null,
    });
  });

  it('shows a RED report on an action not yet due as off track', () => {
    const history = [...historyOf(b1Steps(), 'B1-A13', 'B1-41'), redReport('2015-10-01')];
    expect(deriveActionStatus(history, '2015-10-01')).toMatchObject({
      status: 'OFF_TRACK',
      rag: 'RED',
      reportedRag: 'RED',
      lastProgressOn: '2015-10-01',
    });
  });
});

describe('when the board’s knowledge is replayed (the caller filters by knownOn, §0.3 item 7)', () => {
  it('shows B1-A03 overdue on 2015-04-01 as known then, but complete as effective', () => {
    const effective = historyOf(b1Steps(), 'B1-A03');
    // The completion of 2015-03-27 was only recorded on 2015-04-15 (B1-17).
    const known = effective.filter((e) => e.type !== 'ActionCompleted');
    expect(deriveActionStatus(effective, '2015-04-01')).toMatchObject({
      status: 'COMPLETE',
      completedOn: '2015-03-27',
    });
    expect(deriveActionStatus(known, '2015-04-01')).toMatchObject({
      status: 'OVERDUE',
      daysOverdue: 1,
    });
  });
});

describe('when RAGs are rolled up (§6.0)', () => {
  const of = (...rags: ActionStatusOn['rag'][]) => rags.map((rag) => ({ rag }));

  it.each([
    [of('RED', 'AMBER', 'GREEN', 'BLUE'), 'RED'],
    [of('AMBER', 'GREEN', 'BLUE'), 'AMBER'],
    [of('GREEN', 'GREY', 'BLUE'), 'GREEN'],
    [of('GREY', 'BLUE'), 'GREY'],
    [of('BLUE', 'BLUE'), 'BLUE'],
    [of('BLUE', null), 'BLUE'],
    [of(null), null],
    [of(), null],
  ])('rolls %j up to %s', (statuses, expected) => {
    expect(rollUpRag(statuses)).toBe(expected);
  });

  it('rolls up B1’s LPT-3 on 2015-05-01 (B1-A03 complete, B1-A04 on track) to GREEN', () => {
    expect(rollUpRag([b1('B1-A03', '2015-05-01'), b1('B1-A04', '2015-05-01')])).toBe('GREEN');
  });

  it('rolls up B1’s UHL-1 on 2016-01-05 (only B1-A15, unscheduled) to GREY', () => {
    expect(rollUpRag([b1('B1-A15', '2016-01-05')])).toBe('GREY');
  });
});

function returned(occurredOn: BusinessDate): ActionEvent {
  return {
    type: 'ActionCompletionReturned',
    data: {
      occurredOn,
      by: { name: 'Chair, PAQA subgroup', role: 'PAQA chair' },
      reason: 'Training reached only half the GPs',
    },
  };
}

function cancelled(occurredOn: BusinessDate): ActionEvent {
  return { type: 'ActionCancelled', data: { occurredOn, reason: 'Merged into another action' } };
}

function redReport(occurredOn: BusinessDate): ActionEvent {
  return {
    type: 'ActionProgressRecorded',
    data: {
      occurredOn,
      progressId: 'P-B1-A13-2',
      reportedBy: 'LSCB business manager',
      narrative: 'Trainer withdrew; no multi-agency sessions booked',
      rag: 'RED',
      evidence: [],
    },
  };
}
