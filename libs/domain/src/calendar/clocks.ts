import {
  addCalendarMonths,
  addDays,
  BusinessDate,
  compareDates,
  daysBetween,
  isBusinessDate,
} from './business-date';
import { DEFAULT_REGIME_EFFECTIVE_DATES, Regime, RegimeEffectiveDates, REGIMES } from './regimes';
import { WorkingDayCalendar } from './working-days';

/**
 * The statutory clocks and what starts each (domain.md §3.3, §6.5):
 * SERIOUS_INCIDENT_NOTIFICATION from awareness; RAPID_REVIEW from awareness or notification;
 * DECISION from referral or notification; NO_REVIEW_DECISION_TO_PANEL, REVIEW_COMPLETION and
 * PUBLICATION from the decision; PUBLICATION_NOTICE is a lead time before publication.
 */
export type ClockName =
  | 'SERIOUS_INCIDENT_NOTIFICATION'
  | 'RAPID_REVIEW'
  | 'DECISION'
  | 'NO_REVIEW_DECISION_TO_PANEL'
  | 'REVIEW_COMPLETION'
  | 'PUBLICATION'
  | 'PUBLICATION_NOTICE';

export type TimescaleUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'CALENDAR_MONTHS';
export type Timescale = { unit: TimescaleUnit; amount: number };
export type RapidReviewAnchor = 'AWARENESS' | 'NOTIFICATION';

/** One regime's timescales; a missing clock does not run under that regime. */
export interface RegimeClockRules {
  seriousIncidentNotification?: Timescale;
  rapidReview?: Timescale & { anchor: RapidReviewAnchor };
  decision?: Timescale;
  noReviewDecisionToPanel?: Timescale;
  reviewCompletion?: Timescale;
  publication?: Timescale;
  /** The minimum lead time between telling the Panel and publishing. */
  publicationNotice?: Timescale;
}

/** Statutory timescales as configuration, versioned by effective date (domain.md §3.3). */
export interface ClockRules {
  effectiveFrom: RegimeEffectiveDates;
  regimes: Record<Regime, RegimeClockRules>;
}

export type ClockStatus = 'RUNNING' | 'MET' | 'BREACHED';

export interface ClockReading {
  name: ClockName;
  anchorOn: BusinessDate;
  dueOn: BusinessDate;
  /** Only a completion on or before the as-of date. */
  completedOn?: BusinessDate;
  status: ClockStatus;
  /** Calendar days, 0 unless breached. */
  daysLate: number;
  /** Calendar days left, only while running. */
  daysRemaining?: number;
}

export interface NoticeLeadTime {
  required: number;
  actual: number;
  sufficient: boolean;
}

const workingDays = (amount: number): Timescale => ({ unit: 'WORKING_DAYS', amount });
const calendarDays = (amount: number): Timescale => ({ unit: 'CALENDAR_DAYS', amount });
const months = (amount: number): Timescale => ({ unit: 'CALENDAR_MONTHS', amount });

const partnershipRules = (): RegimeClockRules => ({
  seriousIncidentNotification: workingDays(5),
  rapidReview: { ...workingDays(15), anchor: 'AWARENESS' },
  reviewCompletion: months(6),
  publication: months(6),
  publicationNotice: workingDays(7),
});

/**
 * Defaults from domain.md §3.3 and the seed expectations in §7. Under WT2013 the notification
 * day count was never confirmed, so that clock is off until settings supply one. "One week"
 * before publication (WT2013/15) is 7 calendar days; WT2018's notice is 7 working days.
 * The rapid review counts from awareness; some partnerships count from notification (E4).
 */
export const DEFAULT_CLOCK_RULES: ClockRules = deepFreeze({
  effectiveFrom: { ...DEFAULT_REGIME_EFFECTIVE_DATES },
  regimes: {
    WT2010: { decision: months(1), reviewCompletion: months(6) },
    WT2013: {
      decision: months(1),
      noReviewDecisionToPanel: calendarDays(14),
      reviewCompletion: months(6),
      publicationNotice: calendarDays(7),
    },
    WT2015: {
      seriousIncidentNotification: workingDays(5),
      decision: months(1),
      noReviewDecisionToPanel: calendarDays(14),
      reviewCompletion: months(6),
      publicationNotice: calendarDays(7),
    },
    WT2018: partnershipRules(),
    WT2023: partnershipRules(),
  },
});

const RULE_OF_CLOCK: Record<ClockName, keyof RegimeClockRules> = {
  SERIOUS_INCIDENT_NOTIFICATION: 'seriousIncidentNotification',
  RAPID_REVIEW: 'rapidReview',
  DECISION: 'decision',
  NO_REVIEW_DECISION_TO_PANEL: 'noReviewDecisionToPanel',
  REVIEW_COMPLETION: 'reviewCompletion',
  PUBLICATION: 'publication',
  PUBLICATION_NOTICE: 'publicationNotice',
};

/** A clock's timescale under a regime, or undefined when that clock does not run under it. */
export function timescaleOf(
  name: ClockName,
  regime: Regime,
  rules: ClockRules = DEFAULT_CLOCK_RULES,
): Timescale | undefined {
  return rules.regimes[regime][RULE_OF_CLOCK[name]];
}

/**
 * The deadline a timescale sets from its anchor: the n-th working day after it (domain.md §0.3
 * item 6), n calendar days after it, or n calendar months after it, clamped to the month's end
 * (§0.3 item 5: "within one month of X" is X + 1 month).
 */
export function dueDate(
  timescale: Timescale,
  anchor: BusinessDate,
  calendar: WorkingDayCalendar,
): BusinessDate {
  switch (timescale.unit) {
    case 'WORKING_DAYS':
      return calendar.addWorkingDays(anchor, timescale.amount);
    case 'CALENDAR_DAYS':
      return addDays(anchor, timescale.amount);
    case 'CALENDAR_MONTHS':
      return addCalendarMonths(anchor, timescale.amount);
    default:
      return unknownUnit(timescale.unit);
  }
}

/**
 * A deadline's state on asOf (domain.md §0.3 items 2, 5): met if completed on or before the due
 * date, breached if completed after it or still open from the day after it (daysLate in calendar
 * days), otherwise running. A completion after asOf is not yet known, so it does not count.
 * PUBLICATION_NOTICE is a lead time, not a deadline: read it with noticeLeadTime.
 */
export function readClock(
  name: ClockName,
  anchorOn: BusinessDate,
  dueOn: BusinessDate,
  completedOn: BusinessDate | undefined,
  asOf: BusinessDate,
): ClockReading {
  const base = { name, anchorOn, dueOn };
  if (completedOn !== undefined && compareDates(completedOn, asOf) <= 0) {
    const daysLate = Math.max(0, daysBetween(dueOn, completedOn));
    return { ...base, completedOn, status: daysLate > 0 ? 'BREACHED' : 'MET', daysLate };
  }
  const overdue = daysBetween(dueOn, asOf);
  return overdue > 0
    ? { ...base, status: 'BREACHED', daysLate: overdue }
    : { ...base, status: 'RUNNING', daysLate: 0, daysRemaining: daysBetween(asOf, dueOn) };
}

/**
 * How many working days after the deadline something was done: the working days w with
 * dueOn < w ≤ doneOn, 0 if on time. Child T's notification, due 2019-12-31 and sent 2020-01-02,
 * is 2 calendar days but 1 working day late (domain.md §7.5).
 */
export function workingDaysLate(
  dueOn: BusinessDate,
  doneOn: BusinessDate,
  calendar: WorkingDayCalendar,
): number {
  return Math.max(0, calendar.workingDaysBetween(dueOn, doneOn));
}

/**
 * Whether the Panel was told early enough before publication (domain.md §0.3 item 6, §3.2):
 * in working days, those d with noticeOn < d ≤ publishedOn; in calendar days, the plain
 * difference ("one week" = 7 calendar days). Sufficient when actual ≥ required.
 */
export function noticeLeadTime(
  noticeOn: BusinessDate,
  publishedOn: BusinessDate,
  timescale: Timescale,
  calendar: WorkingDayCalendar,
): NoticeLeadTime {
  const actual = (() => {
    switch (timescale.unit) {
      case 'WORKING_DAYS':
        return calendar.workingDaysBetween(noticeOn, publishedOn);
      case 'CALENDAR_DAYS':
        return daysBetween(noticeOn, publishedOn);
      case 'CALENDAR_MONTHS':
        throw new RangeError('A publication notice lead time is counted in days, not months');
      default:
        return unknownUnit(timescale.unit);
    }
  })();
  return { required: timescale.amount, actual, sufficient: actual >= timescale.amount };
}

const UNITS: readonly TimescaleUnit[] = ['WORKING_DAYS', 'CALENDAR_DAYS', 'CALENDAR_MONTHS'];
const ANCHORS: readonly RapidReviewAnchor[] = ['AWARENESS', 'NOTIFICATION'];

/**
 * The problems with a set of clock rules, empty when it is usable, so settings can refuse a bad
 * configuration at start-up: missing or malformed effective dates, dates out of order, amounts
 * that are not positive whole numbers, unknown units or anchors, a notice counted in months.
 */
export function validateClockRules(rules: ClockRules): string[] {
  const problems: string[] = [];
  const effectiveFrom = rules?.effectiveFrom ?? ({} as Partial<RegimeEffectiveDates>);
  let previous: { regime: Regime; date: BusinessDate } | undefined;
  for (const regime of REGIMES) {
    const date = effectiveFrom[regime];
    if (!isBusinessDate(date)) {
      problems.push(`effectiveFrom.${regime} must be a date YYYY-MM-DD`);
      continue;
    }
    if (previous && compareDates(date, previous.date) <= 0) {
      problems.push(
        `effectiveFrom.${regime} (${date}) must be after ${previous.regime} (${previous.date})`,
      );
    }
    previous = { regime, date };
  }
  for (const regime of REGIMES) {
    const regimeRules = rules?.regimes?.[regime];
    if (regimeRules === undefined || regimeRules === null || typeof regimeRules !== 'object') {
      problems.push(`regimes.${regime} is missing`);
      continue;
    }
    for (const [key, timescale] of Object.entries(regimeRules)) {
      problems.push(...timescaleProblems(`regimes.${regime}.${key}`, key, timescale));
    }
  }
  return problems;
}

function timescaleProblems(path: string, key: string, timescale: unknown): string[] {
  if (!(Object.values(RULE_OF_CLOCK) as string[]).includes(key)) return [`${path} is not a clock`];
  if (timescale === undefined) return [];
  const t = (timescale ?? {}) as Partial<Timescale & { anchor: RapidReviewAnchor }>;
  const problems: string[] = [];
  if (!UNITS.includes(t.unit as TimescaleUnit))
    problems.push(`${path}.unit must be one of ${UNITS.join(', ')}`);
  if (!Number.isInteger(t.amount) || (t.amount as number) <= 0) {
    problems.push(`${path}.amount must be a whole number above 0`);
  }
  if (key === 'rapidReview' && !ANCHORS.includes(t.anchor as RapidReviewAnchor)) {
    problems.push(`${path}.anchor must be one of ${ANCHORS.join(', ')}`);
  }
  if (key === 'publicationNotice' && t.unit === 'CALENDAR_MONTHS') {
    problems.push(`${path} must be counted in days`);
  }
  return problems;
}

function unknownUnit(unit: never): never {
  throw new RangeError(`Unknown timescale unit ${String(unit)}`);
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child !== null && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
