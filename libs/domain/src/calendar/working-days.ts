import Holidays from 'date-holidays';
import { addDays, BusinessDate, compareDates, dayOfWeek } from './business-date';

/** Working-day arithmetic as domain.md §0.3 item 6 defines it. */
export interface WorkingDayCalendar {
  isWorkingDay(d: BusinessDate): boolean;
  /** The n-th working day after d; d itself is not counted ("within n working days of d"). */
  addWorkingDays(d: BusinessDate, n: number): BusinessDate;
  /** The number of working days w with from < w ≤ to; negative when to is before from. */
  workingDaysBetween(from: BusinessDate, to: BusinessDate): number;
}

/** The calendar was asked about a year for which we hold no verified bank-holiday data. */
export class BankHolidaysUnknownForYear extends Error {
  readonly code = 'BANK_HOLIDAYS_UNKNOWN_FOR_YEAR';
  constructor(readonly year: number) {
    super(
      `England and Wales bank holidays are only known for ${FIRST_YEAR}–${LAST_YEAR}; ${year} is outside`,
    );
    this.name = 'BankHolidaysUnknownForYear';
  }
}

/**
 * date-holidays computes the rule-based holidays for any year, but one-off changes are only as
 * good as its data. For 2000–2030 we checked it against the known one-off changes (jubilees,
 * VE day, royal wedding, state funeral, coronation) and corrected it below. The upper bound only
 * stops nonsense years: no one knows the one-off holidays of the far future.
 */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

/**
 * Where date-holidays 3.37 is wrong for England and Wales; each entry is tested. Once the library
 * learns one, its entry does nothing and can go.
 */
const CORRECTIONS: readonly { date: BusinessDate; holiday: boolean; why: string }[] = [
  {
    date: '2002-05-27',
    holiday: false,
    why: 'Spring bank holiday moved to 4 June (Golden Jubilee)',
  },
  { date: '2002-06-03', holiday: true, why: 'Golden Jubilee bank holiday' },
  { date: '2002-06-04', holiday: true, why: 'Spring bank holiday, moved' },
  { date: '2011-04-29', holiday: true, why: 'Royal wedding bank holiday' },
  {
    date: '2012-05-28',
    holiday: false,
    why: 'Spring bank holiday moved to 4 June (Diamond Jubilee)',
  },
  { date: '2012-06-04', holiday: true, why: 'Spring bank holiday, moved' },
];

/**
 * Bank holidays of one year. Region ENG: Wales shares England's, and the Scottish and Northern
 * Irish ones (2 January, St Andrew's, St Patrick's, 12 July) belong to other regions. Only type
 * 'public' counts: the library also lists observances such as Mother's Day.
 */
function bankHolidaysOf(source: Holidays, year: number): Set<BusinessDate> {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new BankHolidaysUnknownForYear(year);
  }
  const days = new Set(
    source
      .getHolidays(year)
      .filter((h) => h.type === 'public')
      .map((h) => h.date.slice(0, 10)),
  );
  for (const { date, holiday } of CORRECTIONS.filter((c) => c.date.startsWith(`${year}-`))) {
    if (holiday) days.add(date);
    else days.delete(date);
  }
  return days;
}

function calendarOf(isHoliday: (d: BusinessDate) => boolean): WorkingDayCalendar {
  // Every day is looked up, weekends too, so a year without data fails the same way any day.
  const isWorkingDay = (d: BusinessDate): boolean => {
    const weekday = dayOfWeek(d);
    return !isHoliday(d) && weekday <= 5;
  };
  const countAfter = (from: BusinessDate, to: BusinessDate): number => {
    let count = 0;
    for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1)) {
      if (isWorkingDay(d)) count += 1;
    }
    return count;
  };
  return {
    isWorkingDay,
    addWorkingDays(d, n) {
      if (!Number.isInteger(n))
        throw new RangeError(`A number of working days must be whole, got ${n}`);
      const step = n < 0 ? -1 : 1;
      let day = d;
      for (let left = Math.abs(n); left > 0;) {
        day = addDays(day, step);
        if (isWorkingDay(day)) left -= 1;
      }
      return day;
    },
    workingDaysBetween(from, to) {
      return compareDates(to, from) >= 0 ? countAfter(from, to) : -countAfter(to, from);
    },
  };
}

/**
 * Monday to Friday less England and Wales bank holidays (domain.md §0.3 item 6, §7.5), from the
 * date-holidays package plus CORRECTIONS. Each year's holidays are computed once, on first use.
 */
export const englandAndWales: WorkingDayCalendar = (() => {
  let source: Holidays | undefined;
  const byYear = new Map<number, Set<BusinessDate>>();
  return calendarOf((d) => {
    const year = Number(d.slice(0, 4));
    let days = byYear.get(year);
    if (!days) {
      source ??= new Holidays('GB', 'ENG');
      days = bankHolidaysOf(source, year);
      byYear.set(year, days);
    }
    return days.has(d);
  });
})();
