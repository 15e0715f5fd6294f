import {
  addCalendarMonths,
  addDays,
  type BusinessDate,
  isBusinessDate,
  lastDayOfMonth,
} from '../calendar';
import type { DueDatePrecision, TriggerEvent } from './action.events';

/**
 * The template's "Timescale" cell is free text ("8/04/2015", "By September 2015", "Dependent on
 * release of report"). Reports need a date to judge lateness against, so it is normalised once,
 * when the action is planned, and the verbatim text is kept beside it (domain.md §0.3 items 3–4).
 * Text we cannot read becomes UNSCHEDULED: never overdue, rather than overdue by a guess.
 */
export interface NormalisedTimescale {
  dueDate?: BusinessDate;
  dueDatePrecision: DueDatePrecision;
  /** A recurring element ("and ongoing CPD element") beside the deliverable that is due. */
  ongoing?: boolean;
  /** Planned as already achieved ("Already actioned see 8.5.2"). */
  retrospective?: boolean;
  /** For CONDITIONAL: what must happen before a due date can be set (the text itself). */
  triggerCondition?: string;
  /** For CONDITIONAL: the review milestone the text waits for, when it names one. */
  triggerEvent?: TriggerEvent;
}

export interface TimescaleContext {
  /** Reads a month with no year ("By September") as the next such month. */
  plannedOn: BusinessDate;
  /** What a relative timescale counts from: the review's publication (§0.3 item 4). */
  anchorOn?: BusinessDate;
}

export function normaliseTimescale(text: string, context: TimescaleContext): NormalisedTimescale {
  const flags = ONGOING.test(text) ? { ongoing: true } : {};
  const dated = latestDeadlineIn(text, context.plannedOn);
  if (dated) return { ...dated, ...flags };
  const relative = relativeDeadline(text);
  if (relative) {
    // Until its anchor happens (a report not yet published), the deadline waits on it.
    return context.anchorOn
      ? { dueDate: relative(context.anchorOn), dueDatePrecision: 'DERIVED', ...flags }
      : { ...waitingFor(text, 'REVIEW_PUBLISHED'), ...flags };
  }
  if (ALREADY_DONE.test(text))
    return { dueDatePrecision: 'RETROSPECTIVE', retrospective: true, ...flags };
  if (CONDITION.test(text)) return { ...waitingFor(text, triggerEventIn(text)), ...flags };
  return { dueDatePrecision: 'UNSCHEDULED', ...flags };
}

const waitingFor = (text: string, triggerEvent: TriggerEvent | undefined): NormalisedTimescale => ({
  dueDatePrecision: 'CONDITIONAL',
  triggerCondition: text.trim(),
  ...(triggerEvent && { triggerEvent }),
});

/** "Dependent on release of report": the milestone, when the text names the report's. */
export function triggerEventIn(text: string): TriggerEvent | undefined {
  if (!REPORT.test(text)) return undefined;
  if (RELEASED.test(text)) return 'REVIEW_PUBLISHED';
  if (SIGNED_OFF.test(text)) return 'REPORT_SIGNED_OFF';
  return undefined;
}

const ONGOING = /\b(ongoing|on-going|continuous|continuing|rolling)\b/i;
const ALREADY_DONE =
  /\balready\s+(actioned|done|completed?|achieved|implemented|in place)\b|^\s*(completed?|done|achieved|actioned)\b/i;
const CONDITION =
  /\b(dependent|depending|depends|conditional|subject to|once|upon|following|pending|when|after)\b/i;
const REPORT = /\b(report|review)\b/i;
const RELEASED = /\b(release[ds]?|publication|publish(ed|ing)?)\b/i;
const SIGNED_OFF = /\b(sign(ed|ing)?[- ]off|signed|accept(ed|ance)?|approv(al|ed))\b/i;
/** A date after one of these words says when work starts, not when it is due ("Has begun May 2015"). */
const START = /\b(begun|began|begins?|start|starts|started|starting|commenced?|commencing|from)\b/i;

const MONTH_NAMES = [
  'jan(?:uary)?',
  'feb(?:ruary)?',
  'mar(?:ch)?',
  'apr(?:il)?',
  'may',
  'june?',
  'july?',
  'aug(?:ust)?',
  'sep(?:t(?:ember)?)?',
  'oct(?:ober)?',
  'nov(?:ember)?',
  'dec(?:ember)?',
];
const MONTH = `(${MONTH_NAMES.join('|')})\\b\\.?`;

const monthNumber = (name: string): number =>
  MONTH_NAMES.findIndex((pattern) => new RegExp(`^${pattern}$`, 'i').test(name)) + 1;

/** "15" in "27/09/15" is 2015: the seeds are all this century. */
const fullYear = (year: string): number => (year.length === 2 ? 2000 + Number(year) : Number(year));

const dayDate = (year: number, month: number, day: number): BusinessDate | undefined => {
  const d = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isBusinessDate(d) ? d : undefined;
};

interface Mention {
  index: number;
  length: number;
  dueDate: BusinessDate;
  dueDatePrecision: 'DAY' | 'MONTH';
}

type Reader = (match: RegExpExecArray, plannedOn: BusinessDate) => BusinessDate | undefined;

/** Day-precise forms are read first and blanked out, so "31 March 2016" is not also "March 2016". */
const DAY_FORMS: [RegExp, Reader][] = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => dayDate(Number(m[1]), Number(m[2]), Number(m[3]))],
  [
    // UK order always (8/04/2015 is 8 April); a one-digit "year" is a section ("see 8.5.2").
    /\b(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})\b/g,
    (m) => dayDate(fullYear(m[3]), Number(m[2]), Number(m[1])),
  ],
  [
    new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})\\b`, 'gi'),
    (m) => dayDate(Number(m[3]), monthNumber(m[2]), Number(m[1])),
  ],
  [
    new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,\\s*(\\d{4})\\b`, 'gi'),
    (m) => dayDate(Number(m[3]), monthNumber(m[1]), Number(m[2])),
  ],
];

const MONTH_FORMS: [RegExp, Reader][] = [
  [
    new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'gi'),
    (m) => lastDayOfMonth(Number(m[2]), monthNumber(m[1])),
  ],
  [
    /(?<![\d./-])\b(\d{1,2})\/(\d{4})\b/g,
    (m) =>
      Number(m[1]) >= 1 && Number(m[1]) <= 12
        ? lastDayOfMonth(Number(m[2]), Number(m[1]))
        : undefined,
  ],
  [
    // Without a year, only after "by" or "end of": "may" alone is too often the verb.
    new RegExp(`\\b(?:by|end of)\\s+(?:the\\s+end\\s+of\\s+)?${MONTH}(?!\\s*\\d)`, 'gi'),
    (m, plannedOn) => nextMonthEnd(monthNumber(m[1]), plannedOn),
  ],
];

/** The end of the first such month that ends on or after the planning date. */
function nextMonthEnd(month: number, plannedOn: BusinessDate): BusinessDate {
  const year = Number(plannedOn.slice(0, 4));
  const thisYear = lastDayOfMonth(year, month);
  return thisYear >= plannedOn ? thisYear : lastDayOfMonth(year + 1, month);
}

function mentionsOf(
  text: string,
  forms: [RegExp, Reader][],
  precision: Mention['dueDatePrecision'],
  plannedOn: BusinessDate,
): Mention[] {
  const found: Mention[] = [];
  for (const [pattern, read] of forms) {
    for (const match of text.matchAll(new RegExp(pattern))) {
      const dueDate = read(match as RegExpExecArray, plannedOn);
      if (dueDate)
        found.push({
          index: match.index ?? 0,
          length: match[0].length,
          dueDate,
          dueDatePrecision: precision,
        });
    }
  }
  return found;
}

const blank = (text: string, mentions: Mention[]): string =>
  mentions.reduce(
    (masked, m) =>
      masked.slice(0, m.index) + ' '.repeat(m.length) + masked.slice(m.index + m.length),
    text,
  );

/** Only the words since the last clause break decide whether a date is a start date. */
const isStartDate = (text: string, m: Mention): boolean =>
  START.test(
    text
      .slice(0, m.index)
      .split(/[,;:(]|\band\b|\bbut\b/i)
      .pop() ?? '',
  );

/**
 * The latest due date the text names. A row that lists two dates for one action is done when
 * both are, so the later one stands.
 */
function latestDeadlineIn(
  text: string,
  plannedOn: BusinessDate,
): Pick<NormalisedTimescale, 'dueDate' | 'dueDatePrecision'> | undefined {
  const days = mentionsOf(text, DAY_FORMS, 'DAY', plannedOn);
  const months = mentionsOf(blank(text, days), MONTH_FORMS, 'MONTH', plannedOn);
  const deadlines = [...days, ...months].filter((m) => !isStartDate(text, m));
  if (deadlines.length === 0) return undefined;
  const latest = deadlines.reduce((a, b) => (b.dueDate > a.dueDate ? b : a));
  return { dueDate: latest.dueDate, dueDatePrecision: latest.dueDatePrecision };
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

const RELATIVE = [
  /\bwithin\s+(?:the\s+next\s+|the\s+)?(\w+)\s+(?:calendar\s+)?(day|week|month|year)s?\b/i,
  /\b(\w+)\s+(?:calendar\s+)?(day|week|month|year)s?\s+(?:after|from|of)\b/i,
];

/** "Within the next six months": anchor + 6 calendar months, clamped to the month end (§0.3 item 5). */
function relativeDeadline(text: string): ((anchor: BusinessDate) => BusinessDate) | undefined {
  for (const pattern of RELATIVE) {
    const match = pattern.exec(text);
    if (!match) continue;
    const word = match[1].toLowerCase();
    const amount = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
    if (!amount) continue;
    const unit = match[2].toLowerCase();
    if (unit === 'day') return (anchor) => addDays(anchor, amount);
    if (unit === 'week') return (anchor) => addDays(anchor, 7 * amount);
    const months = unit === 'year' ? 12 * amount : amount;
    return (anchor) => addCalendarMonths(anchor, months);
  }
  return undefined;
}
