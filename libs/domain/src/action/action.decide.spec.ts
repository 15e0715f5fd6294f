import type { BusinessDate } from '../calendar';
import { fold } from '../decider';
import { deciderSpecification } from '../testing/decider-specification';
import type { ActionCommandOf, ActionCommandType, PlanActionData } from './action.commands';
import { createActionDecider, DEFAULT_ACTION_DECIDER_CONFIG } from './action.decide';
import type { ActionEvent, ActionEventType, ActionPlanned } from './action.events';
import type { PlannedAction } from './action.state';
import {
  amend,
  b1A09DueDateChange,
  b1A15DueDateSet,
  b1Plan,
  b1Recommendations,
  b1Register,
  b1Steps,
  command,
  completion,
  historyOf,
  PAQA_CHAIR,
  progress,
  replay,
  signOff,
  skPlan,
  skSteps,
} from './testing/seed-actions';

/**
 * The action decider (domain.md §4.5, §5.5, §5.8) over the action streams of Child B1 (§7.1)
 * and Sam & Kyle (§7.3). Every due date below is copied from the registers of domain.md or
 * worked out by hand from §0.3, never from the code's output.
 */
const decider = createActionDecider();
const refusedRules = new Set<string>();
const { given } = deciderSpecification(decider, (rule) => refusedRules.add(rule));

describe('when an action is planned', () => {
  it('normalises the timescale and defaults the monitoring body (B1-A01: "8/04/2015", single-agency → PAQA)', () => {
    given([])
      .when(b1Plan('B1-A01'))
      .then([
        event('ActionPlanned', {
          ...planned(b1Plan('B1-A01').data),
          monitoringBody: 'PAQA',
          dueDate: '2015-04-08',
          dueDatePrecision: 'DAY',
        }),
      ]);
  });

  describe('from the B1 register (§7.1)', () => {
    it.each([
      ['B1-A01', '2015-04-08', 'DAY', 'PAQA'],
      ['B1-A02', '2015-04-08', 'DAY', 'PAQA'],
      ['B1-A03', '2015-03-31', 'DAY', 'PAQA'],
      ['B1-A04', '2015-05-31', 'DAY', 'PAQA'],
      ['B1-A05', '2015-07-31', 'DAY', 'PAQA'],
      ['B1-A06', '2015-07-31', 'DAY', 'PAQA'],
      ['B1-A07', '2015-07-31', 'MONTH', 'PAQA'],
      ['B1-A08', '2015-09-30', 'MONTH', 'PAQA'],
      ['B1-A09', '2015-09-30', 'MONTH', 'PAQA'],
      ['B1-A10', '2016-04-30', 'MONTH', 'PAQA'],
      ['B1-A11', '2015-04-30', 'MONTH', 'PAQA'],
      ['B1-A12', '2015-04-30', 'MONTH', 'PAQA'],
      ['B1-A13', '2015-12-31', 'MONTH', 'EXECUTIVE'],
      ['B1-A14', '2015-06-30', 'MONTH', 'EXECUTIVE'],
      ['B1-A16', '2015-03-31', 'MONTH', 'PAQA'],
      ['B1-A17', '2016-03-31', 'DAY', 'EXECUTIVE'],
    ])('plans %s due %s (%s), monitored by %s', (actionId, dueDate, precision, body) => {
      const [planned] = given([]).when(b1Plan(actionId)).then([expect.anything()]);
      expect(planned.data).toMatchObject({
        dueDate,
        dueDatePrecision: precision,
        monitoringBody: body,
        timescaleText: timescaleOf(actionId),
      });
    });

    it('flags B1-A08 ongoing ("September 2015 and ongoing CPD element")', () => {
      const [planned] = given([]).when(b1Plan('B1-A08')).then([expect.anything()]);
      expect(planned.data).toMatchObject({ ongoing: true });
    });

    it('plans B1-A15 with no due date, waiting on the release of the report', () => {
      const [planned] = given([]).when(b1Plan('B1-A15')).then([expect.anything()]);
      expect(planned.data).toMatchObject({
        dueDatePrecision: 'CONDITIONAL',
        triggerCondition: 'Dependent on release of report',
        triggerEvent: 'REVIEW_PUBLISHED',
        monitoringBody: 'PAQA',
      });
      expect(planned.data).not.toHaveProperty('dueDate');
    });
  });

  describe('from the Sam & Kyle register (§7.3)', () => {
    it('derives SK-A1 from publication: 2020-07-30 + 6 months = 2021-01-30', () => {
      const [planned] = given([]).when(skPlan('SK-A1')).then([expect.anything()]);
      expect(planned.data).toMatchObject({
        dueDate: '2021-01-30',
        dueDatePrecision: 'DERIVED',
        monitoringBody: 'EXECUTIVE',
      });
    });

    it.each([
      ['SK-A2', '2021-03-31'],
      ['SK-A3', '2021-06-30'],
      ['SK-A4', '2021-04-30'],
      ['SK-A5', '2021-12-31'],
    ])('plans %s due %s, monitored by the Executive', (actionId, dueDate) => {
      const [planned] = given([]).when(skPlan(actionId)).then([expect.anything()]);
      expect(planned.data).toMatchObject({
        dueDate,
        dueDatePrecision: 'DAY',
        monitoringBody: 'EXECUTIVE',
      });
    });

    it('waits on publication when it has not happened yet', () => {
      const plan = skPlan('SK-A1');
      const [planned] = given([])
        .when(amend(plan, { context: { ...plan.data.context, anchorOn: undefined } }))
        .then([expect.anything()]);
      expect(planned.data).toMatchObject({
        dueDatePrecision: 'CONDITIONAL',
        triggerCondition: 'within the next six months',
      });
    });
  });

  it('keeps an explicit due date over the text', () => {
    const plan = amend(b1Plan('B1-A01'), { dueDate: '2015-04-10', dueDatePrecision: 'DAY' });
    given([])
      .when(plan)
      .then([
        event('ActionPlanned', {
          ...planned(plan.data),
          monitoringBody: 'PAQA',
          dueDate: '2015-04-10',
          dueDatePrecision: 'DAY',
        }),
      ]);
  });

  it('reads an explicit due date without a precision as to the day', () => {
    const [planned] = given([])
      .when(amend(b1Plan('B1-A09'), { dueDate: '2015-09-15' }))
      .then([expect.anything()]);
    expect(planned.data).toMatchObject({ dueDate: '2015-09-15', dueDatePrecision: 'DAY' });
  });

  it('goes to the Executive when any of its recommendations is multi-agency (Child R’s many-to-many)', () => {
    const [planned] = given([])
      .when(amend(b1Plan('B1-A13'), { recommendationIds: ['CSC-2', 'LSCB-1'] }))
      .then([expect.anything()]);
    expect(planned.data).toMatchObject({ monitoringBody: 'EXECUTIVE' });
  });

  it('accepts a different monitoring body with a reason', () => {
    const reason = 'The Executive asked to monitor all failure-to-thrive actions';
    const [planned] = given([])
      .when(amend(b1Plan('B1-A01'), { monitoringBody: 'EXECUTIVE', monitoringBodyReason: reason }))
      .then([expect.anything()]);
    expect(planned.data).toMatchObject({
      monitoringBody: 'EXECUTIVE',
      monitoringBodyReason: reason,
    });
  });

  it('refuses a different monitoring body without a reason', () => {
    given([])
      .when(amend(b1Plan('B1-A01'), { monitoringBody: 'EXECUTIVE' }))
      .thenRefuses('monitoring-body-override-needs-reason');
  });

  it('plans "Already actioned see 8.5.2" as achieved already, with no due date (CSC 1)', () => {
    const [planned] = given([]).when(csc1Plan()).then([expect.anything()]);
    expect(planned.data).toMatchObject({ dueDatePrecision: 'RETROSPECTIVE', retrospective: true });
    expect(planned.data).not.toHaveProperty('dueDate');
  });

  it('accepts a due date before planning for work done before it (retrospective)', () => {
    const [planned] = given([])
      .when(
        amend(b1Plan('B1-A16'), {
          dueDate: '2014-12-31',
          dueDatePrecision: 'MONTH',
          retrospective: true,
        }),
      )
      .then([expect.anything()]);
    expect(planned.data).toMatchObject({ dueDate: '2014-12-31', retrospective: true });
  });

  it('refuses an action planned twice', () => {
    given(historyOf(b1Steps(), 'B1-A01', 'B1-15'))
      .when(b1Plan('B1-A01'))
      .thenRefuses('action-already-planned');
  });

  it('refuses an action on a closed case', () => {
    const plan = b1Plan('B1-A17');
    given([])
      .when(amend(plan, { context: { ...plan.data.context, caseClosed: true } }))
      .thenRefuses('no-action-on-closed-case');
  });

  it('refuses an action that addresses no recommendation', () => {
    given([])
      .when(amend(b1Plan('B1-A01'), { recommendationIds: [] }))
      .thenRefuses('action-needs-a-recommendation');
  });

  it('refuses an action under a recommendation the case does not have yet (23.1(iii) on 2015-03-02)', () => {
    given([])
      .when(amend(b1Plan('B1-A01'), { recommendationIds: ['OVR-23.1-iii'] }))
      .thenRefuses('no-action-under-unknown-recommendation');
  });

  it('refuses an action under a recommendation closed without action', () => {
    const plan = b1Plan('B1-A17');
    const recommendations = b1Recommendations('2015-10-20').map((r) =>
      r.recommendationId === 'OVR-23.1-iii' ? { ...r, closedWithoutAction: true } : r,
    );
    given([])
      .when(amend(plan, { context: { ...plan.data.context, recommendations } }))
      .thenRefuses('no-action-under-closed-recommendation');
  });

  it('refuses an action with no lead', () => {
    const plan = b1Plan('B1-A01');
    given([])
      .when(amend(plan, { lead: { ...plan.data.lead, displayText: '  ' } }))
      .thenRefuses('action-needs-a-lead');
  });

  it('refuses an action with no desired outcome', () => {
    given([])
      .when(amend(b1Plan('B1-A01'), { desiredOutcome: '' }))
      .thenRefuses('action-needs-text-and-outcome');
  });

  it('refuses a month precision without its date', () => {
    given([])
      .when(amend(b1Plan('B1-A09'), { dueDatePrecision: 'MONTH' }))
      .thenRefuses('due-date-matches-precision');
  });

  it('refuses a due date on a conditional action', () => {
    given([])
      .when(
        amend(b1Plan('B1-A15'), {
          dueDate: '2016-09-30',
          dueDatePrecision: 'CONDITIONAL',
          triggerCondition: 'Dependent on release of report',
        }),
      )
      .thenRefuses('due-date-matches-precision');
  });

  it('refuses a conditional action that does not say what it waits for', () => {
    given([])
      .when(amend(b1Plan('B1-A15'), { dueDatePrecision: 'CONDITIONAL' }))
      .thenRefuses('conditional-action-needs-trigger');
  });

  it('names the milestone of a trigger given in words, as it would from the timescale', () => {
    const [planned] = given([])
      .when(
        amend(b1Plan('B1-A15'), {
          timescaleText: 'TBC',
          dueDatePrecision: 'CONDITIONAL',
          triggerCondition: 'When the Board has signed off the report',
        }),
      )
      .then([expect.anything()]);
    expect(planned.data).toMatchObject({ triggerEvent: 'REPORT_SIGNED_OFF' });
  });

  it('keeps a milestone given explicitly over the one the text names', () => {
    const [planned] = given([])
      .when(amend(b1Plan('B1-A15'), { triggerEvent: 'REPORT_SIGNED_OFF' }))
      .then([expect.anything()]);
    expect(planned.data).toMatchObject({
      dueDatePrecision: 'CONDITIONAL',
      triggerEvent: 'REPORT_SIGNED_OFF',
    });
  });

  it('refuses a milestone on an action that waits for none (B1-A01, due 8/04/2015)', () => {
    given([])
      .when(amend(b1Plan('B1-A01'), { triggerEvent: 'REVIEW_PUBLISHED' }))
      .thenRefuses('trigger-only-for-conditional-action');
  });

  it('refuses a due date before planning (B1-A01 due 2015-03-01, planned 2015-03-02)', () => {
    given([])
      .when(amend(b1Plan('B1-A01'), { dueDate: '2015-03-01', dueDatePrecision: 'DAY' }))
      .thenRefuses('no-due-date-before-planning');
  });

  it('refuses a plan dated after today', () => {
    given([])
      .when(amend(b1Plan('B1-A01'), {}, '2015-03-01'))
      .thenRefuses('no-future-dates');
  });
});

describe('when progress is reported', () => {
  it('records it, and the action is in progress (B1-19: B1-A12 AMBER)', () => {
    const report = commandOf('RecordProgress', 'B1-19', 'B1-A12');
    const [reported] = given(historyOf(b1Steps(), 'B1-A12', 'B1-15'))
      .when(report)
      .then([event('ActionProgressRecorded', report.data)]);
    const state = stateOf([...historyOf(b1Steps(), 'B1-A12', 'B1-15'), reported]);
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      progress: [{ reportedOn: '2015-04-22', rag: 'AMBER' }],
    });
  });

  it('refuses progress on an action never planned', () => {
    given([])
      .when(commandOf('RecordProgress', 'B1-19', 'B1-A12'))
      .thenRefuses('action-must-be-planned');
  });

  it('refuses progress on a completed action (B1-A01, completed 2015-04-20)', () => {
    given(historyOf(b1Steps(), 'B1-A01', 'B1-18'))
      .when(progress('2015-04-21', 'P-late', 'Named GP', 'GREEN', 'All done'))
      .thenRefuses('no-progress-on-closed-action');
  });

  it('refuses progress on a cancelled action', () => {
    given([...historyOf(b1Steps(), 'B1-A04', 'B1-15'), cancelled('2015-04-01')])
      .when(progress('2015-04-02', 'P-1', 'Clinical Team Leader', 'GREEN', 'Meetings held'))
      .thenRefuses('no-progress-on-closed-action');
  });

  it('refuses progress dated before the plan', () => {
    given(historyOf(b1Steps(), 'B1-A12', 'B1-15'))
      .when(amend(commandOf('RecordProgress', 'B1-19', 'B1-A12'), { occurredOn: '2015-03-01' }))
      .thenRefuses('no-date-before-planning');
  });

  it('refuses the same progress report twice', () => {
    given(historyOf(b1Steps(), 'B1-A12', 'B1-19'))
      .when(amend(commandOf('RecordProgress', 'B1-19', 'B1-A12'), { occurredOn: '2015-04-23' }))
      .thenRefuses('progress-id-is-new');
  });
});

describe('when a due date changes', () => {
  const a09 = () => historyOf(b1Steps(), 'B1-A09', 'B1-38');

  it('records the date it moves from (B1-39: B1-A09 2015-09-30 → 2015-12-31)', () => {
    given(a09())
      .when(b1A09DueDateChange())
      .then([
        event('ActionDueDateChanged', { ...b1A09DueDateChange().data, fromDate: '2015-09-30' }),
      ]);
  });

  it('keeps the original due date and counts the change', () => {
    expect(stateOf(historyOf(b1Steps(), 'B1-A09', 'B1-39'))).toMatchObject({
      originalDueDate: '2015-09-30',
      currentDueDate: '2015-12-31',
      dueDateChangeCount: 1,
      dueDateHistory: [{ kind: 'CHANGED', on: '2015-09-15', from: '2015-09-30', to: '2015-12-31' }],
    });
  });

  it('moves SK-A3 from 2021-06-30 to 2021-09-30 with the LSCP Executive’s approval (SK-22)', () => {
    const change = commandOf('ChangeDueDate', 'SK-22', 'SK-A3', skSteps());
    given(historyOf(skSteps(), 'SK-A3', 'SK-14'))
      .when(change)
      .then([event('ActionDueDateChanged', { ...change.data, fromDate: '2021-06-30' })]);
  });

  it('counts every change (three for one action)', () => {
    const changes = [
      ['2015-10-01', '2016-01-31'],
      ['2015-11-01', '2016-02-29'],
      ['2015-12-01', '2016-03-31'],
    ];
    let history = historyOf(b1Steps(), 'B1-A10', 'B1-15');
    for (const [on, to] of changes) {
      const decided = decider.decide(
        amend(b1A09DueDateChange(), { occurredOn: on, toDate: to }),
        stateOf(history),
      );
      history = [...history, ...decided];
    }
    expect(stateOf(history)).toMatchObject({
      originalDueDate: '2016-04-30',
      currentDueDate: '2016-03-31',
      dueDateChangeCount: 3,
    });
  });

  it('refuses a change with an empty reason (§5.8: B1-A09, reason "")', () => {
    given(a09())
      .when(amend(b1A09DueDateChange(), { reason: '' }))
      .thenRefuses('due-date-change-needs-reason');
  });

  it('refuses approval by the lead (§5.8: B1-A09 to 2016-03-31, approved by its lead)', () => {
    given(historyOf(b1Steps(), 'B1-A09', 'B1-39'))
      .when(
        amend(b1A09DueDateChange(), {
          occurredOn: '2015-12-01',
          toDate: '2016-03-31',
          reason: 'Training provider withdrew',
          approvedBy: {
            name: 'Workforce development and Service managers CIN teams',
            role: 'Lead',
          },
        }),
      )
      .thenRefuses('lead-cannot-approve-own-due-date');
  });

  it('refuses approval by a person named in the lead’s text, whatever the case (B1-A07)', () => {
    given(withoutPersons(historyOf(b1Steps(), 'B1-A07', 'B1-15')))
      .when(
        amend(b1A09DueDateChange(), {
          toDate: '2015-09-30',
          approvedBy: { name: 'SARAH MOUNSEY', role: 'Team Leader' },
        }),
      )
      .thenRefuses('lead-cannot-approve-own-due-date');
  });

  it('refuses a “change” to the same date', () => {
    given(a09())
      .when(amend(b1A09DueDateChange(), { toDate: '2015-09-30' }))
      .thenRefuses('due-date-must-change');
  });

  it('refuses a new due date before planning', () => {
    given(a09())
      .when(amend(b1A09DueDateChange(), { toDate: '2015-02-28' }))
      .thenRefuses('no-due-date-before-planning');
  });

  it('refuses a change once the action is completed (B1-A01, completed 2015-04-20)', () => {
    given(historyOf(b1Steps(), 'B1-A01', 'B1-18'))
      .when(amend(b1A09DueDateChange(), { occurredOn: '2015-04-21', toDate: '2015-05-31' }))
      .thenRefuses('no-due-date-change-after-completion');
  });

  it('refuses a change to an action with no due date to change (B1-A15): it is set instead', () => {
    given(historyOf(b1Steps(), 'B1-A15', 'B1-15'))
      .when(amend(b1A09DueDateChange(), { toDate: '2016-09-30' }))
      .thenRefuses('no-due-date-to-change');
  });

  it('refuses a change to a cancelled action', () => {
    given([...historyOf(b1Steps(), 'B1-A09', 'B1-15'), cancelled('2015-04-01')])
      .when(b1A09DueDateChange())
      .thenRefuses('no-change-to-withdrawn-action');
  });
});

describe('when a conditional action gets its due date', () => {
  const a15 = () => historyOf(b1Steps(), 'B1-A15', 'B1-15');

  it('sets it (B1-57: B1-A15 due 2016-09-30 once the report is released), as its original date too', () => {
    const [set] = given(a15())
      .when(b1A15DueDateSet())
      .then([event('ActionDueDateSet', b1A15DueDateSet().data)]);
    expect(stateOf([...a15(), set])).toMatchObject({
      originalDueDate: '2016-09-30',
      currentDueDate: '2016-09-30',
      dueDateChangeCount: 0,
    });
  });

  it('refuses to set a date on an action that has one (B1-A01)', () => {
    given(historyOf(b1Steps(), 'B1-A01', 'B1-15'))
      .when(b1A15DueDateSet())
      .thenRefuses('due-date-set-only-when-unscheduled');
  });

  it('refuses to set it a second time: that is a change', () => {
    given(historyOf(b1Steps(), 'B1-A15', 'B1-57'))
      .when(amend(b1A15DueDateSet(), { dueDate: '2016-10-31' }))
      .thenRefuses('due-date-set-only-when-unscheduled');
  });

  it('refuses a date set without a reason', () => {
    given(a15())
      .when(amend(b1A15DueDateSet(), { reason: ' ' }))
      .thenRefuses('due-date-change-needs-reason');
  });

  it('refuses a date before planning', () => {
    given(a15())
      .when(amend(b1A15DueDateSet(), { dueDate: '2015-01-31' }))
      .thenRefuses('no-due-date-before-planning');
  });

  it('refuses a date approved by the lead (Michael Clayton)', () => {
    given(a15())
      .when(
        amend(b1A15DueDateSet(), {
          approvedBy: { name: 'Michael Clayton', role: 'Head of Safeguarding' },
        }),
      )
      .thenRefuses('lead-cannot-approve-own-due-date');
  });

  it('refuses a date once the action is completed', () => {
    given([...a15(), completed('2016-06-01')])
      .when(b1A15DueDateSet())
      .thenRefuses('no-due-date-change-after-completion');
  });
});

describe('when the lead changes (staff turnover, 003 §18.14)', () => {
  const a12 = () => historyOf(b1Steps(), 'B1-A12', 'B1-15');
  const newLead = () =>
    command('ChangeLead', {
      occurredOn: '2015-05-15',
      toLead: {
        displayText: 'Karen Dawson',
        persons: ['Karen Dawson'],
        agency: 'Children’s Social Care',
      },
      reason: 'Jasmine Nembhard left the duty and advice service',
    });

  it('records the new lead', () => {
    const [changed] = given(a12())
      .when(newLead())
      .then([
        event('ActionLeadChanged', {
          ...newLead().data,
          fromLead: expect.objectContaining({ displayText: 'Jasmine Nembhard' }),
        }),
      ]);
    expect(stateOf([...a12(), changed])).toMatchObject({ lead: { displayText: 'Karen Dawson' } });
  });

  it('refuses a change without a reason', () => {
    given(a12())
      .when(amend(newLead(), { reason: '' }))
      .thenRefuses('lead-change-needs-reason');
  });

  it('refuses the same lead again, whatever the case', () => {
    given(a12())
      .when(
        amend(newLead(), {
          toLead: { displayText: 'JASMINE NEMBHARD', persons: [], agency: 'CSC' },
        }),
      )
      .thenRefuses('lead-must-change');
  });

  it('refuses a blank lead', () => {
    given(a12())
      .when(amend(newLead(), { toLead: { displayText: '', persons: [], agency: 'CSC' } }))
      .thenRefuses('action-needs-a-lead');
  });

  it('refuses a change dated before the plan', () => {
    given(a12())
      .when(amend(newLead(), { occurredOn: '2015-03-01' }))
      .thenRefuses('no-date-before-planning');
  });
});

describe('when an action is completed', () => {
  it('records the completion (B1-18: B1-A01 on 2015-04-20)', () => {
    const complete = commandOf('CompleteAction', 'B1-18', 'B1-A01');
    const [done] = given(historyOf(b1Steps(), 'B1-A01', 'B1-15'))
      .when(complete)
      .then([event('ActionCompleted', complete.data)]);
    expect(stateOf([...historyOf(b1Steps(), 'B1-A01', 'B1-15'), done])).toMatchObject({
      status: 'COMPLETED',
      completedOn: '2015-04-20',
    });
  });

  it('accepts a completion entered later than it happened (B1-17: 2015-03-27, recorded 2015-04-15)', () => {
    const complete = commandOf('CompleteAction', 'B1-17', 'B1-A03');
    expect(complete.today).toBe('2015-04-15');
    given(historyOf(b1Steps(), 'B1-A03', 'B1-15'))
      .when(complete)
      .then([event('ActionCompleted', complete.data)]);
  });

  it('refuses to complete an action never planned (§5.8: CompleteAction(B1-A99))', () => {
    given(historyOf(b1Steps(), 'B1-A99'))
      .when(completion('2015-05-01', 'Someone', 'Done'))
      .thenRefuses('action-must-be-planned');
  });

  it('refuses a completion before the plan (§5.8: B1-A02 on 2015-03-01, planned 2015-03-02)', () => {
    given(historyOf(b1Steps(), 'B1-A02', 'B1-15'))
      .when(completion('2015-03-01', 'Named GP', 'Training updated', '2015-07-06'))
      .thenRefuses('completion-not-before-planning');
  });

  it('accepts a completion before the plan for an action planned as achieved already', () => {
    const complete = completion('2015-02-01', 'Service manager', 'Actioned, see 8.5.2');
    given(decider.decide(csc1Plan(), decider.initialState()))
      .when(complete)
      .then([event('ActionCompleted', complete.data)]);
  });

  it('refuses a second completion', () => {
    given(historyOf(b1Steps(), 'B1-A01', 'B1-18'))
      .when(completion('2015-04-21', 'Named GP', 'Again'))
      .thenRefuses('action-already-completed');
  });

  it('refuses a completion dated after today', () => {
    given(historyOf(b1Steps(), 'B1-A01', 'B1-15'))
      .when(completion('2015-04-20', 'Named GP', 'Done', '2015-04-19'))
      .thenRefuses('no-future-dates');
  });
});

describe('when a completion is signed off', () => {
  it('records the sign-off by the monitoring body (B1-33: B1-A14 by the Executive chair)', () => {
    const sign = commandOf('SignOffCompletion', 'B1-33', 'B1-A14');
    const [signed] = given(historyOf(b1Steps(), 'B1-A14', 'B1-30'))
      .when(sign)
      .then([event('ActionCompletionSignedOff', sign.data)]);
    expect(stateOf([...historyOf(b1Steps(), 'B1-A14', 'B1-30'), signed])).toMatchObject({
      status: 'SIGNED_OFF',
      signedOffOn: '2015-07-22',
    });
  });

  it('refuses a sign-off before completion (§5.8: B1-A10 on 2016-05-01, completed 2016-05-20)', () => {
    given(historyOf(b1Steps(), 'B1-A10', 'B1-52'))
      .when(signOff('2016-05-01', 'PAQA'))
      .thenRefuses('no-sign-off-without-completion');
  });

  it('refuses a sign-off by the lead (§5.8: B1-A07 by Sarah Mounsey)', () => {
    given(historyOf(b1Steps(), 'B1-A07', 'B1-34'))
      .when(
        signOff('2015-09-10', 'PAQA', 'OUTPUT_ONLY', {
          name: 'Sarah Mounsey',
          role: 'Team Leader',
        }),
      )
      .thenRefuses('lead-cannot-sign-off-own-action');
  });

  it('finds the lead in the display text when no persons were listed ("Team Leader – Sarah Mounsey …")', () => {
    given(withoutPersons(historyOf(b1Steps(), 'B1-A07', 'B1-34')))
      .when(
        signOff('2015-09-10', 'PAQA', 'OUTPUT_ONLY', {
          name: 'sarah mounsey',
          role: 'Team Leader',
        }),
      )
      .thenRefuses('lead-cannot-sign-off-own-action');
  });

  it('refuses a sign-off dated before the completion', () => {
    given(historyOf(b1Steps(), 'B1-A01', 'B1-18'))
      .when(signOff('2015-04-19', 'PAQA'))
      .thenRefuses('sign-off-not-before-completion');
  });

  it('refuses a sign-off by the other body (B1-A14 is the Executive’s)', () => {
    given(historyOf(b1Steps(), 'B1-A14', 'B1-30'))
      .when(signOff('2015-07-22', 'PAQA'))
      .thenRefuses('sign-off-by-monitoring-body');
  });

  it('refuses a second sign-off', () => {
    given(historyOf(b1Steps(), 'B1-A14', 'B1-33'))
      .when(signOff('2015-07-23', 'EXECUTIVE'))
      .thenRefuses('action-already-signed-off');
  });

  describe('with no evidence recorded (§5.5: one evidence item at least, or a waiver reason)', () => {
    const a01 = () => withoutEvidence(historyOf(b1Steps(), 'B1-A01', 'B1-18'));
    const waived = (reason: string) => {
      const sign = signOff('2015-09-10', 'PAQA');
      return { ...sign, data: { ...sign.data, evidenceWaivedReason: reason } };
    };

    it('refuses the sign-off', () => {
      given(a01()).when(signOff('2015-09-10', 'PAQA')).thenRefuses('sign-off-needs-evidence');
    });

    it('folds a progress update or completion stored without an evidence list as no evidence', () => {
      const stripped = a01().map((e) =>
        e.type === 'ActionCompleted' || e.type === 'ActionProgressRecorded'
          ? ({ ...e, data: { ...e.data, evidence: undefined } } as unknown as ActionEvent)
          : e,
      );
      expect(stateOf(stripped)).toMatchObject({ status: 'COMPLETED', evidenceItems: 0 });
      given(stripped).when(signOff('2015-09-10', 'PAQA')).thenRefuses('sign-off-needs-evidence');
    });

    it('refuses a waiver reason that is only blanks', () => {
      given(a01()).when(waived('  ')).thenRefuses('sign-off-needs-evidence');
    });

    it('records the sign-off with the reason the body waived the evidence', () => {
      const sign = waived('Training records held by the CCG; seen at the PAQA meeting');
      given(a01())
        .when(sign)
        .then([event('ActionCompletionSignedOff', sign.data)]);
    });

    it('counts evidence recorded with a progress update', () => {
      const update = progress('2015-04-10', 'A01-P1', 'Named GP', 'GREEN', 'Register kept');
      const withEvidence = {
        ...update,
        data: {
          ...update.data,
          evidence: [{ description: 'Register', demonstratesImpact: false }],
        },
      };
      const history = a01();
      const completedAt = history.findIndex((e) => e.type === 'ActionCompleted');
      const [recorded] = decider.decide(withEvidence, stateOf(history.slice(0, completedAt)));
      const sign = signOff('2015-09-10', 'PAQA');
      given([...history.slice(0, completedAt), recorded, ...history.slice(completedAt)])
        .when(sign)
        .then([event('ActionCompletionSignedOff', sign.data)]);
    });
  });
});

describe('when a completion is returned', () => {
  const a01 = () => historyOf(b1Steps(), 'B1-A01', 'B1-18');
  const returned = () =>
    command('ReturnCompletion', {
      occurredOn: '2015-05-01',
      by: PAQA_CHAIR,
      reason: 'Training records show the new content reached only half the GPs',
    });

  it('sends the action back to in progress', () => {
    const [back] = given(a01())
      .when(returned())
      .then([event('ActionCompletionReturned', returned().data)]);
    const state = stateOf([...a01(), back]);
    expect(state).toMatchObject({ status: 'IN_PROGRESS', returnedOn: '2015-05-01' });
    expect((state as PlannedAction).completedOn).toBeUndefined();
  });

  it('lets it be completed again afterwards', () => {
    const again = completion('2015-06-01', 'Named GP', 'All GPs trained');
    given([...a01(), ...decider.decide(returned(), stateOf(a01()))])
      .when(again)
      .then([event('ActionCompleted', again.data)]);
  });

  it('refuses a new completion dated before the return', () => {
    given([...a01(), ...decider.decide(returned(), stateOf(a01()))])
      .when(completion('2015-04-30', 'Named GP', 'Done', '2015-05-02'))
      .thenRefuses('completion-not-before-return');
  });

  it('refuses a return without a reason', () => {
    given(a01())
      .when(amend(returned(), { reason: '' }))
      .thenRefuses('return-needs-reason');
  });

  it('refuses to return an action that was not completed', () => {
    given(historyOf(b1Steps(), 'B1-A02', 'B1-15'))
      .when(returned())
      .thenRefuses('no-return-without-completion');
  });

  it('refuses to return an action signed off already (B1-A14)', () => {
    given(historyOf(b1Steps(), 'B1-A14', 'B1-33'))
      .when(amend(returned(), { occurredOn: '2015-08-01' }))
      .thenRefuses('no-return-after-sign-off');
  });

  it('refuses a return dated before the completion', () => {
    given(a01())
      .when(amend(returned(), { occurredOn: '2015-04-19' }))
      .thenRefuses('return-not-before-completion');
  });
});

describe('when an action is cancelled', () => {
  const a04 = () => historyOf(b1Steps(), 'B1-A04', 'B1-15');
  const cancel = () =>
    command('CancelAction', {
      occurredOn: '2015-04-01',
      reason: 'Merged into the LPT record-keeping audit',
    });

  it('records the cancellation', () => {
    const [done] = given(a04())
      .when(cancel())
      .then([event('ActionCancelled', cancel().data)]);
    expect(stateOf([...a04(), done])).toMatchObject({
      status: 'CANCELLED',
      withdrawnOn: '2015-04-01',
    });
  });

  it('refuses a cancellation without a reason', () => {
    given(a04())
      .when(amend(cancel(), { reason: '' }))
      .thenRefuses('cancellation-needs-reason');
  });

  it('refuses to cancel an action signed off already (B1-A14)', () => {
    given(historyOf(b1Steps(), 'B1-A14', 'B1-33'))
      .when(amend(cancel(), { occurredOn: '2015-08-01' }))
      .thenRefuses('no-cancellation-after-sign-off');
  });

  it('refuses to cancel it twice', () => {
    given([...a04(), cancelled('2015-04-01')])
      .when(cancel())
      .thenRefuses('no-change-to-withdrawn-action');
  });

  it('refuses a cancellation dated before the plan', () => {
    given(a04())
      .when(amend(cancel(), { occurredOn: '2015-03-01' }))
      .thenRefuses('no-date-before-planning');
  });
});

describe('when an action is superseded', () => {
  const a17 = () => historyOf(b1Steps(), 'B1-A17', 'B1-45');
  const supersede = () =>
    command('SupersedeAction', {
      occurredOn: '2015-12-01',
      reason: 'Replaced by a joint protocol across the LLR partnerships',
      supersededByActionId: 'B1-A18',
    });

  it('records the action that replaces it', () => {
    const [done] = given(a17())
      .when(supersede())
      .then([event('ActionSuperseded', supersede().data)]);
    expect(stateOf([...a17(), done])).toMatchObject({
      status: 'SUPERSEDED',
      supersededByActionId: 'B1-A18',
    });
  });

  it('refuses a supersession without a reason', () => {
    given(a17())
      .when(amend(supersede(), { reason: '' }))
      .thenRefuses('supersession-needs-reason');
  });

  it('refuses to supersede an action signed off already (B1-A14)', () => {
    given(historyOf(b1Steps(), 'B1-A14', 'B1-33'))
      .when(supersede())
      .thenRefuses('no-supersession-after-sign-off');
  });

  it('refuses an action superseded by itself', () => {
    given(a17())
      .when(amend(supersede(), { supersededByActionId: 'B1-A17' }))
      .thenRefuses('action-cannot-supersede-itself');
  });
});

describe('when the seed action streams are replayed through the decider (§7.1, §7.3)', () => {
  it('accepts every B1 command, and all 17 actions end signed off', () => {
    const streams = replay(b1Steps());
    expect([...streams.keys()].sort()).toEqual(b1Register().map(([id]) => id));
    for (const { state } of streams.values()) expect(state.status).toBe('SIGNED_OFF');
  });

  it('accepts every Sam & Kyle command: SK-A1…A4 signed off, SK-A5 in progress', () => {
    const statuses = Object.fromEntries(
      [...replay(skSteps())].map(([id, { state }]) => [id, state.status]),
    );
    expect(statuses).toEqual({
      'SK-A1': 'SIGNED_OFF',
      'SK-A2': 'SIGNED_OFF',
      'SK-A3': 'SIGNED_OFF',
      'SK-A4': 'SIGNED_OFF',
      'SK-A5': 'IN_PROGRESS',
    });
  });
});

describe('where the partnership keeps a roster of each monitoring body (§5.5)', () => {
  const rostered = deciderSpecification(
    createActionDecider({
      ...DEFAULT_ACTION_DECIDER_CONFIG,
      members: { PAQA: ['Chair, PAQA subgroup', 'Vice-chair, PAQA subgroup'] },
    }),
    (rule) => refusedRules.add(rule),
  );
  const stranger = { name: 'Pat Outsider', role: 'Head of service' };

  it('takes a sign-off from a member, whatever the case or punctuation of the name (B1-37, A01)', () => {
    const sign = amend(signOff('2015-09-10', 'PAQA'), {
      chair: { name: 'chair paqa subgroup', role: 'PAQA chair' },
    });
    rostered
      .given(historyOf(b1Steps(), 'B1-A01', 'B1-18'))
      .when(sign)
      .then([event('ActionCompletionSignedOff', sign.data)]);
  });

  it('refuses a sign-off from someone not on the body', () => {
    rostered
      .given(historyOf(b1Steps(), 'B1-A01', 'B1-18'))
      .when(amend(signOff('2015-09-10', 'PAQA'), { chair: stranger }))
      .thenRefuses('approver-in-monitoring-body');
  });

  it('refuses a new due date, or a first one, approved by someone not on the body', () => {
    rostered
      .given(historyOf(b1Steps(), 'B1-A09', 'B1-38'))
      .when(amend(b1A09DueDateChange(), { approvedBy: stranger }))
      .thenRefuses('approver-in-monitoring-body');
    rostered
      .given(historyOf(b1Steps(), 'B1-A15', 'B1-15'))
      .when(amend(b1A15DueDateSet(), { approvedBy: stranger }))
      .thenRefuses('approver-in-monitoring-body');
  });

  it('refuses a completion returned by someone not on the body', () => {
    rostered
      .given(historyOf(b1Steps(), 'B1-A01', 'B1-18'))
      .when(
        command('ReturnCompletion', {
          occurredOn: '2015-05-01',
          by: stranger,
          reason: 'Training records show the new content reached only half the GPs',
        }),
      )
      .thenRefuses('approver-in-monitoring-body');
  });

  it('takes any name but the lead’s for a body without a roster (B1-A14 is the Executive’s)', () => {
    const sign = signOff('2015-07-22', 'EXECUTIVE');
    rostered
      .given(historyOf(b1Steps(), 'B1-A14', 'B1-30'))
      .when(sign)
      .then([event('ActionCompletionSignedOff', sign.data)]);
  });
});

describe('the rule book', () => {
  // Runs last: the specs above record each rule they saw refuse a command.
  it('has at least one spec above refusing a command by each rule the decider names', () => {
    expect(RULES.filter((rule) => !refusedRules.has(rule))).toEqual([]);
    expect([...refusedRules].filter((rule) => !RULES.includes(rule))).toEqual([]);
  });
});

/* ------------------------------------------------------------------------------------------ */
/* Fixtures (the seed streams themselves are in ./testing/seed-actions.ts)                     */
/* ------------------------------------------------------------------------------------------ */

const RULES = [
  'action-already-completed',
  'action-already-planned',
  'action-already-signed-off',
  'action-cannot-supersede-itself',
  'action-must-be-planned',
  'action-needs-a-lead',
  'action-needs-a-recommendation',
  'action-needs-text-and-outcome',
  'cancellation-needs-reason',
  'completion-not-before-planning',
  'completion-not-before-return',
  'conditional-action-needs-trigger',
  'due-date-change-needs-reason',
  'due-date-matches-precision',
  'due-date-must-change',
  'due-date-set-only-when-unscheduled',
  'lead-cannot-approve-own-due-date',
  'lead-cannot-sign-off-own-action',
  'lead-change-needs-reason',
  'lead-must-change',
  'monitoring-body-override-needs-reason',
  'no-action-on-closed-case',
  'no-action-under-closed-recommendation',
  'no-action-under-unknown-recommendation',
  'no-cancellation-after-sign-off',
  'no-change-to-withdrawn-action',
  'no-date-before-planning',
  'no-due-date-before-planning',
  'no-due-date-change-after-completion',
  'no-due-date-to-change',
  'no-future-dates',
  'no-progress-on-closed-action',
  'no-return-after-sign-off',
  'no-return-without-completion',
  'no-sign-off-without-completion',
  'no-supersession-after-sign-off',
  'progress-id-is-new',
  'return-needs-reason',
  'return-not-before-completion',
  'sign-off-by-monitoring-body',
  'approver-in-monitoring-body',
  'sign-off-needs-evidence',
  'sign-off-not-before-completion',
  'supersession-needs-reason',
  'trigger-only-for-conditional-action',
];

function event<T extends ActionEventType>(
  type: T,
  data: Extract<ActionEvent, { type: T }>['data'],
): ActionEvent {
  return { type, data } as ActionEvent;
}

/** What a PlanAction's data stores: everything but the case facts it was judged against. */
function planned(data: PlanActionData): Omit<ActionPlanned, 'monitoringBody' | 'dueDatePrecision'> {
  const { context: _context, ...rest } = data;
  return rest;
}

function stateOf(events: ActionEvent[]) {
  return fold(decider, events);
}

function timescaleOf(actionId: string): string {
  return b1Register().find(([id]) => id === actionId)![4];
}

/** The command a seed row sent to one action. */
function commandOf<T extends ActionCommandType>(
  type: T,
  row: string,
  actionId: string,
  steps = b1Steps(),
): ActionCommandOf<T> {
  const found = steps.find((s) => s.row === row && s.actionId === actionId);
  if (found?.command.type !== type) throw new Error(`No ${type} in ${row} for ${actionId}`);
  return found.command as ActionCommandOf<T>;
}

/** As if the importer had listed no persons: only the lead's display text names them. */
function withoutPersons(events: ActionEvent[]): ActionEvent[] {
  return events.map((e) =>
    e.type === 'ActionPlanned'
      ? { ...e, data: { ...e.data, lead: { ...e.data.lead, persons: [] } } }
      : e,
  );
}

/** The same history with no evidence on any progress update or completion. */
function withoutEvidence(events: ActionEvent[]): ActionEvent[] {
  return events.map((e) =>
    e.type === 'ActionCompleted' || e.type === 'ActionProgressRecorded'
      ? ({ ...e, data: { ...e.data, evidence: [] } } as ActionEvent)
      : e,
  );
}

function completed(occurredOn: BusinessDate): ActionEvent {
  return event('ActionCompleted', {
    occurredOn,
    completedBy: 'Lead',
    summary: 'Done',
    evidence: [],
  });
}

function cancelled(occurredOn: BusinessDate): ActionEvent {
  return event('ActionCancelled', { occurredOn, reason: 'No longer needed' });
}

/** CSC 1, not in the sample register: "Already actioned see 8.5.2". */
function csc1Plan(): ActionCommandOf<'PlanAction'> {
  return amend(b1Plan('B1-A09'), {
    actionId: 'B1-CSC-1',
    number: 'CSC 1',
    timescaleText: 'Already actioned see 8.5.2',
  });
}
