import { evolveAction, initialActionState, type PlannedAction } from './action.state';
import { type ActionOnRecord, dataQualityFindings, isLateEntry } from './data-quality';
import { amend, b1Plan, b1Steps, historyOf } from './testing/seed-actions';
import type { ActionEvent } from './action.events';

/**
 * The data-quality queue's rule (domain.md §4.5 warnings, §6.7) over the B1 register of §7.1:
 * which leads name nobody, which timescales are not dates, which facts came in late.
 */

const fold = (events: ActionEvent[]) =>
  events.reduce(evolveAction, initialActionState()) as PlannedAction;

function onRecord(
  events: ActionEvent[],
  knownOn: Record<number, string> = {},
  milestones: ActionOnRecord['milestones'] = {},
): ActionOnRecord {
  return {
    state: fold(events),
    facts: events.map((e, i) => ({
      type: e.type,
      occurredOn: e.data.occurredOn,
      knownOn: knownOn[i] ?? e.data.occurredOn,
    })),
    milestones,
  };
}

const planned = (id: string, change: Parameters<typeof amend<'PlanAction'>>[1] = {}) =>
  historyOf([{ row: 'plan', actionId: id, command: amend(b1Plan(id), change) }], id);

const problems = (record: ActionOnRecord, asOf = '2015-05-01') =>
  dataQualityFindings(record, asOf).map((f) => f.problem);

const MEASURED = {
  outcomeMeasure: 'Audit of 20 case files shows GPs invited',
  outcomeMeasureType: 'IMPACT_ON_PRACTICE',
} as const;

describe('the data-quality queue', () => {
  it('flags a lead that names only an organisation (B1-A13: "LSCB") and one with no outcome measure (the CCG rows)', () => {
    expect(problems(onRecord(planned('B1-A13')))).toEqual([
      'ORGANISATION_ONLY_LEAD',
      'NO_OUTCOME_MEASURE',
    ]);
  });

  it('has nothing to say of a named lead, a measured outcome and a date (B1-A12, Jasmine Nembhard, April 2015)', () => {
    expect(problems(onRecord(planned('B1-A12', MEASURED)))).toEqual([]);
  });

  it('counts a blank person as no person', () => {
    const record = onRecord(
      planned('B1-A12', {
        ...MEASURED,
        lead: { displayText: 'Heads of service', persons: [' '], agency: 'CSC' },
      }),
    );
    expect(problems(record)).toEqual(['ORGANISATION_ONLY_LEAD']);
  });

  it('flags an outcome measure that only counts an output', () => {
    const record = onRecord(
      planned('B1-A12', {
        outcomeMeasure: 'Guidance will be completed and training provided',
        outcomeMeasureType: 'OUTPUT',
      }),
    );
    expect(dataQualityFindings(record, '2015-05-01')).toEqual([
      {
        problem: 'OUTPUT_ONLY_MEASURE',
        detail:
          '"Guidance will be completed and training provided" measures an output, not a difference to practice or to children',
      },
    ]);
  });

  describe('B1-A15, "Dependent on release of report" (published 2016-06-13)', () => {
    const a15 = () => planned('B1-A15', MEASURED);

    it('flags the timescale that is not a date while the report is unpublished', () => {
      expect(problems(onRecord(a15()), '2016-06-01')).toEqual(['NO_DUE_DATE']);
    });

    it('flags the trigger as passed once the report is out and no date is set: 9 days on 2016-06-22', () => {
      const findings = dataQualityFindings(
        onRecord(a15(), {}, { REVIEW_PUBLISHED: '2016-06-13' }),
        '2016-06-22',
      );
      expect(findings.map((f) => f.problem)).toEqual(['NO_DUE_DATE', 'TRIGGER_PASSED']);
      expect(findings[1]).toEqual({
        problem: 'TRIGGER_PASSED',
        detail: 'Waiting on "Dependent on release of report", which happened 9 days ago',
        on: '2016-06-13',
      });
    });

    it('ignores a milestone it does not wait for (the report signed off 2015-10-28)', () => {
      const record = onRecord(a15(), {}, { REPORT_SIGNED_OFF: '2015-10-28' });
      expect(problems(record, '2016-01-05')).toEqual(['NO_DUE_DATE']);
    });

    it('has nothing to say once its due date is set (B1-57)', () => {
      const [plan, ...rest] = historyOf(b1Steps(), 'B1-A15', 'B1-57');
      const measured = { ...plan, data: { ...plan.data, ...MEASURED } } as ActionEvent;
      const record = onRecord([measured, ...rest], {}, { REVIEW_PUBLISHED: '2016-06-13' });
      expect(problems(record, '2016-06-22')).toEqual([]);
    });
  });

  it('lists each fact known more than 7 days after it happened (B1-17: completed 2015-03-27, known 2015-04-15)', () => {
    const events = historyOf(b1Steps(), 'B1-A03', 'B1-17');
    const record = onRecord(events, { 1: '2015-04-15' });
    const late = dataQualityFindings(record, '2015-05-01').filter(
      (f) => f.problem === 'LATE_ENTRY',
    );
    expect(late).toEqual([
      {
        problem: 'LATE_ENTRY',
        detail: 'ActionCompleted of 2015-03-27 was known only on 2015-04-15, 19 days later',
        on: '2015-03-27',
      },
    ]);
  });

  it('takes 7 days as on time and 8 as late (§5.1)', () => {
    expect(isLateEntry('2015-03-27', '2015-04-03')).toBe(false);
    expect(isLateEntry('2015-03-27', '2015-04-04')).toBe(true);
  });

  it('has nothing to say of an action signed off (B1-A13 on 2015-12-16) or cancelled', () => {
    const signedOff = historyOf(b1Steps(), 'B1-A13', 'B1-49');
    expect(fold(signedOff).status).toBe('SIGNED_OFF');
    expect(problems(onRecord(signedOff), '2016-01-05')).toEqual([]);
    const cancelled: ActionEvent[] = [
      ...planned('B1-A13'),
      { type: 'ActionCancelled', data: { occurredOn: '2015-04-01', reason: 'Merged into A17' } },
    ];
    expect(problems(onRecord(cancelled), '2015-05-01')).toEqual([]);
  });
});
