import {
  type ActionEvent,
  type BusinessDate,
  DATA_QUALITY_PROBLEMS,
  type DataQualityFinding,
  type DataQualityProblem,
  dataQualityFindings,
  evolveAction,
  initialActionState,
  type Lead,
  type TriggerEvent,
} from '@casetrail/domain';
import type { ActionRecord } from '../../action-plans/queries/action-views';
import { tally } from '../grouping';
import type { ReviewFact } from '../report-facts';

/**
 * The data-quality queue (domain.md §6.7): each action open on a date whose plan the business
 * unit should put right, with what is wrong (a lead naming nobody, no outcome measure, no due
 * date, a trigger passed, facts entered late). Pure: drawn from facts already read as of the date.
 */

export interface QueuedAction {
  actionId: string;
  caseId: string;
  caseRef: string;
  number: string | null;
  agency: string;
  lead: Lead;
  actionText: string;
  timescaleText: string;
  findings: DataQualityFinding[];
}

export interface DataQualityQueue {
  /** Actions with at least one problem (of the one asked for, if asked). */
  total: number;
  /** Actions with each problem, every problem named. */
  byProblem: Record<DataQualityProblem, number>;
  /** Actions with a problem, per agency, most first. */
  byAgency: { name: string; count: number }[];
  /** One page, by case reference, then action. */
  items: QueuedAction[];
}

export interface QueueRequest {
  problem?: DataQualityProblem;
  page: number;
  pageSize: number;
}

export function buildDataQualityQueue(
  asOf: BusinessDate,
  actions: readonly (ActionRecord & { caseRef: string })[],
  reviews: readonly ReviewFact[],
  { problem, page, pageSize }: QueueRequest,
): DataQualityQueue {
  const milestonesOf = milestonesByCase(reviews);
  const queued = actions.flatMap((action): QueuedAction[] => {
    const state = action.facts
      .map((fact) => ({ type: fact.type, data: fact.data }) as unknown as ActionEvent)
      .reduce(evolveAction, initialActionState());
    if (state.status === 'NOT_PLANNED') return [];
    const findings = dataQualityFindings(
      { state, facts: action.facts, milestones: milestonesOf.get(action.caseId) ?? {} },
      asOf,
    );
    if (findings.length === 0) return [];
    const planned = action.facts[0].data as { number?: string; actionText: string };
    return [
      {
        actionId: action.actionId,
        caseId: action.caseId,
        caseRef: action.caseRef,
        number: planned.number ?? null,
        agency: state.agency,
        lead: state.lead,
        actionText: planned.actionText,
        timescaleText: state.timescaleText,
        findings,
      },
    ];
  });
  const problemsOf = (a: QueuedAction) => new Set(a.findings.map((f) => f.problem));
  const byProblem = tally(
    queued.flatMap((a) => [...problemsOf(a)]),
    DATA_QUALITY_PROBLEMS,
  ) as Record<DataQualityProblem, number>;
  const chosen = problem ? queued.filter((a) => problemsOf(a).has(problem)) : queued;
  const byAgency = Object.entries(tally(chosen.map((a) => a.agency)))
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const items = [...chosen]
    .sort((a, b) => a.caseRef.localeCompare(b.caseRef) || a.actionId.localeCompare(b.actionId))
    .slice((page - 1) * pageSize, page * pageSize);
  return {
    total: chosen.length,
    byProblem,
    byAgency,
    items,
  };
}

/** When each case's report was signed off and published, of what had happened by the date. */
function milestonesByCase(reviews: readonly ReviewFact[]) {
  const milestones = new Map<string, Partial<Record<TriggerEvent, BusinessDate>>>();
  for (const review of reviews) {
    const found = milestones.get(review.caseId) ?? {};
    if (review.signedOffOn) found.REPORT_SIGNED_OFF ??= review.signedOffOn;
    if (review.publishedOn) found.REVIEW_PUBLISHED ??= review.publishedOn;
    milestones.set(review.caseId, found);
  }
  return milestones;
}
