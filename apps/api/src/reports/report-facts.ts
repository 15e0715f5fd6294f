import { Inject, Injectable } from '@nestjs/common';
import type {
  BusinessDate,
  EvaluationGrade,
  Evaluator,
  PriorRecommendation,
  Subject,
} from '@casetrail/domain';
import { type ActionNarrative, ReadModelStore } from '@casetrail/projections';
import {
  type ActionFilter,
  type ActionView,
  ActionViews,
  type AsOfMode,
} from '../action-plans/queries/action-views';
import type { ProgressReportFacts, TotalsFacts } from './progress/progress-report';

/**
 * What the reports count, as it stood on a business date (domain.md §0.3 item 7): "effective"
 * takes every fact that had happened by then, "known" only those the board knew by then. Case
 * facts come from the reporting read model; actions from ActionViews, so every report derives
 * an action's status and RAG by the one domain rule (§6.0).
 */

/** A child as the referral recorded them (kept whole in the reporting read model). */
export type SubjectFact = Subject;

export interface ReferralFact {
  caseId: string;
  caseRef: string;
  referredOn: BusinessDate;
  referringAgency: string;
  subjects: SubjectFact[];
  themes: string[];
}

export interface DecisionFact {
  caseId: string;
  decisionId: string;
  /** Order within the case stream: the later of two decisions is the current one. */
  seq: number;
  kind: 'RECORDED' | 'REVISED';
  outcome: string;
  alternativeReviewType: string | null;
  decidedOn: BusinessDate;
}

export interface ReviewFact {
  caseId: string;
  reviewId: string;
  reviewType: string;
  methodology: string;
  commissionedOn: BusinessDate;
  signedOffOn: BusinessDate | null;
  publishedOn: BusinessDate | null;
  /** Where the report and its learning summary were published, once they were. */
  url: string | null;
  learningSummaryUrl: string | null;
}

export interface RecommendationFact {
  caseId: string;
  recommendationId: string;
  number: string;
  text: string;
  source: string;
  scope: string;
  addressedTo: string;
  themes: string[];
  addedOn: BusinessDate;
  closedWithoutActionOn: BusinessDate | null;
  /** The earlier review's recommendation it repeats (REPEATED_FROM_PRIOR_REVIEW only). */
  repeats: PriorRecommendation | null;
}

/** A recommendation told apart from every other case's: its ids are unique only in its case. */
export const recommendationKey = (caseId: string, recommendationId: string): string =>
  `${caseId}\u0000${recommendationId}`;

/** A review's grade, from Ofsted or the partnership's own quality assurance (domain.md §5.4). */
export interface EvaluationFact {
  caseId: string;
  /** Order within the case stream: of two evaluations on one day, the later was recorded last. */
  seq: number;
  evaluator: Evaluator;
  grade: EvaluationGrade;
  evaluatedOn: BusinessDate;
}

/** A criminal investigation, inquest, care proceedings… running beside the case (§3.6). */
export interface ParallelProcessFact {
  caseId: string;
  processId: string;
  processType: string;
  leadAgency: string;
  impact: string[];
  startedOn: BusinessDate;
  concludedOn: BusinessDate | null;
}

/** A pause of a case's review that cited a parallel process. */
export interface ProcessPause {
  caseId: string;
  processId: string;
  pausedOn: BusinessDate;
}

/** One record of how the family took part in the review (invited, contributed, not pursued…). */
export interface FamilyInvolvementFact {
  caseId: string;
  /** Order within the case stream. */
  seq: number;
  involvement: string;
  familyMemberRole: string;
  method: string | null;
  /** Why involvement was not pursued, or another reason given. */
  reason: string | null;
  recordedOn: BusinessDate;
}

/** A review's finding, or a briefing, event, training or newsletter that spread its learning. */
export interface LearningFact {
  caseId: string;
  kind: 'FINDING' | 'DISSEMINATION';
  on: BusinessDate;
  text: string | null;
  themes: string[];
  format: string | null;
  audience: string | null;
  attendance: number | null;
  link: string | null;
}

/** An action's derived status plus what its history says was done: the narrative of the report. */
export interface ActionFact extends ActionView, ActionNarrative {}

export interface ReportFactSet {
  referrals: ReferralFact[];
  decisions: DecisionFact[];
  reviews: ReviewFact[];
  recommendations: RecommendationFact[];
  evaluations: EvaluationFact[];
  parallelProcesses: ParallelProcessFact[];
  familyInvolvement: FamilyInvolvementFact[];
  actions: ActionFact[];
}

type Text = string | null;

@Injectable()
export class ReportFacts {
  constructor(
    @Inject(ReadModelStore) private readonly readModels: ReadModelStore,
    private readonly actionViews: ActionViews,
  ) {}

  /** Every fact, for the annual report. */
  asOf(date: BusinessDate, mode: AsOfMode, caseId?: string): ReportFactSet {
    const cases = caseId === undefined ? undefined : [caseId];
    const read = this.reader(date, mode, cases);
    return {
      referrals: read.referrals(),
      decisions: read.decisions(),
      reviews: read.reviews(),
      recommendations: read.recommendations(),
      evaluations: read.evaluations(),
      parallelProcesses: read.parallelProcesses(),
      familyInvolvement: read.familyInvolvement(),
      actions: this.actions(date, mode, cases),
    };
  }

  /**
   * The cases a progress report may cover, in case id order: those with a recommendation or an
   * action at any date (at national scale, a seventh of them).
   */
  progressCases(): string[] {
    return this.readModels
      .prepared(
        'SELECT case_id FROM report_recommendations UNION SELECT case_id FROM actions ORDER BY 1',
      )
      .all()
      .map((row) => (row as { case_id: string }).case_id);
  }

  /**
   * What the progress report counts for these cases: their recommendations, and their actions
   * without escalations. A national portfolio reads this for every case, and only the page of
   * reviews drawn in full (`forProgress`) needs the rest: a fifth of the report's time went on
   * referrals, reviews and escalations no total used.
   */
  forProgressTotals(date: BusinessDate, mode: AsOfMode, caseIds: readonly string[]): TotalsFacts {
    return {
      recommendations: this.reader(date, mode, caseIds).recommendations(),
      actions: this.actionViews.withNarrative(date, mode, { caseIds }, { escalations: false }),
    };
  }

  /** What the progress report draws on for these cases: no decisions or evaluations. */
  forProgress(date: BusinessDate, mode: AsOfMode, caseIds: readonly string[]): ProgressReportFacts {
    const read = this.reader(date, mode, caseIds);
    return {
      referrals: read.referrals(),
      reviews: read.reviews(),
      recommendations: read.recommendations(),
      actions: this.actions(date, mode, caseIds),
    };
  }

  /** Every review commissioned by the date, with its case reference, and the family's records. */
  familyRegister(date: BusinessDate, mode: AsOfMode) {
    const reviews = this.reader(date, mode).reviews();
    // Only the reviewed cases' referrals and records: at national scale, a seventh of the cases.
    const read = this.reader(date, mode, [...new Set(reviews.map((r) => r.caseId))]);
    const withRef = caseRefs(read.referrals());
    return { reviews: reviews.map(withRef), records: read.familyInvolvement() };
  }

  /** Every parallel process recorded by the date, with its case reference, and its pauses. */
  processRegister(date: BusinessDate, mode: AsOfMode) {
    const processes = this.reader(date, mode).parallelProcesses();
    const read = this.reader(date, mode, [...new Set(processes.map((p) => p.caseId))]);
    const withRef = caseRefs(read.referrals());
    return { processes: processes.map(withRef), pauses: read.processPauses() };
  }

  /**
   * The recommendations the register must look into on the date, with their case references and
   * the actions of their cases: every case with a repeated recommendation or the one it repeats,
   * and every case with a recommendation no live action answers. As effective, the others are
   * known to be answered without reading their actions: at national scale, most of 66,000.
   */
  recommendationRegister(date: BusinessDate, mode: AsOfMode) {
    const recommendations = this.reader(date, mode).recommendations();
    // As known, an action planned by the date may have been learned of later: read them all.
    const answered = mode === 'effective' ? this.answeredOn(date) : new Set<string>();
    const caseIds = new Set<string>();
    for (const r of recommendations) {
      if (r.repeats?.caseId) caseIds.add(r.repeats.caseId);
      if (r.repeats || !answered.has(recommendationKey(r.caseId, r.recommendationId)))
        caseIds.add(r.caseId);
    }
    const cases = [...caseIds];
    const withRef = caseRefs(this.reader(date, mode, cases).referrals());
    return {
      recommendations: recommendations.filter((r) => caseIds.has(r.caseId)).map(withRef),
      actions: this.actionViews.asOf(date, mode, { caseIds: cases }),
    };
  }

  /** The recommendations an action planned by the date, and not withdrawn by it, answers. */
  private answeredOn(date: BusinessDate): Set<string> {
    const rows = this.readModels
      .prepared(
        `SELECT a.case_id AS caseId, j.value AS recommendationId
         FROM actions a, json_each(a.recommendation_ids) j
         WHERE a.planned_on <= @date AND COALESCE(a.closed_on, '9999-12-31') > @date`,
      )
      .all({ date }) as { caseId: string; recommendationId: string }[];
    return new Set(rows.map((row) => recommendationKey(row.caseId, row.recommendationId)));
  }

  /** What the learning themes register reads: the cases with a review or learning by the date. */
  learningRegister(date: BusinessDate, mode: AsOfMode) {
    const all = this.reader(date, mode);
    const reviews = all.reviews();
    const learning = all.learning();
    const read = this.reader(date, mode, [
      ...new Set([...reviews, ...learning].map((fact) => fact.caseId)),
    ]);
    const referrals = read.referrals();
    const withRef = caseRefs(referrals);
    return {
      referrals: referrals.map(withRef),
      reviews,
      recommendations: read.recommendations(),
      learning,
    };
  }

  /** Every action that may be open on the date, with its facts, case reference and review. */
  dataQuality(date: BusinessDate, mode: AsOfMode, filter: Pick<ActionFilter, 'agency' | 'caseId'>) {
    const actions = this.actionViews.onRecord(date, mode, filter);
    const read = this.reader(date, mode, [...new Set(actions.map((a) => a.caseId))]);
    const withRef = caseRefs(read.referrals());
    return { actions: actions.map(withRef), reviews: read.reviews() };
  }

  private reader(date: BusinessDate, mode: AsOfMode, caseIds?: readonly string[]) {
    const params = {
      date,
      known: mode === 'known' ? 1 : 0,
      caseIds: JSON.stringify(caseIds ?? []),
    };
    // Each listed case is found through the case_id index; no list is every case.
    const OF_CASES =
      caseIds === undefined ? '1' : 'case_id IN (SELECT value FROM json_each(@caseIds))';
    const all = <T>(sql: string) => this.readModels.prepared(sql).all(params) as T[];
    return {
      referrals: () =>
        all<ReferralRow>(
          `SELECT * FROM report_referrals
           WHERE ${visible('referred_on', 'known_on')} AND ${OF_CASES}
           ORDER BY referred_on, case_id`,
        ).map(referralFact),
      decisions: () =>
        all<DecisionRow>(
          `SELECT * FROM report_decisions WHERE ${visible('decided_on', 'known_on')} AND ${OF_CASES}
           ORDER BY case_id, seq`,
        ).map(decisionFact),
      reviews: () =>
        all<ReviewRow>(
          `SELECT case_id, review_id, review_type, methodology, commissioned_on,
             CASE WHEN ${visible('signed_off_on', 'signed_off_known_on')} THEN signed_off_on END AS signed_off_on,
             CASE WHEN ${visible('published_on', 'published_known_on')} THEN published_on END AS published_on,
             CASE WHEN ${visible('published_on', 'published_known_on')} THEN url END AS url,
             CASE WHEN ${visible('published_on', 'published_known_on')} THEN learning_summary_url END
               AS learning_summary_url
           FROM report_reviews WHERE ${visible('commissioned_on', 'commissioned_known_on')} AND ${OF_CASES}
           ORDER BY case_id, commissioned_on`,
        ).map(reviewFact),
      recommendations: () =>
        all<RecommendationRow>(
          `SELECT case_id, recommendation_id, number, text, source, scope, addressed_to, themes,
             added_on, repeats,
             CASE WHEN ${visible('closed_on', 'closed_known_on')} THEN closed_on END AS closed_on
           FROM report_recommendations WHERE ${visible('added_on', 'known_on')} AND ${OF_CASES}
           ORDER BY case_id, seq`,
        ).map(recommendationFact),
      evaluations: () =>
        all<EvaluationRow>(
          `SELECT * FROM report_evaluations WHERE ${visible('evaluated_on', 'known_on')} AND ${OF_CASES}
           ORDER BY case_id, seq`,
        ).map(evaluationFact),
      parallelProcesses: () =>
        all<ParallelProcessRow>(
          `SELECT case_id, process_id, process_type, lead_agency, impact, started_on,
             CASE WHEN ${visible('concluded_on', 'concluded_known_on')} THEN concluded_on END AS concluded_on
           FROM report_parallel_processes WHERE ${visible('started_on', 'known_on')} AND ${OF_CASES}
           ORDER BY case_id, process_id`,
        ).map(parallelProcessFact),
      processPauses: () =>
        all<ProcessPauseRow>(
          `SELECT case_id, process_id, paused_on FROM report_process_pauses
           WHERE ${visible('paused_on', 'known_on')} AND ${OF_CASES}
           ORDER BY case_id, process_id, seq`,
        ).map((r): ProcessPause => ({
          caseId: r.case_id,
          processId: r.process_id,
          pausedOn: r.paused_on,
        })),
      learning: () =>
        all<LearningRow>(
          `SELECT * FROM report_learning WHERE ${visible('on_date', 'known_on')} AND ${OF_CASES}
           ORDER BY case_id, seq`,
        ).map((r): LearningFact => ({
          caseId: r.case_id,
          kind: r.kind,
          on: r.on_date,
          text: r.text,
          themes: JSON.parse(r.themes) as string[],
          format: r.format,
          audience: r.audience,
          attendance: r.attendance === null ? null : Number(r.attendance),
          link: r.link,
        })),
      familyInvolvement: () =>
        all<FamilyInvolvementRow>(
          `SELECT * FROM report_family_involvement
           WHERE ${visible('recorded_on', 'known_on')} AND ${OF_CASES}
           ORDER BY case_id, seq`,
        ).map(familyInvolvementFact),
    };
  }

  private actions(date: BusinessDate, mode: AsOfMode, caseIds?: readonly string[]): ActionFact[] {
    return this.actionViews.withNarrative(date, mode, caseIds ? { caseIds } : {});
  }
}

/** A fact counts once it had happened by the date and, in KNOWN mode, once the board knew it. */
const visible = (occurred: string, known: string) =>
  `(${occurred} <= @date AND (@known = 0 OR ${known} <= @date))`;

interface ReferralRow {
  case_id: string;
  case_ref: Text;
  referred_on: string;
  referring_agency: Text;
  subjects: string;
  themes: string;
}

interface DecisionRow {
  case_id: string;
  decision_id: string;
  seq: bigint;
  kind: 'RECORDED' | 'REVISED';
  outcome: string;
  alternative_review_type: Text;
  decided_on: string;
}

interface LearningRow {
  case_id: string;
  kind: LearningFact['kind'];
  on_date: string;
  text: Text;
  themes: string;
  format: Text;
  audience: Text;
  attendance: bigint | null;
  link: Text;
}

interface ReviewRow {
  case_id: string;
  review_id: string;
  review_type: string;
  methodology: string;
  commissioned_on: string;
  signed_off_on: Text;
  published_on: Text;
  url: Text;
  learning_summary_url: Text;
}

interface RecommendationRow {
  case_id: string;
  recommendation_id: string;
  number: string;
  text: string;
  source: string;
  scope: string;
  addressed_to: string;
  themes: string;
  added_on: string;
  closed_on: Text;
  repeats: Text;
}

interface EvaluationRow {
  case_id: string;
  seq: bigint;
  evaluator: Evaluator;
  grade: EvaluationGrade;
  evaluated_on: string;
}

interface ParallelProcessRow {
  case_id: string;
  process_id: string;
  process_type: string;
  lead_agency: string;
  impact: string;
  started_on: string;
  concluded_on: Text;
}

interface ProcessPauseRow {
  case_id: string;
  process_id: string;
  paused_on: string;
}

interface FamilyInvolvementRow {
  case_id: string;
  seq: bigint;
  involvement: string;
  family_member_role: string;
  method: Text;
  reason: Text;
  recorded_on: string;
}

const referralFact = (r: ReferralRow): ReferralFact => ({
  caseId: r.case_id,
  caseRef: r.case_ref ?? r.case_id,
  referredOn: r.referred_on,
  referringAgency: r.referring_agency ?? 'NOT_RECORDED',
  subjects: JSON.parse(r.subjects) as SubjectFact[],
  themes: JSON.parse(r.themes) as string[],
});

const decisionFact = (r: DecisionRow): DecisionFact => ({
  caseId: r.case_id,
  decisionId: r.decision_id,
  seq: Number(r.seq),
  kind: r.kind,
  outcome: r.outcome,
  alternativeReviewType: r.alternative_review_type,
  decidedOn: r.decided_on,
});

const reviewFact = (r: ReviewRow): ReviewFact => ({
  caseId: r.case_id,
  reviewId: r.review_id,
  reviewType: r.review_type,
  methodology: r.methodology,
  commissionedOn: r.commissioned_on,
  signedOffOn: r.signed_off_on,
  publishedOn: r.published_on,
  url: r.url,
  learningSummaryUrl: r.learning_summary_url,
});

const recommendationFact = (r: RecommendationRow): RecommendationFact => ({
  caseId: r.case_id,
  recommendationId: r.recommendation_id,
  number: r.number,
  text: r.text,
  source: r.source,
  scope: r.scope,
  addressedTo: r.addressed_to,
  themes: JSON.parse(r.themes) as string[],
  addedOn: r.added_on,
  closedWithoutActionOn: r.closed_on,
  repeats: r.repeats === null ? null : (JSON.parse(r.repeats) as PriorRecommendation),
});

const evaluationFact = (r: EvaluationRow): EvaluationFact => ({
  caseId: r.case_id,
  seq: Number(r.seq),
  evaluator: r.evaluator,
  grade: r.grade,
  evaluatedOn: r.evaluated_on,
});

const parallelProcessFact = (r: ParallelProcessRow): ParallelProcessFact => ({
  caseId: r.case_id,
  processId: r.process_id,
  processType: r.process_type,
  leadAgency: r.lead_agency,
  impact: JSON.parse(r.impact) as string[],
  startedOn: r.started_on,
  concludedOn: r.concluded_on,
});

/** Adds each fact's case reference (the case id where the referral has none). */
function caseRefs(referrals: ReferralFact[]) {
  const refs = new Map(referrals.map((r) => [r.caseId, r.caseRef]));
  return <T extends { caseId: string }>(fact: T): T & { caseRef: string } => ({
    ...fact,
    caseRef: refs.get(fact.caseId) ?? fact.caseId,
  });
}

const familyInvolvementFact = (r: FamilyInvolvementRow): FamilyInvolvementFact => ({
  caseId: r.case_id,
  seq: Number(r.seq),
  involvement: r.involvement,
  familyMemberRole: r.family_member_role,
  method: r.method,
  reason: r.reason,
  recordedOn: r.recorded_on,
});
