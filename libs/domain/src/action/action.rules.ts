import type { Lead } from './action.events';

/**
 * Lower case, punctuation and dashes as spaces, padded: "Team Leader – Sarah Mounsey" becomes
 * " team leader sarah mounsey ", so whole names are found by substring without matching "Sam"
 * inside "Samantha".
 */
const words = (text: string): string => {
  const normal = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return normal ? ` ${normal} ` : '';
};

const contains = (haystack: string, needle: string): boolean =>
  needle !== '' && words(haystack).includes(words(needle));

/**
 * Whether a person named on an approval or sign-off is the action's lead. Leads are often written
 * as prose ("Team Leader – Sarah Mounsey reporting to service Manager and HoS") or as a team
 * ("Workforce development and Service managers CIN teams"), so the name is looked for inside the
 * display text as well as among the listed persons (domain.md §5.5, §5.8).
 */
export function isTheLead(name: string, lead: Lead): boolean {
  if (words(name) === '') return false;
  return (
    contains(lead.displayText, name) ||
    lead.persons.some((person) => contains(person, name) || contains(name, person))
  );
}

/** Whether a name is on a roster, whatever its case or punctuation ("Chair, PAQA subgroup"). */
export const isOnRoster = (name: string, roster: readonly string[]): boolean =>
  words(name) !== '' && roster.some((member) => words(member) === words(name));

/** Two display texts naming the same lead, whatever their case or punctuation. */
export const sameLead = (a: Lead, b: Lead): boolean =>
  words(a.displayText) === words(b.displayText);

/** A new event type that nobody handles fails to compile here. */
export function unhandled(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
