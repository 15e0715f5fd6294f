import type { BusinessDate } from '../calendar';
import { DomainRuleViolated } from '../errors';
import type { DelayReason, LateCompletion } from './case.events';
import type { ClockName } from '../calendar';

/**
 * Small guards shared by the case decider. Each names the rule it enforces, so a refused
 * command tells the user which rule, in words (domain.md §5.8).
 */

export function must(condition: unknown, rule: string, message: string): asserts condition {
  if (!condition) throw new DomainRuleViolated(rule, message);
}

/** A fact cannot be dated before the fact it depends on. */
export function notBefore(
  date: BusinessDate,
  earliest: BusinessDate | undefined,
  rule: string,
  what: string,
): void {
  if (earliest !== undefined)
    must(date >= earliest, rule, `${what}: ${date} is before ${earliest}`);
}

export function notInFuture(date: BusinessDate, today: BusinessDate, field = 'occurredOn'): void {
  must(date <= today, 'no-future-dates', `${field} ${date} is after today (${today})`);
}

/**
 * A stage completed after its deadline records why; without a reason the command is refused
 * (issue #3, domain.md §3.2). On time, a reason is not stored.
 */
export function lateness(
  clock: ClockName,
  completedOn: BusinessDate,
  dueOn: BusinessDate | undefined,
  reason: DelayReason | undefined,
  rule: string,
): LateCompletion | undefined {
  if (dueOn === undefined || completedOn <= dueOn) return undefined;
  must(
    reason !== undefined && reason.detail.trim().length > 0,
    rule,
    `${clock} was due by ${dueOn} and completed on ${completedOn}: a reasonForDelay (code and detail) is required`,
  );
  return { clock, dueOn, reason };
}

const PSEUDONYM_PREFIXES =
  /^(child|baby|infant|young person|sibling|adolescent|subject|person|yp)\b/i;
const FULL_NAME = /^\p{Lu}[\p{L}'’-]+(\s+\p{Lu}[\p{L}'’-]+)+$/u;

/**
 * Children are held by pseudonym only (domain.md §4): the log is append-only, so a real name
 * could never be removed. "Child R", "Child B1", "Sam" pass; "Jane Smith" or a name on the
 * partnership's configured list does not.
 */
export function assertPseudonym(pseudonym: string, forbiddenNames: ReadonlySet<string>): void {
  const value = pseudonym.trim();
  const looksLikeFullName = FULL_NAME.test(value) && !PSEUDONYM_PREFIXES.test(value);
  // Whole words, in any case: a listed "Jane Smith" must catch "Baby Jane Smith" too.
  const words = ` ${value.toLowerCase().split(/\s+/).join(' ')} `;
  const listed = [...forbiddenNames].some((name) => {
    const listedWords = name.trim().toLowerCase().split(/\s+/).join(' ');
    return listedWords.length > 0 && words.includes(` ${listedWords} `);
  });
  must(
    !looksLikeFullName && !listed,
    'pseudonyms-only',
    `"${pseudonym}" looks like a real name: record children by pseudonym only (e.g. "Child R")`,
  );
}
