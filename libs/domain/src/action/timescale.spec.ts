import { normaliseTimescale, type NormalisedTimescale } from './timescale';

/**
 * The "Timescale" column of seed 003's action plans and the Sam & Kyle recommendation, as
 * domain.md §0.3 items 3–5 and the registers of §7.1 and §7.3 normalise them. Month ends and
 * month arithmetic were worked out by hand.
 */
const B1_PLANNED = '2015-03-02';
const normalise = (text: string, anchorOn?: string) =>
  normaliseTimescale(text, { plannedOn: B1_PLANNED, ...(anchorOn && { anchorOn }) });

const day = (dueDate: string): NormalisedTimescale => ({ dueDate, dueDatePrecision: 'DAY' });
const monthEnd = (dueDate: string): NormalisedTimescale => ({ dueDate, dueDatePrecision: 'MONTH' });

describe('when the timescale is a date written out in full', () => {
  it.each([
    ['8/04/2015', '2015-04-08'], // B1-A01, B1-A02: day first, as in England
    ['31.03.2015', '2015-03-31'], // B1-A03
    ['31.05.2015', '2015-05-31'], // B1-A04
    ['31.07.2015', '2015-07-31'], // B1-A05, B1-A06
    ['30.04.2015', '2015-04-30'], // LPT 6
    ['27/09/15', '2015-09-27'], // EYST's CPD day, a two-digit year
    ['31 March 2016', '2016-03-31'], // B1-A17
    ['31 March 2021', '2021-03-31'], // SK-A2
    ['30 June 2021', '2021-06-30'], // SK-A3
    ['30 April 2021', '2021-04-30'], // SK-A4
    ['31 December 2021', '2021-12-31'], // SK-A5
    ['31st March 2016', '2016-03-31'],
    ['2016-09-30', '2016-09-30'],
  ])('reads "%s" as %s, to the day', (text, dueDate) => {
    expect(normalise(text)).toEqual(day(dueDate));
  });

  it('takes the later of two dates for one action ("31.03.2015 / 31.05.2015", LPT 4)', () => {
    expect(normalise('31.03.2015 / 31.05.2015')).toEqual(day('2015-05-31'));
  });

  it('does not read a day that does not exist ("31/02/2015") and leaves it unscheduled', () => {
    expect(normalise('31/02/2015')).toEqual({ dueDatePrecision: 'UNSCHEDULED' });
  });
});

describe('when the timescale names only a month (§0.3 item 3)', () => {
  it.each([
    ['April 2015', '2015-04-30'], // B1-A11, B1-A12
    ['May 2015', '2015-05-31'], // CSC 7, CSC 10
    ['June 2015', '2015-06-30'], // B1-A14
    ['September 2015', '2015-09-30'], // EYST i
    ['December 2015', '2015-12-31'], // B1-A13
    ['April 2016', '2016-04-30'], // B1-A10
    ['By September 2015', '2015-09-30'], // B1-A09
    ['Immediate – completed by July 2015.', '2015-07-31'], // B1-A07
    ['Already in place March 2015', '2015-03-31'], // B1-A16
    ['In place for the beginning of the new academic year (September 2015)', '2015-09-30'], // EYST iv
    ['Sept 2015', '2015-09-30'],
    ['February 2016', '2016-02-29'], // a leap year
    ['09/2015', '2015-09-30'],
  ])('reads "%s" as the month end, %s', (text, dueDate) => {
    expect(normalise(text)).toEqual(monthEnd(dueDate));
  });

  it('reads a month with no year as the next one after planning ("By September", planned 2015-03-02)', () => {
    expect(normalise('By September')).toEqual(monthEnd('2015-09-30'));
  });

  it('rolls a month already past into the next year ("By February", planned 2015-03-02)', () => {
    expect(normalise('By February')).toEqual(monthEnd('2016-02-29'));
  });
});

describe('when the timescale has an ongoing element', () => {
  it('keeps the month end and flags it ongoing ("September 2015 and ongoing CPD element", B1-A08)', () => {
    expect(normalise('September 2015 and ongoing CPD element')).toEqual({
      ...monthEnd('2015-09-30'),
      ongoing: true,
    });
  });

  it('does the same for "Review completed by September 2015 and ongoing training programme." (EYST v)', () => {
    expect(normalise('Review completed by September 2015 and ongoing training programme.')).toEqual(
      { ...monthEnd('2015-09-30'), ongoing: true },
    );
  });

  it('leaves a purely ongoing timescale unscheduled ("Ongoing")', () => {
    expect(normalise('Ongoing')).toEqual({ dueDatePrecision: 'UNSCHEDULED', ongoing: true });
  });
});

describe('when the timescale is not a due date', () => {
  it('plans "Already actioned see 8.5.2" as already achieved, with no date (CSC 1)', () => {
    expect(normalise('Already actioned see 8.5.2')).toEqual({
      dueDatePrecision: 'RETROSPECTIVE',
      retrospective: true,
    });
  });

  it('reads "Has begun May 2015" as a start date, so the action waits for a due date (CSC 6)', () => {
    expect(normalise('Has begun May 2015')).toEqual({ dueDatePrecision: 'UNSCHEDULED' });
  });

  it('ignores the start date but keeps a due date given after it', () => {
    expect(normalise('Has begun May 2015, complete by September 2015')).toEqual(
      monthEnd('2015-09-30'),
    );
  });

  it('waits on the condition in "Dependent on release of report", kept as the trigger (B1-A15)', () => {
    expect(normalise('Dependent on release of report')).toEqual({
      dueDatePrecision: 'CONDITIONAL',
      triggerCondition: 'Dependent on release of report',
      triggerEvent: 'REVIEW_PUBLISHED',
    });
  });

  it.each([
    ['Following publication of the review', 'REVIEW_PUBLISHED'],
    ['Once the report is published', 'REVIEW_PUBLISHED'],
    ['Subject to the report being signed off', 'REPORT_SIGNED_OFF'],
    ['When the Board has accepted the report', 'REPORT_SIGNED_OFF'],
  ])('names the milestone "%s" waits for: %s', (text, triggerEvent) => {
    expect(normalise(text)).toMatchObject({ dueDatePrecision: 'CONDITIONAL', triggerEvent });
  });

  it.each([['Dependent on funding'], ['Following the restructure'], ['Pending the inquest']])(
    'leaves the milestone of "%s" unnamed: nothing in the review says when it passes',
    (text) => {
      expect(normalise(text)).toEqual({ dueDatePrecision: 'CONDITIONAL', triggerCondition: text });
    },
  );

  it.each([['See 8.5.1'], ['TBC'], [''], ['   ']])(
    'leaves "%s" unscheduled, never overdue',
    (text) => {
      expect(normalise(text)).toEqual({ dueDatePrecision: 'UNSCHEDULED' });
    },
  );
});

describe('when the timescale counts from another date (§0.3 items 4–5)', () => {
  it('derives "within the next six months" from publication: 2020-07-30 + 6 months = 2021-01-30 (SK-A1)', () => {
    expect(normalise('within the next six months', '2020-07-30')).toEqual({
      dueDate: '2021-01-30',
      dueDatePrecision: 'DERIVED',
    });
  });

  it('clamps to the month end: 2015-08-31 + 6 months = 2016-02-29', () => {
    expect(normalise('Within 6 months', '2015-08-31')).toEqual({
      dueDate: '2016-02-29',
      dueDatePrecision: 'DERIVED',
    });
  });

  it('reads "within one month of publication" as one calendar month on (2014-12-19 → 2015-01-19)', () => {
    expect(normalise('Within one month of publication', '2014-12-19')).toEqual({
      dueDate: '2015-01-19',
      dueDatePrecision: 'DERIVED',
    });
  });

  it('counts weeks as seven days (2020-07-30 + 2 weeks = 2020-08-13)', () => {
    expect(normalise('within two weeks', '2020-07-30')).toEqual({
      dueDate: '2020-08-13',
      dueDatePrecision: 'DERIVED',
    });
  });

  it('waits for the anchor when there is none yet (a report not yet published)', () => {
    expect(normalise('within the next six months')).toEqual({
      dueDatePrecision: 'CONDITIONAL',
      triggerCondition: 'within the next six months',
      triggerEvent: 'REVIEW_PUBLISHED',
    });
  });
});
