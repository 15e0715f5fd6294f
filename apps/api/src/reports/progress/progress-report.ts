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

/** Which reviews to detail, worst first: the rest are counted in the summary but not drawn. */
export interface ReviewPage {
  page: number;
  pageSize: number;
}

export function buildProgressReport(
  facts: ProgressReportFacts,
  { page, pageSize }: ReviewPage = { page: 1, pageSize: Infinity },
): ProgressReport {
  const actionsOf = actionsByRecommendation(facts.actions);
  const progress = facts.recommendations.map((r) =>
    recommendationProgress(r, actionsOf.get(key(r.caseId, r.recommendationId)) ?? []),
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
  const ranked = caseIds
    .map((caseId) => ({
      caseId,
      rag: groupRag(actionsOfCase.get(caseId) ?? [], progressOf.get(caseId) ?? []),
    }))
    .sort((a, b) => severity(a.rag) - severity(b.rag) || a.caseId.localeCompare(b.caseId));
  // Only the page is drawn in full: at national scale, every review's lines would be most of the work.
  const reviews = ranked
    .slice((page - 1) * pageSize, page * pageSize)
    .map(({ caseId }) =>
      reviewProgress(
        caseId,
        referralOf.get(caseId),
        reviewsOf.get(caseId)?.at(-1),
        progressOf.get(caseId) ?? [],
        actionsOfCase.get(caseId) ?? [],
      ),
    );

  return {
    summary: {
      reviews: ranked.length,
      reviewRag: countRags(ranked.map((r) => r.rag)),
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

/** A recommendation's standing; its action lines are drawn only for the reviews shown. */
type Progress = Omit<RecommendationProgress, 'done' | 'remaining'> & {
  caseId: string;
  actions: ActionFact[];
};

function recommendationProgress(fact: RecommendationFact, actions: ActionFact[]): Progress {
  const counted = actions.filter((a) => a.derived.rag !== null);
  const status: RecommendationStatus =
    counted.length > 0
      ? 'PLANNED'
      : fact.closedWithoutActionOn
        ? 'CLOSED_WITHOUT_ACTION'
        : 'UNPLANNED';
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
    byRecommendation: progress.map(({ caseId: _c, actions: counted, ...rest }) => {
      const lines = counted.map(actionLine);
      return {
        ...rest,
        done: lines.filter((l) => l.status === 'COMPLETE'),
        remaining: lines.filter((l) => l.status !== 'COMPLETE'),
      };
    }),
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
  const actionsOf = groupBy(actions, (a) => a.agency);
  const unplannedOf = groupBy(unplanned, (p) => p.addressedTo);
  return agencies.sort().map((agency) => {
    const own = actionsOf.get(agency) ?? [];
    const ownUnplanned = unplannedOf.get(agency) ?? [];
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

/** One pass over the actions: a report at national scale tallies tens of thousands, many times. */
function tally(actions: ActionFact[]): Tally {
  const byStatus = new Map<string, number>();
  const byImpact = new Map<string, number>();
  const rags: (DerivedRag | null)[] = [];
  let signedOff = 0;
  let oldest: ActionFact | undefined;
  for (const a of actions) {
    const d = a.derived;
    if (d.rag === null) continue;
    rags.push(d.rag);
    byStatus.set(d.status, (byStatus.get(d.status) ?? 0) + 1);
    const impact = a.signOff?.impactAssessment;
    if (impact) byImpact.set(impact, (byImpact.get(impact) ?? 0) + 1);
    if (d.subStatus === 'SIGNED_OFF') signedOff++;
    if (d.status === 'OVERDUE' && (!oldest || moreOverdue(a, oldest))) oldest = a;
  }
  const status = (s: string) => byStatus.get(s) ?? 0;
  const impact = (i: string) => byImpact.get(i) ?? 0;
  const complete = status('COMPLETE');
  return {
    actions: {
      planned: rags.length,
      onTrack: status('ON_TRACK'),
      atRisk: status('AT_RISK'),
      offTrack: status('OFF_TRACK'),
      overdue: status('OVERDUE'),
      unscheduled: status('UNSCHEDULED'),
      complete,
      signedOff,
      awaitingSignOff: complete - signedOff,
      impactEvidenced: impact('IMPACT_EVIDENCED'),
      outputOnly: impact('OUTPUT_ONLY'),
      notYetMeasurable: impact('NOT_YET_MEASURABLE'),
      withdrawn: actions.length - rags.length,
    },
    ragCounts: countRags(rags),
    percentComplete: percent(complete, rags.length),
    percentSignedOff: percent(signedOff, rags.length),
    oldestOverdue: oldest
      ? {
          actionId: oldest.actionId,
          caseId: oldest.caseId,
          daysOverdue: oldest.derived.daysOverdue!,
          currentDueDate: oldest.derived.currentDueDate!,
        }
      : null,
  };
}

/** The most days overdue first; of two equally overdue, the first by id. */
const moreOverdue = (a: ActionFact, b: ActionFact) =>
  a.derived.daysOverdue! - b.derived.daysOverdue! > 0 ||
  (a.derived.daysOverdue === b.derived.daysOverdue && a.actionId.localeCompare(b.actionId) < 0);

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
