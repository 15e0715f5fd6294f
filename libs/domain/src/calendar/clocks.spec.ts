import {
  ClockRules,
  DEFAULT_CLOCK_RULES,
  dueDate,
  noticeLeadTime,
  readClock,
  timescaleOf,
  validateClockRules,
} from './clocks';
import { regimeInForceOn } from './regimes';
import { englandAndWales as calendar } from './working-days';

describe('statutory clocks (domain.md §0.3, §3.3)', () => {
  describe('when a deadline is set from its anchor', () => {
    it('counts working days from the day after the anchor', () => {
      expect(dueDate({ unit: 'WORKING_DAYS', amount: 5 }, '2019-12-20', calendar)).toBe(
        '2019-12-31',
      );
    });

    it('adds calendar days', () => {
      expect(dueDate({ unit: 'CALENDAR_DAYS', amount: 14 }, '2015-11-09', calendar)).toBe(
        '2015-11-23',
      );
    });

    it('adds calendar months, clamped to the month end', () => {
      expect(dueDate({ unit: 'CALENDAR_MONTHS', amount: 1 }, '2015-01-31', calendar)).toBe(
        '2015-02-28',
      );
    });
  });

  describe('when a clock is read', () => {
    const due = '2014-11-07';

    it('is running before the due date, with the days left', () => {
      expect(readClock('DECISION', '2014-10-07', due, undefined, '2014-10-31')).toEqual({
        name: 'DECISION',
        anchorOn: '2014-10-07',
        dueOn: due,
        status: 'RUNNING',
        daysLate: 0,
        daysRemaining: 7,
      });
    });

    it('is still running on the due date itself', () => {
      const reading = readClock('DECISION', '2014-10-07', due, undefined, due);
      expect(reading).toMatchObject({ status: 'RUNNING', daysLate: 0, daysRemaining: 0 });
    });

    it('is breached from the day after the due date', () => {
      const reading = readClock('DECISION', '2014-10-07', due, undefined, '2014-11-08');
      expect(reading).toMatchObject({ status: 'BREACHED', daysLate: 1 });
      expect(reading.daysRemaining).toBeUndefined();
    });

    it('is met when completed on the due date', () => {
      const reading = readClock('DECISION', '2014-10-07', due, due, '2015-01-01');
      expect(reading).toMatchObject({ status: 'MET', completedOn: due, daysLate: 0 });
      expect(reading.daysRemaining).toBeUndefined();
    });

    it('ignores a completion after the as-of date, which was not yet known', () => {
      const reading = readClock('DECISION', '2014-10-07', due, '2014-12-19', '2014-11-30');
      expect(reading).toEqual({
        name: 'DECISION',
        anchorOn: '2014-10-07',
        dueOn: due,
        status: 'BREACHED',
        daysLate: 23,
      });
    });
  });

  describe('Child B1 (WT2013, domain.md §7.1)', () => {
    const decision = timescaleOf('DECISION', 'WT2013')!;

    it('sets the decision deadline one month after the referral of 2014-10-07', () => {
      expect(dueDate(decision, '2014-10-07', calendar)).toBe('2014-11-07');
    });

    it('finds the decision of 2014-12-19 42 days late', () => {
      expect(readClock('DECISION', '2014-10-07', '2014-11-07', '2014-12-19', '2015-01-14')).toEqual(
        {
          name: 'DECISION',
          anchorOn: '2014-10-07',
          dueOn: '2014-11-07',
          completedOn: '2014-12-19',
          status: 'BREACHED',
          daysLate: 42,
        },
      );
    });

    it('shows the decision 23 days overdue as of 2014-11-30', () => {
      const reading = readClock('DECISION', '2014-10-07', '2014-11-07', undefined, '2014-11-30');
      expect(reading).toMatchObject({ status: 'BREACHED', daysLate: 23 });
    });

    it('finds the review signed off on 2015-10-28 131 days after its 2015-06-19 target', () => {
      const dueOn = dueDate(timescaleOf('REVIEW_COMPLETION', 'WT2013')!, '2014-12-19', calendar);
      expect(dueOn).toBe('2015-06-19');
      const reading = readClock(
        'REVIEW_COMPLETION',
        '2014-12-19',
        dueOn,
        '2015-10-28',
        '2016-06-13',
      );
      expect(reading).toMatchObject({ status: 'BREACHED', daysLate: 131 });
    });
  });

  describe('Sam & Kyle (WT2015, domain.md §7.3)', () => {
    it('finds the decision of 2018-02-19 within the month from the referral of 2018-01-22', () => {
      const regime = regimeInForceOn('2018-01-22', DEFAULT_CLOCK_RULES);
      expect(regime).toBe('WT2015');
      const dueOn = dueDate(timescaleOf('DECISION', regime)!, '2018-01-22', calendar);
      expect(dueOn).toBe('2018-02-22');
      const reading = readClock('DECISION', '2018-01-22', dueOn, '2018-02-19', '2018-03-01');
      expect(reading).toMatchObject({ status: 'MET', daysLate: 0 });
    });
  });

  describe('OX-1516-02 (WT2015, domain.md §7.4)', () => {
    it('meets the one-month decision clock from the referral of 2015-10-12', () => {
      const dueOn = dueDate(timescaleOf('DECISION', 'WT2015')!, '2015-10-12', calendar);
      expect(dueOn).toBe('2015-11-12');
      expect(readClock('DECISION', '2015-10-12', dueOn, '2015-11-09', '2016-01-01').status).toBe(
        'MET',
      );
    });

    it('meets the 14-day limit for telling the Panel of the decision not to initiate', () => {
      const timescale = timescaleOf('NO_REVIEW_DECISION_TO_PANEL', 'WT2015')!;
      const dueOn = dueDate(timescale, '2015-11-09', calendar);
      expect(dueOn).toBe('2015-11-23');
      const reading = readClock(
        'NO_REVIEW_DECISION_TO_PANEL',
        '2015-11-09',
        dueOn,
        '2015-11-16',
        '2016-01-01',
      );
      expect(reading).toMatchObject({ status: 'MET', daysLate: 0 });
    });
  });

  describe('when a publication notice is checked in calendar days (WT2013, "one week")', () => {
    const oneWeek = timescaleOf('PUBLICATION_NOTICE', 'WT2013')!;

    it('accepts exactly 7 days', () => {
      expect(noticeLeadTime('2016-06-06', '2016-06-13', oneWeek, calendar)).toEqual({
        required: 7,
        actual: 7,
        sufficient: true,
      });
    });

    it('refuses 6 days, weekend or not', () => {
      expect(noticeLeadTime('2016-06-07', '2016-06-13', oneWeek, calendar)).toEqual({
        required: 7,
        actual: 6,
        sufficient: false,
      });
    });

    it('refuses a lead time counted in months', () => {
      const months = { unit: 'CALENDAR_MONTHS', amount: 1 } as const;
      expect(() => noticeLeadTime('2016-05-01', '2016-06-13', months, calendar)).toThrow(
        RangeError,
      );
    });
  });

  describe('the default rules', () => {
    it('run no notification clock under WT2010 or WT2013, whose day count is unconfirmed', () => {
      expect(timescaleOf('SERIOUS_INCIDENT_NOTIFICATION', 'WT2010')).toBeUndefined();
      expect(timescaleOf('SERIOUS_INCIDENT_NOTIFICATION', 'WT2013')).toBeUndefined();
      expect(timescaleOf('SERIOUS_INCIDENT_NOTIFICATION', 'WT2015')).toEqual({
        unit: 'WORKING_DAYS',
        amount: 5,
      });
    });

    it('replace the one-month decision with a 15-working-day rapid review from 2018', () => {
      for (const regime of ['WT2018', 'WT2023'] as const) {
        expect(timescaleOf('DECISION', regime)).toBeUndefined();
        expect(timescaleOf('RAPID_REVIEW', regime)).toEqual({
          unit: 'WORKING_DAYS',
          amount: 15,
          anchor: 'AWARENESS',
        });
        expect(timescaleOf('PUBLICATION', regime)).toEqual({ unit: 'CALENDAR_MONTHS', amount: 6 });
        expect(timescaleOf('PUBLICATION_NOTICE', regime)).toEqual({
          unit: 'WORKING_DAYS',
          amount: 7,
        });
      }
      expect(timescaleOf('RAPID_REVIEW', 'WT2015')).toBeUndefined();
    });

    it('are valid and frozen', () => {
      expect(validateClockRules(DEFAULT_CLOCK_RULES)).toEqual([]);
      expect(Object.isFrozen(DEFAULT_CLOCK_RULES.regimes.WT2018.rapidReview)).toBe(true);
      expect(Object.isFrozen(DEFAULT_CLOCK_RULES.effectiveFrom)).toBe(true);
    });
  });

  describe('when settings override the defaults', () => {
    it('take a WT2013 notification clock and a rapid review counted from notification', () => {
      const rules = withRegimes({
        WT2013: {
          ...DEFAULT_CLOCK_RULES.regimes.WT2013,
          seriousIncidentNotification: { unit: 'WORKING_DAYS', amount: 5 },
        },
        WT2018: {
          ...DEFAULT_CLOCK_RULES.regimes.WT2018,
          rapidReview: { unit: 'WORKING_DAYS', amount: 15, anchor: 'NOTIFICATION' },
        },
      });
      expect(validateClockRules(rules)).toEqual([]);
      expect(timescaleOf('SERIOUS_INCIDENT_NOTIFICATION', 'WT2013', rules)).toEqual({
        unit: 'WORKING_DAYS',
        amount: 5,
      });
      expect(timescaleOf('RAPID_REVIEW', 'WT2018', rules)).toMatchObject({
        anchor: 'NOTIFICATION',
      });
    });
  });

  describe('when settings hold bad rules', () => {
    it('names a negative, zero or fractional amount', () => {
      const rules = withRegimes({
        WT2010: { decision: { unit: 'CALENDAR_MONTHS', amount: -1 } },
        WT2013: { reviewCompletion: { unit: 'CALENDAR_MONTHS', amount: 0 } },
        WT2015: { noReviewDecisionToPanel: { unit: 'CALENDAR_DAYS', amount: 1.5 } },
      });
      expect(validateClockRules(rules)).toEqual([
        'regimes.WT2010.decision.amount must be a whole number above 0',
        'regimes.WT2013.reviewCompletion.amount must be a whole number above 0',
        'regimes.WT2015.noReviewDecisionToPanel.amount must be a whole number above 0',
      ]);
    });

    it('names effective dates out of order or malformed', () => {
      const rules: ClockRules = {
        ...DEFAULT_CLOCK_RULES,
        effectiveFrom: {
          ...DEFAULT_CLOCK_RULES.effectiveFrom,
          WT2015: '2013-04-15',
          WT2023: 'Dec 2023',
        },
      };
      expect(validateClockRules(rules)).toEqual([
        'effectiveFrom.WT2015 (2013-04-15) must be after WT2013 (2013-04-15)',
        'effectiveFrom.WT2023 must be a date YYYY-MM-DD',
      ]);
    });

    it('names unknown units, anchors and clocks, a notice in months and a missing regime', () => {
      const rules = JSON.parse(JSON.stringify(DEFAULT_CLOCK_RULES));
      rules.regimes.WT2015.decision.unit = 'WEEKS';
      rules.regimes.WT2018.rapidReview.anchor = 'REFERRAL';
      rules.regimes.WT2018.publicationNotice = { unit: 'CALENDAR_MONTHS', amount: 1 };
      rules.regimes.WT2018.panelResponse = { unit: 'WORKING_DAYS', amount: 10 };
      delete rules.regimes.WT2023;
      expect(validateClockRules(rules)).toEqual([
        'regimes.WT2015.decision.unit must be one of WORKING_DAYS, CALENDAR_DAYS, CALENDAR_MONTHS',
        'regimes.WT2018.rapidReview.anchor must be one of AWARENESS, NOTIFICATION',
        'regimes.WT2018.publicationNotice must be counted in days',
        'regimes.WT2018.panelResponse is not a clock',
        'regimes.WT2023 is missing',
      ]);
    });
  });
});

function withRegimes(overrides: Partial<ClockRules['regimes']>): ClockRules {
  return { ...DEFAULT_CLOCK_RULES, regimes: { ...DEFAULT_CLOCK_RULES.regimes, ...overrides } };
}
