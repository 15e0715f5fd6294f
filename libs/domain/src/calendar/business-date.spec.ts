import {
  londonDateOf,
  addCalendarMonths,
  addDays,
  compareDates,
  dayOfWeek,
  daysBetween,
  InvalidBusinessDate,
  isBusinessDate,
  lastDayOfMonth,
  maxDate,
  minDate,
} from './business-date';

describe('business dates (domain.md §0.3)', () => {
  describe('when a string claims to be a business date', () => {
    it.each(['2016-02-29', '2000-02-29', '2014-10-07', '2015-12-31', '0001-01-01'])(
      'accepts %s',
      (s) => expect(isBusinessDate(s)).toBe(true),
    );
    it.each([
      '2015-02-29',
      '1900-02-29',
      '2014-04-31',
      '2014-13-01',
      '2014-00-10',
      '2014-10-00',
      '2014-1-07',
      '14-10-07',
      '2014-10-07T00:00:00Z',
      ' 2014-10-07',
      '2014/10/07',
      '',
    ])('refuses %j', (s) => expect(isBusinessDate(s)).toBe(false));

    it('refuses values that are not strings', () => {
      expect(isBusinessDate(20141007)).toBe(false);
      expect(isBusinessDate(undefined)).toBe(false);
      expect(isBusinessDate(new Date(Date.UTC(2014, 9, 7)))).toBe(false);
    });
  });

  describe('when calendar days are added', () => {
    it('crosses month and year ends', () => {
      expect(addDays('2014-12-31', 1)).toBe('2015-01-01');
      expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
      expect(addDays('2015-02-28', 1)).toBe('2015-03-01');
      expect(addDays('2015-11-09', 14)).toBe('2015-11-23');
    });

    it('goes backwards for a negative count and stays put for zero', () => {
      expect(addDays('2015-03-01', -1)).toBe('2015-02-28');
      expect(addDays('2020-01-15', 0)).toBe('2020-01-15');
    });

    it('never loses or gains a day across the clock changes', () => {
      expect(addDays('2021-03-27', 1)).toBe('2021-03-28');
      expect(addDays('2021-03-27', 2)).toBe('2021-03-29');
      expect(addDays('2021-10-30', 2)).toBe('2021-11-01');
    });

    it('refuses a fractional count', () => {
      expect(() => addDays('2014-10-07', 1.5)).toThrow(RangeError);
    });
  });

  describe('when the days between two dates are counted', () => {
    it('gives to − from in calendar days', () => {
      expect(daysBetween('2014-11-07', '2014-12-19')).toBe(42);
      expect(daysBetween('2015-06-19', '2015-10-28')).toBe(131);
      expect(daysBetween('2020-02-05', '2020-07-20')).toBe(166);
      expect(daysBetween('2020-08-05', '2020-09-01')).toBe(27);
    });

    it('is negative when to is earlier, and 0 on the same day', () => {
      expect(daysBetween('2014-12-19', '2014-11-07')).toBe(-42);
      expect(daysBetween('2014-11-07', '2014-11-07')).toBe(0);
    });

    it('counts 29 February in a leap year only', () => {
      expect(daysBetween('2016-02-01', '2016-03-01')).toBe(29);
      expect(daysBetween('2015-02-01', '2015-03-01')).toBe(28);
    });
  });

  describe('when calendar months are added (§0.3 item 5)', () => {
    it.each([
      ['2014-12-19', 6, '2015-06-19'],
      ['2015-08-31', 6, '2016-02-29'],
      ['2014-10-07', 1, '2014-11-07'],
      ['2015-01-31', 1, '2015-02-28'],
      ['2016-01-31', 1, '2016-02-29'],
      ['2015-03-31', 1, '2015-04-30'],
      ['2018-01-22', 1, '2018-02-22'],
      ['2020-02-05', 6, '2020-08-05'],
      ['2014-12-19', 12, '2015-12-19'],
      ['2016-03-31', -1, '2016-02-29'],
      ['2015-01-15', -2, '2014-11-15'],
      ['2015-01-15', 0, '2015-01-15'],
    ])('%s + %i months is %s', (from, n, expected) => {
      expect(addCalendarMonths(from as string, n as number)).toBe(expected);
    });
  });

  describe('when a month-only timescale needs its last day (§0.3 item 3)', () => {
    it('gives the last day, with February by leap year', () => {
      expect(lastDayOfMonth(2015, 4)).toBe('2015-04-30');
      expect(lastDayOfMonth(2015, 7)).toBe('2015-07-31');
      expect(lastDayOfMonth(2015, 2)).toBe('2015-02-28');
      expect(lastDayOfMonth(2016, 2)).toBe('2016-02-29');
      expect(lastDayOfMonth(1900, 2)).toBe('1900-02-28');
      expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
    });

    it('refuses a month that does not exist', () => {
      expect(() => lastDayOfMonth(2015, 13)).toThrow(RangeError);
      expect(() => lastDayOfMonth(2015, 0)).toThrow(RangeError);
    });
  });

  describe('when dates are compared', () => {
    it('orders them like a sort comparator', () => {
      expect(compareDates('2014-11-07', '2014-12-19')).toBeLessThan(0);
      expect(compareDates('2014-12-19', '2014-11-07')).toBeGreaterThan(0);
      expect(compareDates('2014-12-19', '2014-12-19')).toBe(0);
      expect(['2015-10-28', '2014-10-07', '2015-06-19'].sort(compareDates)).toEqual([
        '2014-10-07',
        '2015-06-19',
        '2015-10-28',
      ]);
    });

    it('picks the latest and the earliest', () => {
      expect(maxDate('2015-06-19', '2015-10-28', '2014-12-19')).toBe('2015-10-28');
      expect(minDate('2015-06-19', '2015-10-28', '2014-12-19')).toBe('2014-12-19');
      expect(maxDate('2020-01-02')).toBe('2020-01-02');
    });
  });

  describe('when the day of the week is asked', () => {
    it('answers in ISO numbering, Monday 1 to Sunday 7', () => {
      expect(dayOfWeek('2019-12-20')).toBe(5);
      expect(dayOfWeek('2021-05-03')).toBe(1);
      expect(dayOfWeek('2022-06-05')).toBe(7);
      expect(dayOfWeek('2020-12-26')).toBe(6);
    });
  });

  describe('when a function is given something that is not a business date', () => {
    it('throws InvalidBusinessDate naming the value', () => {
      expect(() => addDays('2015-02-29', 1)).toThrow(InvalidBusinessDate);
      expect(() => daysBetween('2014-10-07', '7/10/2014')).toThrow('"7/10/2014"');
      expect(() => addCalendarMonths('2014-10-7', 1)).toThrow(InvalidBusinessDate);
      expect(() => maxDate('nope')).toThrow(InvalidBusinessDate);
      expect(() => dayOfWeek('2014-02-30')).toThrow(InvalidBusinessDate);
    });
  });
});

describe('the London date of a recorded instant', () => {
  it('moves to the next day in summer an hour before UTC midnight, and not in winter', () => {
    expect(londonDateOf('2020-06-30T23:30:00.000Z')).toBe('2020-07-01');
    expect(londonDateOf('2020-06-30T22:59:59.999Z')).toBe('2020-06-30');
    expect(londonDateOf('2020-01-15T23:30:00.000Z')).toBe('2020-01-15');
  });
});
