import {
  addCalendarMonths,
  AGE_BANDS,
  type BusinessDate,
  daysBetween,
  DECISION_OUTCOMES,
  EVALUATION_GRADES,
  type Evaluator,
  FAMILY_INVOLVEMENT,
  SEXES,
  SUBJECT_ROLES,
} from '@casetrail/domain';
import { groupBy, latestBy, tally } from '../grouping';
import { familyInvolvementOf, NONE_RECORDED } from '../registers/family-involvement';
import type {
  ActionFact,
  DecisionFact,
  EvaluationFact,
  RecommendationFact,
  ReportFactSet,
  SubjectFact,
} from '../report-facts';

/**
 * The annual statistics of a partnership (domain.md §6.6), as the OSCB's CRAG report (seed 001)
 * and Ofsted's evaluation of reviews (seed 004, Table 3) present them, from facts already drawn
 * as of one date. Pure. Counting rules, where the seeds leave a choice:
 * - a referral, a decision, a sign-off … counts in the period its business date falls in;
 * - a case decided more than once in the period counts once, under its latest decision;
 * - time to decision runs from the referral to the case's first decision, against one calendar
 *   month (§0.3 item 5: met on the deadline day, breached from the next);
 * - review completion runs from the decision in force at sign-off to `ReportSignedOff` (§6.5);
 * - a completed review is graded by its latest Ofsted evaluation, else its latest internal one
 *   (the issue asks for the external grade where there is one), as the grade stood on the date
 *   the report is drawn: evaluations usually come after the year in which the review finished;
 * - a review is active in the period if it was commissioned by its end and not signed off
 *   before its start;
 * - the family's involvement in an active review is CONTRIBUTED if any member contributed by the
 *   period end, else the last thing recorded by then, else NONE_RECORDED (Ofsted 004 found a
 *   third of reviews silent on it).
 */

export interface Period {
  from: BusinessDate;
  to: BusinessDate;
}

/** Everything the annual report counts: the facts the report read models hold. */
export type AnnualReportFacts = ReportFactSet;

/** Ofsted 004 Table 3's columns, bounded by calendar months from the decision. */
export const COMPLETION_BANDS = [
  'UNDER_6_MONTHS',
  '6_TO_12_MONTHS',
  '1_TO_2_YEARS',
  'OVER_2_YEARS',
] as const;
export type CompletionBand = (typeof COMPLETION_BANDS)[number];

/** Ofsted 004 Table 3's rows: its grades (Table 2 adds outstanding), then reviews with none. */
export const EVALUATIONS = [...EVALUATION_GRADES, 'NOT_EVALUATED'] as const;
export type Evaluation = (typeof EVALUATIONS)[number];

export const NOT_RECORDED = 'NOT_RECORDED';

type Counts = Record<string, number>;
type YesNo = { yes: number; no: number; notRecorded: number };

export const CIRCUMSTANCES = [
  'knownToCsc',
  'childInNeed',
  'childProtectionPlan',
  'lookedAfter',
  'disability',
  'teenageParent',
] as const satisfies readonly (keyof SubjectFact)[];
type Named<K extends string> = { [key in K]: string } & { count: number };

export interface AnnualReport {
  period: Period;
  referrals: { total: number; bySourceAgency: Named<'agency'>[] };
  decisions: {
    total: number;
    byOutcome: Counts;
    alternativeReviewTypes: Counts;
    /** Decisions in the period that superseded an earlier one (a contest, new information). */
    revisions: number;
  };
  pendingAtPeriodEnd: {
    total: number;
    cases: { caseId: string; caseRef: string; referredOn: BusinessDate; ageDays: number }[];
  };
  timeToDecision: {
    standard: 'ONE_CALENDAR_MONTH';
    decided: number;
    withinStandard: number;
    outsideStandard: number;
    percentWithinStandard: number | null;
    medianDays: number | null;
    cases: {
      caseId: string;
      referredOn: BusinessDate;
      decidedOn: BusinessDate;
      deadline: BusinessDate;
      days: number;
      withinStandard: boolean;
    }[];
  };
  reviews: {
    commissioned: number;
    commissionedByType: Counts;
    commissionedByMethodology: Counts;
    signedOff: number;
    published: number;
    active: number;
  };
  reviewCompletion: {
    completed: number;
    bands: Record<CompletionBand, number>;
    byEvaluation: {
      evaluation: Evaluation;
      bands: Record<CompletionBand, number>;
      total: number;
    }[];
    reviews: {
      caseId: string;
      reviewId: string;
      reviewType: string;
      decidedOn: BusinessDate;
      signedOffOn: BusinessDate;
      days: number;
      band: CompletionBand;
      evaluation: Evaluation;
      evaluatedBy: Evaluator | null;
    }[];
  };
  children: {
    total: number;
    byRole: Counts;
    byAgeBand: Counts;
    bySex: Counts;
    byAgeBandAndSex: { ageBand: string; sex: string; count: number }[];
    byEthnicity: Counts;
    /** At the incident, as Ofsted 004 counts them: how many yes, no and not recorded. */
    circumstances: Record<(typeof CIRCUMSTANCES)[number], YesNo>;
  };
  themes: { cases: Named<'theme'>[]; recommendations: Named<'theme'>[] };
  parallelProcesses: {
    started: number;
    startedByType: Counts;
    concluded: number;
    openAtPeriodEnd: number;
    openAtPeriodEndByType: Counts;
  };
  familyInvolvement: {
    /** Reviews active in the period, each under how its family took part. */
    reviews: number;
    byInvolvement: Counts;
  };
  recommendations: {
    opened: number;
    multiAgencyOpened: number;
    closed: number;
    closedWithActionsComplete: number;
    closedWithoutAction: number;
  };
  actions: { opened: number; completed: number; signedOff: number; withdrawn: number };
}

export function buildAnnualReport(period: Period, facts: AnnualReportFacts): AnnualReport {
  const inPeriod = (date: BusinessDate | null | undefined): date is BusinessDate =>
    !!date && date >= period.from && date <= period.to;
  const referred = facts.referrals.filter((r) => inPeriod(r.referredOn));
  const children = referred.flatMap((r) => r.subjects);
  const latestInPeriod = latestPerCase(facts.decisions.filter((d) => inPeriod(d.decidedOn)));
  const addedRecommendations = facts.recommendations.filter((r) => inPeriod(r.addedOn));
  const commissioned = facts.reviews.filter((r) => inPeriod(r.commissionedOn));
  const closures = recommendationClosures(facts.recommendations, facts.actions).filter((c) =>
    inPeriod(c.on),
  );
  const active = facts.reviews.filter(
    (r) => r.commissionedOn <= period.to && !(r.signedOffOn && r.signedOffOn < period.from),
  );
  const familyRecords = groupBy(facts.familyInvolvement, (f) => f.caseId);
  const startedProcesses = facts.parallelProcesses.filter((p) => inPeriod(p.startedOn));
  const openAtEnd = facts.parallelProcesses.filter(
    (p) => p.startedOn <= period.to && !(p.concludedOn && p.concludedOn <= period.to),
  );

  return {
    period,
    referrals: {
      total: referred.length,
      bySourceAgency: ranked(referred.map((r) => r.referringAgency)).map(([agency, count]) => ({
        agency,
        count,
      })),
    },
    decisions: {
      total: latestInPeriod.length,
      byOutcome: tally(
        latestInPeriod.map((d) => d.outcome),
        DECISION_OUTCOMES,
      ),
      alternativeReviewTypes: tally(
        latestInPeriod.flatMap((d) => (d.alternativeReviewType ? [d.alternativeReviewType] : [])),
      ),
      revisions: facts.decisions.filter((d) => d.kind === 'REVISED' && inPeriod(d.decidedOn))
        .length,
    },
    pendingAtPeriodEnd: pendingAt(period.to, facts),
    timeToDecision: timeToDecision(facts, inPeriod),
    reviews: {
      commissioned: commissioned.length,
      commissionedByType: tally(commissioned.map((r) => r.reviewType)),
      commissionedByMethodology: tally(commissioned.map((r) => r.methodology)),
      signedOff: facts.reviews.filter((r) => inPeriod(r.signedOffOn)).length,
      published: facts.reviews.filter((r) => inPeriod(r.publishedOn)).length,
      active: active.length,
    },
    reviewCompletion: reviewCompletion(facts, inPeriod),
    children: {
      total: children.length,
      byRole: tally(
        children.map((c) => c.role),
        SUBJECT_ROLES,
      ),
      byAgeBand: tally(children.map(ageBandOf), [...AGE_BANDS, NOT_RECORDED]),
      bySex: tally(
        children.map((c) => c.sex ?? NOT_RECORDED),
        [...SEXES, NOT_RECORDED],
      ),
      byAgeBandAndSex: ranked(children.map((c) => `${ageBandOf(c)}|${c.sex ?? NOT_RECORDED}`)).map(
        ([pair, count]) => {
          const [ageBand, sex] = pair.split('|');
          return { ageBand, sex, count };
        },
      ),
      byEthnicity: Object.fromEntries(ranked(children.map((c) => c.ethnicity ?? NOT_RECORDED))),
      circumstances: Object.fromEntries(
        CIRCUMSTANCES.map((field) => [field, yesNo(children.map((c) => c[field]))]),
      ) as AnnualReport['children']['circumstances'],
    },
    themes: {
      cases: ranked(referred.flatMap((r) => r.themes)).map(([theme, count]) => ({ theme, count })),
      recommendations: ranked(addedRecommendations.flatMap((r) => r.themes)).map(
        ([theme, count]) => ({ theme, count }),
      ),
    },
    parallelProcesses: {
      started: startedProcesses.length,
      startedByType: tally(startedProcesses.map((p) => p.processType)),
      concluded: facts.parallelProcesses.filter((p) => inPeriod(p.concludedOn)).length,
      openAtPeriodEnd: openAtEnd.length,
      openAtPeriodEndByType: tally(openAtEnd.map((p) => p.processType)),
    },
    familyInvolvement: {
      reviews: active.length,
      byInvolvement: tally(
        active.map((r) => familyInvolvementOf(familyRecords.get(r.caseId) ?? [], period.to)),
        [...FAMILY_INVOLVEMENT, NONE_RECORDED],
      ),
    },
    recommendations: {
      opened: addedRecommendations.length,
      multiAgencyOpened: addedRecommendations.filter((r) => r.scope === 'MULTI_AGENCY').length,
      closed: closures.length,
      closedWithActionsComplete: closures.filter((c) => c.how === 'ACTIONS_COMPLETE').length,
      closedWithoutAction: closures.filter((c) => c.how === 'WITHOUT_ACTION').length,
    },
    actions: {
      opened: facts.actions.filter((a) => inPeriod(a.plannedOn)).length,
      completed: facts.actions.filter((a) => inPeriod(a.derived.completedOn)).length,
      signedOff: facts.actions.filter((a) => inPeriod(a.signOff?.on)).length,
      withdrawn: facts.actions.filter((a) => inPeriod(a.withdrawnOn)).length,
    },
  };
}

function yesNo(answers: (boolean | undefined)[]): YesNo {
  return {
    yes: answers.filter((a) => a === true).length,
    no: answers.filter((a) => a === false).length,
    notRecorded: answers.filter((a) => a === undefined).length,
  };
}

/** Referred by the end of the period and not decided by then, oldest first, aged to the period end. */
function pendingAt(
  end: BusinessDate,
  facts: AnnualReportFacts,
): AnnualReport['pendingAtPeriodEnd'] {
  const decided = new Set(facts.decisions.filter((d) => d.decidedOn <= end).map((d) => d.caseId));
  const cases = facts.referrals
    .filter((r) => r.referredOn <= end && !decided.has(r.caseId))
    .map((r) => ({
      caseId: r.caseId,
      caseRef: r.caseRef,
      referredOn: r.referredOn,
      ageDays: daysBetween(r.referredOn, end),
    }))
    .sort((a, b) => b.ageDays - a.ageDays || a.caseId.localeCompare(b.caseId));
  return { total: cases.length, cases };
}

function timeToDecision(
  facts: AnnualReportFacts,
  inPeriod: (d: BusinessDate) => boolean,
): AnnualReport['timeToDecision'] {
  const firsts = [...groupBy(facts.decisions, (d) => d.caseId).values()].map((own) =>
    own.reduce((first, d) => (d.seq < first.seq ? d : first)),
  );
  const referralOf = new Map(facts.referrals.map((r) => [r.caseId, r]));
  const cases = firsts
    .filter((d) => inPeriod(d.decidedOn))
    .flatMap((d) => {
      const referral = referralOf.get(d.caseId);
      if (!referral) return [];
      const deadline = addCalendarMonths(referral.referredOn, 1);
      return [
        {
          caseId: d.caseId,
          referredOn: referral.referredOn,
          decidedOn: d.decidedOn,
          deadline,
          days: daysBetween(referral.referredOn, d.decidedOn),
          withinStandard: d.decidedOn <= deadline,
        },
      ];
    })
    .sort((a, b) => a.decidedOn.localeCompare(b.decidedOn) || a.caseId.localeCompare(b.caseId));
  const within = cases.filter((c) => c.withinStandard).length;
  return {
    standard: 'ONE_CALENDAR_MONTH',
    decided: cases.length,
    withinStandard: within,
    outsideStandard: cases.length - within,
    percentWithinStandard: percent(within, cases.length),
    medianDays: median(cases.map((c) => c.days)),
    cases,
  };
}

function reviewCompletion(
  facts: AnnualReportFacts,
  inPeriod: (d: BusinessDate | null) => d is BusinessDate,
): AnnualReport['reviewCompletion'] {
  const decisionsOf = groupBy(facts.decisions, (d) => d.caseId);
  const evaluationsOf = groupBy(facts.evaluations, (e) => e.caseId);
  const reviews = facts.reviews.flatMap((review) => {
    const signedOffOn = review.signedOffOn;
    if (!inPeriod(signedOffOn)) return [];
    const [decision] = latestPerCase(
      (decisionsOf.get(review.caseId) ?? []).filter((d) => d.decidedOn <= signedOffOn),
    );
    if (!decision) return [];
    const graded = gradeOf(evaluationsOf.get(review.caseId) ?? []);
    const evaluation: Evaluation = graded?.grade ?? 'NOT_EVALUATED';
    return [
      {
        caseId: review.caseId,
        reviewId: review.reviewId,
        reviewType: review.reviewType,
        decidedOn: decision.decidedOn,
        signedOffOn,
        days: daysBetween(decision.decidedOn, signedOffOn),
        band: completionBand(decision.decidedOn, signedOffOn),
        evaluation,
        evaluatedBy: graded?.evaluator ?? null,
      },
    ];
  });
  const bandsOf = (subset: typeof reviews) =>
    tally(
      subset.map((r) => r.band),
      COMPLETION_BANDS,
    ) as Record<CompletionBand, number>;
  return {
    completed: reviews.length,
    bands: bandsOf(reviews),
    byEvaluation: EVALUATIONS.map((evaluation) => {
      const graded = reviews.filter((r) => r.evaluation === evaluation);
      return { evaluation, bands: bandsOf(graded), total: graded.length };
    }),
    reviews,
  };
}

/** Of one case's evaluations, the latest by Ofsted, else the latest internal one (one review per case, §5.3). */
function gradeOf(evaluations: EvaluationFact[]): EvaluationFact | undefined {
  const latest = (evaluator: Evaluator) =>
    latestBy(
      evaluations.filter((e) => e.evaluator === evaluator),
      (e) => e.evaluatedOn,
    );
  return latest('OFSTED') ?? latest('INTERNAL');
}

/** "<6 months" means signed off by the six-month target (decision + 6 calendar months), and so on. */
export function completionBand(decidedOn: BusinessDate, signedOffOn: BusinessDate): CompletionBand {
  if (signedOffOn <= addCalendarMonths(decidedOn, 6)) return 'UNDER_6_MONTHS';
  if (signedOffOn <= addCalendarMonths(decidedOn, 12)) return '6_TO_12_MONTHS';
  if (signedOffOn <= addCalendarMonths(decidedOn, 24)) return '1_TO_2_YEARS';
  return 'OVER_2_YEARS';
}

interface Closure {
  on: BusinessDate;
  how: 'ACTIONS_COMPLETE' | 'WITHOUT_ACTION';
}

/**
 * When a recommendation closed: the day it was closed without action, or the day its last
 * planned action was completed once all of them are (§6.0: BLUE). Open ones have no date.
 */
function recommendationClosures(
  recommendations: RecommendationFact[],
  actions: ActionFact[],
): Closure[] {
  const actionsOfCase = groupBy(actions, (a) => a.caseId);
  return recommendations.flatMap((r): Closure[] => {
    if (r.closedWithoutActionOn) return [{ on: r.closedWithoutActionOn, how: 'WITHOUT_ACTION' }];
    const own = (actionsOfCase.get(r.caseId) ?? []).filter(
      (a) => a.recommendationIds.includes(r.recommendationId) && a.derived.rag !== null,
    );
    const completions = own.map((a) => a.derived.completedOn);
    if (own.length === 0 || completions.some((on) => !on)) return [];
    return [{ on: (completions as BusinessDate[]).sort().at(-1)!, how: 'ACTIONS_COMPLETE' }];
  });
}

/** The decision standing for each case among those given: the latest in stream order. */
function latestPerCase(decisions: DecisionFact[]): DecisionFact[] {
  const latest = new Map<string, DecisionFact>();
  for (const d of decisions) {
    const seen = latest.get(d.caseId);
    if (!seen || d.seq > seen.seq) latest.set(d.caseId, d);
  }
  return [...latest.values()];
}

/** The subject's band as recorded, else from the age at the incident (§6.6's bands). */
function ageBandOf(subject: SubjectFact): string {
  if (subject.ageBand) return subject.ageBand;
  const age = subject.ageAtIncident;
  if (age === undefined) return NOT_RECORDED;
  if (age < 1) return 'UNDER_1';
  if (age <= 5) return '1_TO_5';
  if (age <= 10) return '6_TO_10';
  if (age <= 15) return '11_TO_15';
  return '16_AND_OVER';
}

/** Counts per value, most frequent first, then alphabetically. */
function ranked(values: string[]): [string, number][] {
  return Object.entries(tally(values)).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
