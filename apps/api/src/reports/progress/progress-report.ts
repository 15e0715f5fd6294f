import { type BusinessDate, type DerivedRag, rollUpRag } from '@casetrail/domain';
import { groupBy } from '../grouping';
import type { ActionFact, RecommendationFact, ReferralFact, ReviewFact } from '../report-facts';

/**
 * The Executive progress report (domain.md §6.4) from facts already drawn as of one date: per
 * review, per agency, per recommendation theme and per monitoring body, with each
 * recommendation's actions split into what has been done and what remains, as the progress
 * papers of seeds 000 and 002 present them. Pure: the RAG of every group is the domain's
 * roll-up (§6.0), with a recommendation that has no planned action counted as RED.
 */

export interface ProgressReportFacts {
  referrals: ReferralFact[];
  reviews: ReviewFact[];
  recommendations: RecommendationFact[];
  actions: ActionFact[];
}

export interface ActionCounts {
  /** Planned and not withdrawn: the base of the percentages. */
  planned: number;
  onTrack: number;
  atRisk: number;
  offTrack: number;
  overdue: number;
  unscheduled: number;
  complete: number;
  signedOff: number;
  awaitingSignOff: number;
  impactEvidenced: number;
  outputOnly: number;
  notYetMeasurable: number;
  withdrawn: number;
}

export type RagCounts = Record<DerivedRag, number>;

export interface OverdueAction {
  actionId: string;
  caseId: string;
  daysOverdue: number;
  currentDueDate: BusinessDate;
}

export interface Tally {
  actions: ActionCounts;
  ragCounts: RagCounts;
  /** Complete (signed off or not) as a percentage of planned, to one decimal; null with none planned. */
  percentComplete: number | null;
  percentSignedOff: number | null;
  oldestOverdue: OverdueAction | null;
}

export interface ActionLine {
  actionId: string;
  actionText: string;
  agency: string;
  lead: string;
  monitoringBody: string;
  timescaleText: string;
  status: string;
  subStatus: string | null;
  rag: DerivedRag | null;
  currentDueDate: BusinessDate | null;
  originalDueDate: BusinessDate | null;
  daysOverdue: number | null;
  slippageDays: number;
  completedOn: BusinessDate | null;
  signedOffOn: BusinessDate | null;
  impactAssessment: string | null;
  completionSummary: string | null;
  latestProgress: ActionFact['latestProgress'];
  escalationLevel: number;
}

export type RecommendationStatus = 'PLANNED' | 'UNPLANNED' | 'CLOSED_WITHOUT_ACTION';

export interface RecommendationProgress extends Omit<
  RecommendationFact,
  'caseId' | 'closedWithoutActionOn'
> {
  status: RecommendationStatus;
  /** RED for an unplanned recommendation; null once closed without action. */
  rag: DerivedRag | null;
  done: ActionLine[];
  remaining: ActionLine[];
}

export interface RecommendationCounts {
  total: number;
  multiAgency: number;
  singleAgency: number;
  national: number;
  unplanned: number;
  closedWithoutAction: number;
  rag: RagCounts & { UNPLANNED: number };
}

export interface ThemeProgress extends Tally {
  theme: string;
  reviews: number;
  recommendationNumbers: string[];
  recommendations: number;
  unplanned: number;
  rag: DerivedRag | null;
}

export interface ReviewProgress extends Tally {
  caseId: string;
  caseRef: string;
  pseudonyms: string[];
  review: Pick<ReviewFact, 'reviewId' | 'reviewType' | 'signedOffOn' | 'publishedOn'> | null;
  reviewRag: DerivedRag | null;
  recommendations: RecommendationCounts;
  byTheme: ThemeProgress[];
  byRecommendation: RecommendationProgress[];
}

export interface AgencyProgress extends Tally {
  agency: string;
  /** Recommendations addressed to the agency with no planned action; each counts as RED. */
  unplannedRecommendations: number;
  rag: DerivedRag | null;
  leadsWithMoreThanOneOverdue: { lead: string; overdue: number }[];
}

export interface MonitoringBodyProgress extends Tally {
  monitoringBody: string;
  rag: DerivedRag | null;
}

export interface ProgressReport {
  summary: Tally & {
    reviews: number;
    reviewRag: Record<DerivedRag, number>;
    recommendations: RecommendationCounts;
  };
  reviews: ReviewProgress[];
  byAgency: AgencyProgress[];
  byTheme: ThemeProgress[];
  byMonitoringBody: MonitoringBodyProgress[];
}

/** Recommendations with no theme are gathered here, so the per-theme view still adds up. */
export const NOT_THEMED = 'NOT_THEMED';

const UNPLANNED_RED = { rag: 'RED' as const };
const RAGS: DerivedRag[] = ['RED', 'AMBER', 'GREEN', 'GREY', 'BLUE'];

export function buildProgressReport(facts: ProgressReportFacts): ProgressReport {
  const actionsOf = actionsByRecommendation(facts.actions);
  const recommendations = facts.recommendations.map((r) => ({
    fact: r,
    actions: actionsOf.get(key(r.caseId, r.recommendationId)) ?? [],
  }));
  const progress = recommendations.map(({ fact, actions }) =>
    recommendationProgress(fact, actions),
  );
  const caseIds = [
    ...new Set([
      ...facts.recommendations.map((r) => r.caseId),
      ...facts.actions.map((a) => a.caseId),
    ]),
  ];
  const referralOf = new Map(facts.referrals.map((r) => [r.caseId, r]));
  const reviewsOf = groupBy(facts.reviews, (r) => r.caseId);
  const progressOf = groupBy(progress, (p) => p.caseId);
  const actionsOfCase = groupBy(facts.actions, (a) => a.caseId);
  const reviews = caseIds
    .map((caseId) =>
      reviewProgress(
        caseId,
        referralOf.get(caseId),
        reviewsOf.get(caseId)?.at(-1),
        progressOf.get(caseId) ?? [],
        actionsOfCase.get(caseId) ?? [],
      ),
    )
    .sort(
      (a, b) => severity(a.reviewRag) - severity(b.reviewRag) || a.caseId.localeCompare(b.caseId),
    );

  return {
    summary: {
      reviews: reviews.length,
      reviewRag: countRags(reviews.map((r) => r.reviewRag)),
      recommendations: recommendationCounts(progress),
      ...tally(facts.actions),
    },
    reviews,
    byAgency: agencyProgress(facts.actions, progress),
    byTheme: themeProgress(progress),
    byMonitoringBody: [...groupBy(facts.actions, (a) => a.monitoringBody)].map(
      ([body, actions]) => ({
        monitoringBody: body,
        rag: rollUpRag(actions.map((a) => a.derived)),
        ...tally(actions),
      }),
    ),
  };
}

type Progress = RecommendationProgress & { caseId: string; actions: ActionFact[] };

function recommendationProgress(fact: RecommendationFact, actions: ActionFact[]): Progress {
  const counted = actions.filter((a) => a.derived.rag !== null);
  const status: RecommendationStatus =
    counted.length > 0
      ? 'PLANNED'
      : fact.closedWithoutActionOn
        ? 'CLOSED_WITHOUT_ACTION'
        : 'UNPLANNED';
  const lines = counted.map(actionLine);
  return {
    caseId: fact.caseId,
    actions: counted,
    recommendationId: fact.recommendationId,
    number: fact.number,
    text: fact.text,
    scope: fact.scope,
    addressedTo: fact.addressedTo,
    themes: fact.themes,
    addedOn: fact.addedOn,
    status,
    rag: status === 'UNPLANNED' ? 'RED' : rollUpRag(counted.map((a) => a.derived)),
    done: lines.filter((l) => l.status === 'COMPLETE'),
    remaining: lines.filter((l) => l.status !== 'COMPLETE'),
  };
}

function reviewProgress(
  caseId: string,
  referral: ReferralFact | undefined,
  review: ReviewFact | undefined,
  progress: Progress[],
  actions: ActionFact[],
): ReviewProgress {
  return {
    caseId,
    caseRef: referral?.caseRef ?? caseId,
    pseudonyms: referral?.subjects.map((s) => s.pseudonym) ?? [],
    review: review
      ? {
          reviewId: review.reviewId,
          reviewType: review.reviewType,
          signedOffOn: review.signedOffOn,
          publishedOn: review.publishedOn,
        }
      : null,
    reviewRag: groupRag(actions, progress),
    recommendations: recommendationCounts(progress),
    ...tally(actions),
    byTheme: themeProgress(progress),
    byRecommendation: progress.map(({ caseId: _c, actions: _a, ...rest }) => rest),
  };
}

/** §6.0: the worst of the open actions, and each unplanned recommendation as RED. */
function groupRag(actions: ActionFact[], progress: Progress[]): DerivedRag | null {
  const unplanned = progress.filter((p) => p.status === 'UNPLANNED').map(() => UNPLANNED_RED);
  return rollUpRag([...actions.map((a) => a.derived), ...unplanned]);
}

function themeProgress(progress: Progress[]): ThemeProgress[] {
  const themed = progress.flatMap((p) =>
    (p.themes.length > 0 ? p.themes : [NOT_THEMED]).map((theme) => ({ theme, p })),
  );
  return [...groupBy(themed, (t) => t.theme)]
    .map(([theme, entries]) => {
      const recs = entries.map((e) => e.p);
      const actions = distinctActions(recs.flatMap((p) => p.actions));
      return {
        theme,
        reviews: new Set(recs.map((p) => p.caseId)).size,
        recommendationNumbers: recs.map((p) => p.number),
        recommendations: recs.length,
        unplanned: recs.filter((p) => p.status === 'UNPLANNED').length,
        rag: groupRag(actions, recs),
        ...tally(actions),
      };
    })
    .sort((a, b) => Number(a.theme === NOT_THEMED) - Number(b.theme === NOT_THEMED));
}

function agencyProgress(actions: ActionFact[], progress: Progress[]): AgencyProgress[] {
  const unplanned = progress.filter((p) => p.status === 'UNPLANNED');
  const agencies = [
    ...new Set([...actions.map((a) => a.agency), ...unplanned.map((p) => p.addressedTo)]),
  ];
  return agencies.sort().map((agency) => {
    const own = actions.filter((a) => a.agency === agency);
    const ownUnplanned = unplanned.filter((p) => p.addressedTo === agency);
    const overdueByLead = groupBy(
      own.filter((a) => a.derived.status === 'OVERDUE'),
      (a) => a.lead.displayText,
    );
    return {
      agency,
      unplannedRecommendations: ownUnplanned.length,
      rag: groupRag(own, ownUnplanned),
      leadsWithMoreThanOneOverdue: [...overdueByLead]
        .filter(([, overdue]) => overdue.length > 1)
        .map(([lead, overdue]) => ({ lead, overdue: overdue.length })),
      ...tally(own),
    };
  });
}

function tally(actions: ActionFact[]): Tally {
  const counted = actions.filter((a) => a.derived.rag !== null);
  const status = (s: string) => counted.filter((a) => a.derived.status === s).length;
  const impact = (i: string) => counted.filter((a) => a.signOff?.impactAssessment === i).length;
  const complete = status('COMPLETE');
  const signedOff = counted.filter((a) => a.derived.subStatus === 'SIGNED_OFF').length;
  const overdue = counted
    .filter((a) => a.derived.status === 'OVERDUE')
    .sort(
      (a, b) =>
        b.derived.daysOverdue! - a.derived.daysOverdue! || a.actionId.localeCompare(b.actionId),
    );
  return {
    actions: {
      planned: counted.length,
      onTrack: status('ON_TRACK'),
      atRisk: status('AT_RISK'),
      offTrack: status('OFF_TRACK'),
      overdue: overdue.length,
      unscheduled: status('UNSCHEDULED'),
      complete,
      signedOff,
      awaitingSignOff: complete - signedOff,
      impactEvidenced: impact('IMPACT_EVIDENCED'),
      outputOnly: impact('OUTPUT_ONLY'),
      notYetMeasurable: impact('NOT_YET_MEASURABLE'),
      withdrawn: actions.length - counted.length,
    },
    ragCounts: countRags(counted.map((a) => a.derived.rag)),
    percentComplete: percent(complete, counted.length),
    percentSignedOff: percent(signedOff, counted.length),
    oldestOverdue: overdue[0]
      ? {
          actionId: overdue[0].actionId,
          caseId: overdue[0].caseId,
          daysOverdue: overdue[0].derived.daysOverdue!,
          currentDueDate: overdue[0].derived.currentDueDate!,
        }
      : null,
  };
}

function recommendationCounts(progress: Progress[]): RecommendationCounts {
  const scope = (s: string) => progress.filter((p) => p.scope === s).length;
  const unplanned = progress.filter((p) => p.status === 'UNPLANNED').length;
  return {
    total: progress.length,
    multiAgency: scope('MULTI_AGENCY'),
    singleAgency: scope('SINGLE_AGENCY'),
    national: scope('NATIONAL'),
    unplanned,
    closedWithoutAction: progress.filter((p) => p.status === 'CLOSED_WITHOUT_ACTION').length,
    rag: {
      ...countRags(progress.filter((p) => p.status === 'PLANNED').map((p) => p.rag)),
      UNPLANNED: unplanned,
    },
  };
}

function actionLine(a: ActionFact): ActionLine {
  const d = a.derived;
  return {
    actionId: a.actionId,
    actionText: a.actionText,
    agency: a.agency,
    lead: a.lead.displayText,
    monitoringBody: a.monitoringBody,
    timescaleText: a.timescaleText,
    status: d.status,
    subStatus: d.subStatus ?? null,
    rag: d.rag,
    currentDueDate: d.currentDueDate ?? null,
    originalDueDate: d.originalDueDate ?? null,
    daysOverdue: d.daysOverdue ?? null,
    slippageDays: d.slippageDays,
    completedOn: d.completedOn ?? null,
    signedOffOn: a.signOff?.on ?? null,
    impactAssessment: a.signOff?.impactAssessment ?? null,
    completionSummary: a.completionSummary,
    latestProgress: a.latestProgress,
    escalationLevel: a.escalation?.level ?? 0,
  };
}

const key = (caseId: string, recommendationId: string) => `${caseId}\u0000${recommendationId}`;

function actionsByRecommendation(actions: ActionFact[]): Map<string, ActionFact[]> {
  const byRecommendation = new Map<string, ActionFact[]>();
  for (const action of actions) {
    for (const id of action.recommendationIds) {
      const k = key(action.caseId, id);
      byRecommendation.set(k, [...(byRecommendation.get(k) ?? []), action]);
    }
  }
  return byRecommendation;
}

/** One action answering several recommendations of a group counts once. */
const distinctActions = (actions: ActionFact[]) => [
  ...new Map(actions.map((a) => [a.actionId, a])).values(),
];

function countRags(rags: (DerivedRag | null)[]): RagCounts {
  const counts = Object.fromEntries(RAGS.map((r) => [r, 0])) as RagCounts;
  for (const rag of rags) if (rag) counts[rag] += 1;
  return counts;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** Worst first, as the Executive reads it; a review with nothing open to judge comes last. */
const severity = (rag: DerivedRag | null) => (rag ? RAGS.indexOf(rag) : RAGS.length);
