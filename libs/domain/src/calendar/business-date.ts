/**
 * A Europe/London calendar date with no time of day, written 'YYYY-MM-DD' (domain.md §0.3 item 1).
 * Arithmetic runs on UTC day numbers built from the date parts, so a clock change never moves a day.
 */
export type BusinessDate = string;

/** ISO 8601 day of the week: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A value that should have been a 'YYYY-MM-DD' calendar date was not one. */
export class InvalidBusinessDate extends Error {
  readonly code = 'INVALID_BUSINESS_DATE';
  constructor(readonly value: unknown) {
    super(`${JSON.stringify(value)} is not a calendar date written YYYY-MM-DD`);
    this.name = 'InvalidBusinessDate';
  }
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const partsOf = (s: unknown): [number, number, number] | undefined => {
  const match = typeof s === 'string' ? SHAPE.exec(s) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
};

const parse = (d: BusinessDate): [number, number, number] => {
  const parts = partsOf(d);
  if (!parts) throw new InvalidBusinessDate(d);
  return parts;
};

/** setUTCFullYear rather than Date.UTC, which maps years 0–99 to 1900–1999. */
const dayNumber = (d: BusinessDate): number => {
  const [year, month, day] = parse(d);
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return t.getTime() / MS_PER_DAY;
};

const fromDayNumber = (n: number): BusinessDate =>
  new Date(n * MS_PER_DAY).toISOString().slice(0, 10);

const format = (year: number, month: number, day: number): BusinessDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const requireWholeNumber = (n: number, what: string): void => {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
};

/** True for a strict 'YYYY-MM-DD' string naming a real day (2015-02-29 is not; 2016-02-29 is). */
export function isBusinessDate(s: unknown): s is BusinessDate {
  return partsOf(s) !== undefined;
}

/** The date n calendar days after d (before it when n is negative). */
export function addDays(d: BusinessDate, n: number): BusinessDate {
  requireWholeNumber(n, 'A number of days');
  return fromDayNumber(dayNumber(d) + n);
}

/** to − from in calendar days: negative when to is earlier (domain.md §0.3 item 2, T − D). */
export function daysBetween(from: BusinessDate, to: BusinessDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * d plus n calendar months, keeping the day of the month and clamping to the month's end
 * (domain.md §0.3 item 5: 2014-12-19 + 6 = 2015-06-19; 2015-08-31 + 6 = 2016-02-29).
 */
export function addCalendarMonths(d: BusinessDate, n: number): BusinessDate {
  requireWholeNumber(n, 'A number of months');
  const [year, month, day] = parse(d);
  const monthIndex = year * 12 + (month - 1) + n;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return format(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/**
 * The last day of a month (month 1–12), the date a month-only timescale such as
 * "April 2015" normalises to (domain.md §0.3 item 3).
 */
export function lastDayOfMonth(year: number, month: number): BusinessDate {
  if (
    !Number.isInteger(year) ||
    year < 0 ||
    year > 9999 ||
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12
  ) {
    throw new RangeError(`No such month: ${year}-${month}`);
  }
  return format(year, month, daysInMonth(year, month));
}

/** Negative when a is earlier than b, 0 when the same day, positive when later; fit for sort. */
export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return Math.sign(dayNumber(a) - dayNumber(b));
}

/** The latest of one or more dates. */
export function maxDate(first: BusinessDate, ...rest: BusinessDate[]): BusinessDate {
  parse(first);
  return rest.reduce((max, d) => (compareDates(d, max) > 0 ? d : max), first);
}

/** The earliest of one or more dates. */
export function minDate(first: BusinessDate, ...rest: BusinessDate[]): BusinessDate {
  parse(first);
  return rest.reduce((min, d) => (compareDates(d, min) < 0 ? d : min), first);
}

/** The ISO day of the week of d: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(d: BusinessDate): IsoWeekday {
  const sundayIsZero = new Date(dayNumber(d) * MS_PER_DAY).getUTCDay();
  return (sundayIsZero === 0 ? 7 : sundayIsZero) as IsoWeekday;
}

const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const londonDateByHour = new Map<string, BusinessDate>();

/**
 * The business date (Europe/London) of an instant given as an ISO 8601 UTC string. Intl
 * formatting costs more than applying an event, and London's offset only changes on a UTC hour,
 * so each hour is formatted once and remembered.
 */
export function londonDateOf(instant: string): BusinessDate {
  const hour = instant.slice(0, 13);
  let date = londonDateByHour.get(hour);
  if (date === undefined) {
    date = LONDON.format(new Date(`${hour}:00:00Z`));
    if (londonDateByHour.size > 10_000) londonDateByHour.clear();
    londonDateByHour.set(hour, date);
  }
  return date;
}
