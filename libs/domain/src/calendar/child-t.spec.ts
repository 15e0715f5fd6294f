import {
  ClockRules,
  DEFAULT_CLOCK_RULES,
  dueDate,
  noticeLeadTime,
  readClock,
  timescaleOf,
  workingDaysLate,
} from './clocks';
import { decisionAuthorityFor, regimeInForceOn } from './regimes';
import { englandAndWales as calendar } from './working-days';

// Child T (domain.md §7.5): entirely synthetic, built to put the WT2018 clocks across bank holidays.
const becameAwareOn = '2019-12-20';
const notifiedOn = '2020-01-02';
const rapidReviewCompletedOn = '2020-01-15';
const decidedOn = '2020-02-05'; // D-T-2, the LCSPR decision
const signedOffOn = '2020-07-20';
const panelNotifiedOn = '2021-04-28';
const publishedOn = '2021-05-10';

describe('Child T under WT2018', () => {
  const regime = regimeInForceOn(becameAwareOn, DEFAULT_CLOCK_RULES);
  const due = (clock: Parameters<typeof timescaleOf>[0], anchor: string) =>
    dueDate(timescaleOf(clock, regime)!, anchor, calendar);

  it('falls under WT2018, decided by the safeguarding partners', () => {
    expect(regime).toBe('WT2018');
    expect(decisionAuthorityFor(regime)).toBe('SAFEGUARDING_PARTNERS');
  });

  describe('when the notification went on 2020-01-02 after the Christmas closure', () => {
    it('was due on 2019-12-31, five working days after Friday 2019-12-20', () => {
      expect(due('SERIOUS_INCIDENT_NOTIFICATION', becameAwareOn)).toBe('2019-12-31');
    });

    it('is breached 2 calendar days late', () => {
      const reading = readClock(
        'SERIOUS_INCIDENT_NOTIFICATION',
        becameAwareOn,
        '2019-12-31',
        notifiedOn,
        '2020-01-20',
      );
      expect(reading).toMatchObject({ status: 'BREACHED', daysLate: 2, completedOn: notifiedOn });
    });

    it('is 1 working day late, New Year’s Day not counting', () => {
      expect(workingDaysLate('2019-12-31', notifiedOn, calendar)).toBe(1);
    });

    it('would be 0 working days late if sent on the due date', () => {
      expect(workingDaysLate('2019-12-31', '2019-12-31', calendar)).toBe(0);
      expect(workingDaysLate('2019-12-31', '2019-12-30', calendar)).toBe(0);
    });
  });

  describe('when the rapid review was submitted on 2020-01-15', () => {
    it('was due 15 working days after awareness, on 2020-01-15', () => {
      expect(timescaleOf('RAPID_REVIEW', regime)).toMatchObject({ anchor: 'AWARENESS' });
      expect(due('RAPID_REVIEW', becameAwareOn)).toBe('2020-01-15');
    });

    it('met the deadline on the day', () => {
      const reading = readClock(
        'RAPID_REVIEW',
        becameAwareOn,
        '2020-01-15',
        rapidReviewCompletedOn,
        '2020-01-20',
      );
      expect(reading).toMatchObject({ status: 'MET', daysLate: 0 });
    });

    it('would be due on 2020-01-23 where the partnership counts from notification (E4)', () => {
      const fromNotification: ClockRules = {
        ...DEFAULT_CLOCK_RULES,
        regimes: {
          ...DEFAULT_CLOCK_RULES.regimes,
          WT2018: {
            ...DEFAULT_CLOCK_RULES.regimes.WT2018,
            rapidReview: { unit: 'WORKING_DAYS', amount: 15, anchor: 'NOTIFICATION' },
          },
        },
      };
      const timescale = timescaleOf('RAPID_REVIEW', regime, fromNotification)!;
      expect(dueDate(timescale, notifiedOn, calendar)).toBe('2020-01-23');
    });
  });

  describe('as of 2020-09-01, after the LCSPR decision of 2020-02-05 (D-T-2)', () => {
    const asOf = '2020-09-01';

    it('finds the review signed off on 2020-07-20 within its 2020-08-05 target', () => {
      expect(due('REVIEW_COMPLETION', decidedOn)).toBe('2020-08-05');
      const reading = readClock('REVIEW_COMPLETION', decidedOn, '2020-08-05', signedOffOn, asOf);
      expect(reading).toMatchObject({ status: 'MET', daysLate: 0, completedOn: signedOffOn });
    });

    it('finds publication, due 2020-08-05, 27 days overdue, the later publication not yet known', () => {
      expect(due('PUBLICATION', decidedOn)).toBe('2020-08-05');
      expect(readClock('PUBLICATION', decidedOn, '2020-08-05', publishedOn, asOf)).toEqual({
        name: 'PUBLICATION',
        anchorOn: decidedOn,
        dueOn: '2020-08-05',
        status: 'BREACHED',
        daysLate: 27,
      });
    });
  });

  describe('when the report was published on 2021-05-10', () => {
    it('was published 278 days after the target', () => {
      const reading = readClock('PUBLICATION', decidedOn, '2020-08-05', publishedOn, '2021-06-01');
      expect(reading).toMatchObject({
        status: 'BREACHED',
        daysLate: 278,
        completedOn: publishedOn,
      });
    });

    it('had given the Panel 7 working days’ notice on 2021-04-28, enough despite the May bank holiday', () => {
      const notice = timescaleOf('PUBLICATION_NOTICE', regime)!;
      expect(noticeLeadTime(panelNotifiedOn, publishedOn, notice, calendar)).toEqual({
        required: 7,
        actual: 7,
        sufficient: true,
      });
    });

    it('would not have been enough notice a day later', () => {
      const notice = timescaleOf('PUBLICATION_NOTICE', regime)!;
      expect(noticeLeadTime('2021-04-29', publishedOn, notice, calendar)).toMatchObject({
        actual: 6,
        sufficient: false,
      });
    });
  });
});
