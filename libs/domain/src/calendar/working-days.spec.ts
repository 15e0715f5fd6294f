import { addDays } from './business-date';
import { BankHolidaysUnknownForYear, englandAndWales as calendar } from './working-days';

describe('England and Wales working days (domain.md §0.3 item 6)', () => {
  describe('when the day is an England and Wales bank holiday on a weekday', () => {
    it.each([
      ['2012-06-04', 'Spring bank holiday moved for the Diamond Jubilee'],
      ['2012-06-05', 'Diamond Jubilee'],
      ['2020-05-08', 'VE day (Early May bank holiday moved)'],
      ['2022-06-02', 'Spring bank holiday moved for the Platinum Jubilee'],
      ['2022-06-03', 'Platinum Jubilee'],
      ['2022-09-19', "the Queen's state funeral"],
      ['2023-05-08', 'the Coronation'],
      ['2020-12-28', 'Boxing Day substitute'],
      ['2021-12-27', 'Christmas Day substitute'],
      ['2021-12-28', 'Boxing Day substitute'],
      ['2022-12-26', 'Boxing Day'],
      ['2022-12-27', 'Christmas Day substitute'],
      ['2022-01-03', "New Year's Day substitute"],
      ['2020-04-10', 'Good Friday'],
      ['2020-04-13', 'Easter Monday'],
      ['2021-05-03', 'Early May bank holiday'],
      ['2020-08-31', 'Summer bank holiday (England, not Scotland)'],
      ['2019-12-25', 'Christmas Day'],
      ['2020-01-01', "New Year's Day"],
      ['2030-04-22', 'Easter Monday'],
      ['2010-12-28', 'Boxing Day substitute'],
    ])('%s (%s) is not a working day', (d) => {
      expect(calendar.isWorkingDay(d)).toBe(false);
    });
  });

  describe('when a weekday is a holiday only elsewhere, or was moved away', () => {
    it.each([
      ['2012-05-28', 'Spring bank holiday that moved to 4 June 2012'],
      ['2020-05-04', 'Early May bank holiday that moved to VE day'],
      ['2022-05-30', 'Spring bank holiday that moved to 2 June 2022'],
      ['2020-01-02', 'Scotland: 2 January'],
      ['2022-11-30', "Scotland: St Andrew's Day"],
      ['2020-08-03', 'Scotland: Summer bank holiday'],
      ['2020-03-17', "Northern Ireland: St Patrick's Day"],
      ['2022-07-12', 'Northern Ireland: Battle of the Boyne'],
      ['2019-12-24', 'Christmas Eve'],
      ['2019-12-31', "New Year's Eve"],
    ])('%s (%s) is a working day', (d) => {
      expect(calendar.isWorkingDay(d)).toBe(true);
    });
  });

  describe('when date-holidays is wrong and our corrections apply', () => {
    it('moves the 2002 Spring bank holiday to 4 June and adds the Golden Jubilee', () => {
      expect(calendar.isWorkingDay('2002-05-27')).toBe(true);
      expect(calendar.isWorkingDay('2002-06-03')).toBe(false);
      expect(calendar.isWorkingDay('2002-06-04')).toBe(false);
    });

    it('adds the royal wedding of 29 April 2011', () => {
      expect(calendar.isWorkingDay('2011-04-29')).toBe(false);
    });

    it('moves the 2012 Spring bank holiday from 28 May to 4 June', () => {
      expect(calendar.isWorkingDay('2012-05-28')).toBe(true);
      expect(calendar.isWorkingDay('2012-06-04')).toBe(false);
    });
  });

  describe('when whole years are counted', () => {
    it.each([
      // weekdays in the year − weekday bank holidays
      ['2011', 260 - 9],
      ['2012', 261 - 9],
      ['2020', 262 - 8],
      ['2022', 260 - 10],
    ])('%s has %i working days', (year, expected) => {
      expect(calendar.workingDaysBetween(`${Number(year) - 1}-12-31`, `${year}-12-31`)).toBe(
        expected,
      );
    });
  });

  describe('when weekends fall', () => {
    it('counts neither Saturday nor Sunday', () => {
      expect(calendar.isWorkingDay('2019-12-21')).toBe(false);
      expect(calendar.isWorkingDay('2019-12-22')).toBe(false);
      expect(calendar.isWorkingDay('2019-12-23')).toBe(true);
    });
  });

  describe('when working days are added (Child T, §7.5)', () => {
    it('puts the 5-working-day notification deadline from Fri 2019-12-20 on 2019-12-31', () => {
      expect(calendar.addWorkingDays('2019-12-20', 5)).toBe('2019-12-31');
    });

    it('puts the 15-working-day rapid review deadline on 2020-01-15', () => {
      expect(calendar.addWorkingDays('2019-12-20', 15)).toBe('2020-01-15');
    });

    it('finds 2020-01-02 one working day after 2019-12-31, over New Year', () => {
      expect(calendar.addWorkingDays('2019-12-31', 1)).toBe('2020-01-02');
    });
  });

  describe('when working days are added around weekends and holidays', () => {
    it('skips the weekend and the Early May bank holiday', () => {
      expect(calendar.addWorkingDays('2021-04-30', 1)).toBe('2021-05-04');
      expect(calendar.addWorkingDays('2021-05-01', 1)).toBe('2021-05-04');
    });

    it('skips Christmas with its substitute days', () => {
      expect(calendar.addWorkingDays('2020-12-24', 1)).toBe('2020-12-29');
      expect(calendar.addWorkingDays('2021-12-24', 1)).toBe('2021-12-29');
      expect(calendar.addWorkingDays('2022-12-23', 1)).toBe('2022-12-28');
    });

    it('counts backwards for a negative n', () => {
      expect(calendar.addWorkingDays('2020-01-02', -1)).toBe('2019-12-31');
      expect(calendar.addWorkingDays('2020-01-15', -15)).toBe('2019-12-20');
    });

    it('returns the day itself for n = 0, even on a weekend', () => {
      expect(calendar.addWorkingDays('2019-12-21', 0)).toBe('2019-12-21');
    });

    it('refuses a fractional n', () => {
      expect(() => calendar.addWorkingDays('2019-12-20', 2.5)).toThrow(RangeError);
    });
  });

  describe('when working days between two dates are counted', () => {
    it('finds 7 between the Child T notice on 2021-04-28 and publication on 2021-05-10', () => {
      expect(calendar.workingDaysBetween('2021-04-28', '2021-05-10')).toBe(7);
    });

    it('counts after from, up to and including to', () => {
      expect(calendar.workingDaysBetween('2019-12-20', '2019-12-31')).toBe(5);
      expect(calendar.workingDaysBetween('2019-12-31', '2020-01-02')).toBe(1);
      expect(calendar.workingDaysBetween('2019-12-20', '2019-12-20')).toBe(0);
      expect(calendar.workingDaysBetween('2019-12-20', '2019-12-22')).toBe(0);
    });

    it('is negative when to is before from', () => {
      expect(calendar.workingDaysBetween('2021-05-10', '2021-04-28')).toBe(-7);
    });

    it('undoes addWorkingDays for every start day over two years', () => {
      for (let d = '2019-06-01'; d < '2021-06-01'; d = addDays(d, 1)) {
        for (const n of [1, 5, 15]) {
          expect(calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n))).toBe(n);
        }
      }
    });
  });

  describe('when a year has no verified bank-holiday data', () => {
    it('throws BankHolidaysUnknownForYear rather than guessing', () => {
      expect(() => calendar.isWorkingDay('1999-12-31')).toThrow(BankHolidaysUnknownForYear);
      expect(() => calendar.isWorkingDay('1999-12-25')).toThrow(BankHolidaysUnknownForYear);
      expect(() => calendar.isWorkingDay('2100-01-04')).toThrow(/2000–2099/);
      expect(() => calendar.addWorkingDays('2000-01-04', -5)).toThrow(BankHolidaysUnknownForYear);
    });

    it('still answers at both ends of the range', () => {
      expect(calendar.isWorkingDay('2000-01-03')).toBe(false);
      expect(calendar.isWorkingDay('2099-12-31')).toBe(true);
    });
  });
});
