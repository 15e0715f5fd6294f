import { type BusinessDate, daysBetween } from '../calendar';
import type { TriggerEvent } from './action.events';
import { isWithdrawn, type PlannedAction } from './action.state';

/**
 * What is wrong with an action plan's data (domain.md §4.5, §6.7): the warnings the template
 * raises, kept as a queue for the business unit to put right. Pure: the caller folds the action
 * from the facts visible on the date, and says when its trigger's milestone happened.
 */

export const DATA_QUALITY_PROBLEMS = [
  /** "Warn if the lead is only an organisation" ("LSCB", "All managers", "Heads of service"). */
  'ORGANISATION_ONLY_LEAD',
  /** "Warn when blank" (both CCG rows in 003). */
  'NO_OUTCOME_MEASURE',
  /** "… or output-only" ("Guidance will be completed and training provided"). */
  'OUTPUT_ONLY_MEASURE',
  /** A timescale that is not a date, with no due date agreed since. */
  'NO_DUE_DATE',
  /** A CONDITIONAL action whose trigger has happened, still with no due date. */
  'TRIGGER_PASSED',
  /** A fact the board learned of more than a week after it happened (§5.1). */
  'LATE_ENTRY',
] as const;
export type DataQualityProblem = (typeof DATA_QUALITY_PROBLEMS)[number];

/** §5.1: a late entry needs a reason when it is recorded more than 7 days after it happened. */
const LATE_AFTER_DAYS = 7;

export const isLateEntry = (occurredOn: BusinessDate, knownOn: BusinessDate): boolean =>
  daysBetween(occurredOn, knownOn) > LATE_AFTER_DAYS;

/** One fact of the action, with the day it happened and the day the board knew it. */
export interface DatedFact {
  type: string;
  occurredOn: BusinessDate;
  knownOn: BusinessDate;
}

export interface ActionOnRecord {
  /** Folded from the facts visible on the date. */
  state: PlannedAction;
  /** The same facts, in stream order. */
  facts: readonly DatedFact[];
  /** When each milestone of its review happened, of those that had by the date. */
  milestones: Partial<Record<TriggerEvent, BusinessDate>>;
}

export interface DataQualityFinding {
  problem: DataQualityProblem;
  /** What was found, for a person to act on. */
  detail: string;
  /** The fact a LATE_ENTRY is about, or the day a TRIGGER_PASSED trigger happened. */
  on?: BusinessDate;
}

/**
 * Every problem with the action's data on the date, in the order of DATA_QUALITY_PROBLEMS. An
 * action signed off, cancelled or superseded has none: nobody will chase it again.
 */
export function dataQualityFindings(
  { state, facts, milestones }: ActionOnRecord,
  asOf: BusinessDate,
): DataQualityFinding[] {
  if (state.status === 'SIGNED_OFF' || isWithdrawn(state)) return [];
  const findings: DataQualityFinding[] = [];
  const { lead } = state;
  if (lead.persons.every((person) => !person.trim()))
    findings.push({
      problem: 'ORGANISATION_ONLY_LEAD',
      detail: `"${lead.displayText}" names no person to chase progress`,
    });
  if (!state.outcomeMeasure?.trim())
    findings.push({
      problem: 'NO_OUTCOME_MEASURE',
      detail: 'No outcome measure: how will anyone know it made a difference?',
    });
  else if (state.outcomeMeasureType === 'OUTPUT')
    findings.push({
      problem: 'OUTPUT_ONLY_MEASURE',
      detail: `"${state.outcomeMeasure}" measures an output, not a difference to practice or to children`,
    });
  if (!state.currentDueDate) {
    findings.push({
      problem: 'NO_DUE_DATE',
      detail: `"${state.timescaleText}" is not a date (${state.dueDatePrecision}), and no due date has been agreed`,
    });
    const passedOn = state.triggerEvent && milestones[state.triggerEvent];
    if (state.dueDatePrecision === 'CONDITIONAL' && passedOn && passedOn <= asOf)
      findings.push({
        problem: 'TRIGGER_PASSED',
        detail: `Waiting on "${state.triggerCondition}", which happened ${daysBetween(passedOn, asOf)} days ago`,
        on: passedOn,
      });
  }
  for (const fact of facts) {
    if (isLateEntry(fact.occurredOn, fact.knownOn))
      findings.push({
        problem: 'LATE_ENTRY',
        detail: `${fact.type} of ${fact.occurredOn} was known only on ${fact.knownOn}, ${daysBetween(fact.occurredOn, fact.knownOn)} days later`,
        on: fact.occurredOn,
      });
  }
  return findings;
}
