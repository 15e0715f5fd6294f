import { type BusinessDate, type DerivedRag, rollUpRag } from '@casetrail/domain';
import { NOT_THEMED } from '@casetrail/projections';
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

/**
 * What the totals are counted from: recommendations and actions. Referrals and reviews name the
 * reviews drawn in full, and so does each action's escalation: the totals are read without them.
 */
export type TotalsFacts = Pick<ProgressReportFacts, 'recommendations' | 'actions'>;

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
  /** Listed for one review only: across reviews the numbers repeat and name nothing. */
  recommendationNumbers?: string[];
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
export { NOT_THEMED };

const UNPLANNED_RED = { rag: 'RED' as const };
/** Worst first, as the Executive reads them. */
export const RAGS: DerivedRag[] = ['RED', 'AMBER', 'GREEN', 'GREY', 'BLUE'];

/** Which reviews to detail, worst first: the rest are counted in the summary but not drawn. */
export interface ReviewPage {
  page: number;
  pageSize: number;
}

/** The report over facts held at once: one review, or a handful in the tests. */
export function buildProgressReport(
  facts: ProgressReportFacts,
  reviewPage: ReviewPage = { page: 1, pageSize: Infinity },
): ProgressReport {
  const portfolio = new ProgressPortfolio();
  portfolio.add(facts);
  return portfolio.report(reviewPage, () => facts);
}

/** Which reviews the report counts, by RAG, and which it draws in full. */
export interface ReviewRanking {
  total: number;
  reviewRag: RagCounts;
  /** The page asked for, worst first. */
  pageIds: string[];
}

/**
 * The figures of every group, accumulated as cases or counts come in: counts add up, and the
 * §6.0 roll-up of a group is the roll-up of its parts.
 */
export class PortfolioTotals {
  readonly all = new GroupTotals();
  readonly recommendations = new RecommendationTally();
  private readonly agencies = new Map<string, AgencyTotals>();
  private readonly themes = new Map<string, ThemeTotals>();
  private readonly bodies = new Map<string, GroupTotals>();

  /** @param numbered whether each theme lists its recommendations' numbers (one review's do). */
  constructor(private readonly numbered = true) {}

  agency(name: string): AgencyTotals {
    return totalsOf(this.agencies, name, () => new AgencyTotals());
  }

  body(name: string): GroupTotals {
    return totalsOf(this.bodies, name, () => new GroupTotals());
  }

  /** Themes are listed in the order they are first asked for, NOT_THEMED last. */
  theme(name: string): ThemeTotals {
    return totalsOf(this.themes, name, () => new ThemeTotals());
  }

  /** Adds one case's facts; `addThemes` needs every recommendation of the case at once. */
  addCase(c: Pick<CaseFacts, 'actions' | 'progress'>): void {
    for (const action of c.actions) {
      this.all.addAction(action);
      this.agency(action.agency).addAction(action);
      this.body(action.monitoringBody).addAction(action);
    }
    for (const p of c.progress) {
      this.recommendations.add(p);
      if (p.status === 'UNPLANNED') this.agency(p.addressedTo).addUnplanned();
    }
    addThemes(this, c.progress);
  }

  report(ranking: ReviewRanking, drawn: ReviewProgress[]): ProgressReport {
    return {
      summary: {
        reviews: ranking.total,
        reviewRag: ranking.reviewRag,
        recommendations: this.recommendations.counts(),
        ...this.all.tally.result(),
      },
      reviews: drawn,
      byAgency: [...this.agencies]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([agency, totals]) => totals.progress(agency)),
      byTheme: themeProgress(this.themes, this.numbered),
      byMonitoringBody: [...this.bodies]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([body, totals]) => ({
          monitoringBody: body,
          rag: totals.rag,
          ...totals.tally.result(),
        })),
    };
  }
}

/**
 * The report built a few hundred cases at a time, so a national portfolio never holds every
 * action at once. Only the reviews of the page asked for are drawn in full, from their facts
 * read again.
 */
export class ProgressPortfolio {
  private readonly ranked: { caseId: string; rag: DerivedRag | null }[] = [];
  private readonly totals: PortfolioTotals;

  constructor({ numbered = true } = {}) {
    this.totals = new PortfolioTotals(numbered);
  }

  /**
   * Facts of whole cases, in case id order across calls: every fact of a case in one call, so
   * that themes and recommendation numbers are listed as one call with every fact would.
   */
  add(facts: TotalsFacts): void {
    for (const c of casesOf(facts)) {
      const last = this.ranked.at(-1)?.caseId;
      if (last !== undefined && binary(last, c.caseId) >= 0) {
        throw new Error(`Cases must be added in case id order: ${c.caseId} came after ${last}`);
      }
      this.ranked.push({ caseId: c.caseId, rag: groupRag(c.actions, c.progress) });
      this.totals.addCase(c);
    }
  }

  /** The totals, and the page of reviews drawn from `factsOf` the page's cases. */
  report(
    { page, pageSize }: ReviewPage,
    factsOf: (caseIds: string[]) => ProgressReportFacts,
  ): ProgressReport {
    const ranked = [...this.ranked].sort(
      (a, b) => severity(a.rag) - severity(b.rag) || binary(a.caseId, b.caseId),
    );
    const pageIds = ranked.slice((page - 1) * pageSize, page * pageSize).map((r) => r.caseId);
    return this.totals.report(
      { total: ranked.length, reviewRag: countRags(ranked.map((r) => r.rag)), pageIds },
      drawReviews(pageIds, factsOf),
    );
  }
}

/** The reviews of a page, in its order, each drawn in full from its facts. */
export function drawReviews(
  pageIds: string[],
  factsOf: (caseIds: string[]) => ProgressReportFacts,
): ReviewProgress[] {
  const drawn = new Map(
    casesOf(pageIds.length > 0 ? factsOf(pageIds) : NO_FACTS).map((c) => [c.caseId, c]),
  );
  return pageIds.flatMap((caseId) => {
    const c = drawn.get(caseId);
    return c ? [reviewProgress(c)] : [];
  });
}

const NO_FACTS: ProgressReportFacts = {
  referrals: [],
  reviews: [],
  recommendations: [],
  actions: [],
};

/** One case's facts, its recommendations judged against their actions. */
interface CaseFacts {
  caseId: string;
  referral: ReferralFact | undefined;
  review: ReviewFact | undefined;
  progress: Progress[];
  actions: ActionFact[];
}

/** The cases with recommendations or actions, in case id order (as SQLite sorts them). */
function casesOf(facts: TotalsFacts & Partial<ProgressReportFacts>): CaseFacts[] {
  const actionsOf = actionsByRecommendation(facts.actions);
  const progress = facts.recommendations.map((r) =>
    recommendationProgress(r, actionsOf.get(key(r.caseId, r.recommendationId)) ?? []),
  );
  const referralOf = new Map((facts.referrals ?? []).map((r) => [r.caseId, r]));
  const reviewsOf = groupBy(facts.reviews ?? [], (r) => r.caseId);
  const progressOf = groupBy(progress, (p) => p.caseId);
  const actionsOfCase = groupBy(facts.actions, (a) => a.caseId);
  const caseIds = [...new Set([...progressOf.keys(), ...actionsOfCase.keys()])].sort(binary);
  return caseIds.map((caseId) => ({
    caseId,
    referral: referralOf.get(caseId),
    review: reviewsOf.get(caseId)?.at(-1),
    progress: progressOf.get(caseId) ?? [],
    actions: actionsOfCase.get(caseId) ?? [],
  }));
}

/** Case ids compared as SQLite's BINARY collation orders them. */
export const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function totalsOf<T>(groups: Map<string, T>, name: string, create: () => T): T {
  let totals = groups.get(name);
  if (!totals) groups.set(name, (totals = create()));
  return totals;
}

/** A recommendation's standing; its action lines are drawn only for the reviews shown. */
type Progress = Omit<RecommendationProgress, 'done' | 'remaining'> & {
  caseId: string;
  actions: ActionFact[];
};

/**
 * The actions that count for a recommendation (planned, not withdrawn) and what that makes it:
 * PLANNED with one, else CLOSED_WITHOUT_ACTION if so closed, else UNPLANNED (RED, §6.0).
 */
export function standingOf<A extends Pick<ActionFact, 'derived'>>(
  fact: Pick<RecommendationFact, 'closedWithoutActionOn'>,
  actions: readonly A[],
): { status: RecommendationStatus; counted: A[] } {
  const counted = actions.filter((a) => a.derived.rag !== null);
  const status: RecommendationStatus =
    counted.length > 0
      ? 'PLANNED'
      : fact.closedWithoutActionOn
        ? 'CLOSED_WITHOUT_ACTION'
        : 'UNPLANNED';
  return { status, counted };
}

function recommendationProgress(fact: RecommendationFact, actions: ActionFact[]): Progress {
  const { status, counted } = standingOf(fact, actions);
  return {
    caseId: fact.caseId,
    actions: counted,
    recommendationId: fact.recommendationId,
    number: fact.number,
    text: fact.text,
    source: fact.source,
    scope: fact.scope,
    addressedTo: fact.addressedTo,
    themes: fact.themes,
    addedOn: fact.addedOn,
    repeats: fact.repeats,
    status,
    rag: status === 'UNPLANNED' ? 'RED' : rollUpRag(counted.map((a) => a.derived)),
  };
}

function reviewProgress(c: CaseFacts): ReviewProgress {
  const { caseId, referral, review, progress, actions } = c;
  const totals = new PortfolioTotals();
  totals.addCase(c);
  const { summary, byTheme } = totals.report(NO_RANKING, []);
  const { reviews: _r, reviewRag: _g, ...counts } = summary;
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
    ...counts,
    byTheme,
    // Field by field, not a rest and a spread: V8 copies those by its slow path (action.state.ts).
    byRecommendation: progress.map((p) => {
      const lines = p.actions.map(actionLine);
      return {
        recommendationId: p.recommendationId,
        number: p.number,
        text: p.text,
        source: p.source,
        scope: p.scope,
        addressedTo: p.addressedTo,
        themes: p.themes,
        addedOn: p.addedOn,
        repeats: p.repeats,
        status: p.status,
        rag: p.rag,
        done: lines.filter((l) => l.status === 'COMPLETE'),
        remaining: lines.filter((l) => l.status !== 'COMPLETE'),
      };
    }),
  };
}

const NO_RANKING: ReviewRanking = { total: 0, reviewRag: countRags([]), pageIds: [] };

/** §6.0: the worst of the open actions, and each unplanned recommendation as RED. */
function groupRag(actions: ActionFact[], progress: Progress[]): DerivedRag | null {
  const unplanned = progress.filter((p) => p.status === 'UNPLANNED').map(() => UNPLANNED_RED);
  return rollUpRag([...actions.map((a) => a.derived), ...unplanned]);
}

/** How an action stands on the date, as the tallies count it. */
export interface CountedStanding {
  status: string;
  rag: DerivedRag | null;
  subStatus?: string;
  /** Of its sign-off, if signed off. */
  impact?: string;
}

/** A group's figures so far: its actions' tally and the roll-up of its RAG (§6.0). */
export class GroupTotals {
  readonly tally = new ActionTally();
  rag: DerivedRag | null = null;

  addAction(action: ActionFact): void {
    const d = action.derived;
    this.count(
      {
        status: d.status,
        rag: d.rag,
        subStatus: d.subStatus,
        impact: action.signOff?.impactAssessment,
      },
      1,
      action.lead.displayText,
    );
    if (d.status === 'OVERDUE') this.tally.consider(overdueAction(action));
  }

  /** `n` actions standing alike on the date, led by `lead`. */
  count(standing: CountedStanding, n: number, _lead: string): void {
    this.tally.count(standing, n);
    this.rag = rollUpRag([{ rag: this.rag }, standing]);
  }

  /** `n` recommendations with no planned action, each counted as RED. */
  addUnplanned(n = 1): void {
    this.rag = rollUpRag([{ rag: this.rag }, UNPLANNED_RED]);
    this.unplannedAdded(n);
  }

  protected unplannedAdded(_n: number): void {}
}

export class AgencyTotals extends GroupTotals {
  private unplanned = 0;
  private readonly overdueByLead = new Map<string, number>();

  override count(standing: CountedStanding, n: number, lead: string): void {
    super.count(standing, n, lead);
    if (standing.status !== 'OVERDUE') return;
    this.overdueByLead.set(lead, (this.overdueByLead.get(lead) ?? 0) + n);
  }

  protected override unplannedAdded(n: number): void {
    this.unplanned += n;
  }

  progress(agency: string): AgencyProgress {
    return {
      agency,
      unplannedRecommendations: this.unplanned,
      rag: this.rag,
      leadsWithMoreThanOneOverdue: [...this.overdueByLead]
        .filter(([, overdue]) => overdue > 1)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([lead, overdue]) => ({ lead, overdue })),
      ...this.tally.result(),
    };
  }
}

export class ThemeTotals extends GroupTotals {
  reviews = 0;
  recommendations = 0;
  readonly recommendationNumbers: string[] = [];
  unplanned = 0;

  protected override unplannedAdded(n: number): void {
    this.unplanned += n;
  }
}

/**
 * Adds one case's recommendations under each of their themes (NOT_THEMED for none). An action
 * answering several recommendations of a theme counts once in it; actions belong to one case,
 * so counting them once per case is counting them once.
 */
function addThemes(totals: PortfolioTotals, progress: Progress[]): void {
  const ofCase = new Map<string, Progress[]>();
  for (const p of progress) {
    for (const theme of p.themes.length > 0 ? p.themes : [NOT_THEMED]) {
      totalsOf(ofCase, theme, () => []).push(p);
    }
  }
  for (const [theme, recs] of ofCase) {
    const inTheme = totals.theme(theme);
    inTheme.reviews++;
    for (const p of recs) {
      inTheme.recommendations++;
      inTheme.recommendationNumbers.push(p.number);
      if (p.status === 'UNPLANNED') inTheme.addUnplanned();
    }
    distinctActions(recs.flatMap((p) => p.actions)).forEach((a) => inTheme.addAction(a));
  }
}

/**
 * In the order the themes were first met, with NOT_THEMED last. The numbers of recommendations
 * are listed only when `numbered`: across reviews they repeat ("1", "2"…) and name nothing.
 */
function themeProgress(themes: Map<string, ThemeTotals>, numbered: boolean): ThemeProgress[] {
  return [...themes]
    .map(([theme, totals]) => ({
      theme,
      reviews: totals.reviews,
      ...(numbered && { recommendationNumbers: totals.recommendationNumbers }),
      recommendations: totals.recommendations,
      unplanned: totals.unplanned,
      rag: totals.rag,
      ...totals.tally.result(),
    }))
    .sort((a, b) => Number(a.theme === NOT_THEMED) - Number(b.theme === NOT_THEMED));
}

/** Counts actions as they come: a report at national scale tallies tens of thousands. */
class ActionTally {
  private readonly byStatus = new Map<string, number>();
  private readonly byImpact = new Map<string, number>();
  private readonly rags: RagCounts = countRags([]);
  private planned = 0;
  private withdrawn = 0;
  private signedOff = 0;
  private oldest: OverdueAction | undefined;

  count({ status, rag, subStatus, impact }: CountedStanding, n: number): void {
    if (rag === null) {
      this.withdrawn += n;
      return;
    }
    this.planned += n;
    this.rags[rag] += n;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + n);
    if (impact) this.byImpact.set(impact, (this.byImpact.get(impact) ?? 0) + n);
    if (subStatus === 'SIGNED_OFF') this.signedOff += n;
  }

  /** An overdue action, kept if it is the most overdue so far. */
  consider(overdue: OverdueAction): void {
    if (!this.oldest || moreOverdue(overdue, this.oldest)) this.oldest = overdue;
  }

  result(): Tally {
    const status = (s: string) => this.byStatus.get(s) ?? 0;
    const impact = (i: string) => this.byImpact.get(i) ?? 0;
    const complete = status('COMPLETE');
    const { planned, signedOff, oldest } = this;
    return {
      actions: {
        planned,
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
        withdrawn: this.withdrawn,
      },
      ragCounts: { ...this.rags },
      percentComplete: percent(complete, planned),
      percentSignedOff: percent(signedOff, planned),
      oldestOverdue: oldest ? { ...oldest } : null,
    };
  }
}

const overdueAction = (a: ActionFact): OverdueAction => ({
  actionId: a.actionId,
  caseId: a.caseId,
  daysOverdue: a.derived.daysOverdue!,
  currentDueDate: a.derived.currentDueDate!,
});

/** The most days overdue first; of two equally overdue, the first by id. */
const moreOverdue = (a: OverdueAction, b: OverdueAction) =>
  a.daysOverdue - b.daysOverdue > 0 ||
  (a.daysOverdue === b.daysOverdue && a.actionId.localeCompare(b.actionId) < 0);

export class RecommendationTally {
  private readonly totals: RecommendationCounts = {
    total: 0,
    multiAgency: 0,
    singleAgency: 0,
    national: 0,
    unplanned: 0,
    closedWithoutAction: 0,
    rag: { ...countRags([]), UNPLANNED: 0 },
  };

  add(p: Pick<Progress, 'scope' | 'status' | 'rag'>, n = 1): void {
    const t = this.totals;
    t.total += n;
    if (p.scope === 'MULTI_AGENCY') t.multiAgency += n;
    if (p.scope === 'SINGLE_AGENCY') t.singleAgency += n;
    if (p.scope === 'NATIONAL') t.national += n;
    if (p.status === 'UNPLANNED') {
      t.unplanned += n;
      t.rag.UNPLANNED += n;
    }
    if (p.status === 'CLOSED_WITHOUT_ACTION') t.closedWithoutAction += n;
    if (p.status === 'PLANNED' && p.rag) t.rag[p.rag] += n;
  }

  counts(): RecommendationCounts {
    return { ...this.totals, rag: { ...this.totals.rag } };
  }
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

/** Keys in the order of RAGS. A literal, not built from RAGS: every tally starts from one. */
export function countRags(rags: (DerivedRag | null)[]): RagCounts {
  const counts: RagCounts = { RED: 0, AMBER: 0, GREEN: 0, GREY: 0, BLUE: 0 };
  for (const rag of rags) if (rag) counts[rag] += 1;
  return counts;
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** Worst first, as the Executive reads it; a review with nothing open to judge comes last. */
const severity = (rag: DerivedRag | null) => (rag ? RAGS.indexOf(rag) : RAGS.length);
