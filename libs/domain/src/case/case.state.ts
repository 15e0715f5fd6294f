import type { BusinessDate, Regime } from '../calendar';
import type { EveryField } from '../decider';
import type {
  CaseEvent,
  CaseReferred,
  DecisionRecorded,
  Incident,
  LateCompletion,
} from './case.events';
import type {
  AlternativeReviewType,
  DecisionOutcome,
  ParallelProcessImpact,
  RecommendationScope,
  RecommendationSource,
  ReviewType,
} from './case.vocabulary';

/** domain.md §3.1. */
export const CASE_STATUSES = [
  'REFERRED',
  'UNDER_CONSIDERATION',
  'DECISION_DEFERRED',
  'DECISION_RECOMMENDED',
  'DECIDED_REVIEW',
  'DECIDED_NO_REVIEW',
  'NATIONAL_REVIEW',
  'DECISION_CONTESTED',
  'REVIEW_IN_PROGRESS',
  'REVIEW_PAUSED',
  'REPORT_SIGNED_OFF',
  'PUBLICATION_DEFERRED',
  'PUBLISHED',
  'PUBLICATION_WITHHELD',
  'CLOSED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface Decision {
  decisionId: string;
  outcome: DecisionOutcome;
  alternativeReviewType?: AlternativeReviewType;
  criteriaMet: boolean;
  decidedOn: BusinessDate;
  rationale: string;
  decidedBy: string;
  supersedesDecisionId?: string;
  notifiedToPanelOn?: BusinessDate;
}

export interface ParallelProcess {
  processId: string;
  impact: ParallelProcessImpact[];
  startedOn: BusinessDate;
  concludedOn?: BusinessDate;
}

export interface Review {
  reviewId: string;
  reviewType: ReviewType;
  commissionedOn: BusinessDate;
  targetCompletionOn: BusinessDate;
  /** The target as extended; targetCompletionOn stays the original, for breach reporting (§5.3). */
  extendedTargetOn?: BusinessDate;
  publicationDueOn?: BusinessDate;
  pausedSince?: BusinessDate;
  lastResumedOn?: BusinessDate;
  reportsCompleted: number;
  signedOffOn?: BusinessDate;
  panelNoticeOn?: BusinessDate;
  publicationDeferredOn?: BusinessDate;
  publishedOn?: BusinessDate;
  withheldOn?: BusinessDate;
}

export interface Recommendation {
  recommendationId: string;
  number: string;
  source: RecommendationSource;
  addressedTo: string;
  scope: RecommendationScope;
  closedWithoutAction: boolean;
}

export interface OpenCase {
  status: CaseStatus;
  /** Where the case was before it was closed, so a stale command is judged against the right stage. */
  caseId: string;
  caseRef: string;
  regime: Regime;
  referredOn: BusinessDate;
  becameAwareOn: BusinessDate;
  incident: Incident;
  decisionDueOn?: BusinessDate;
  seriousIncidentNotifiedOn?: BusinessDate;
  rapidReview?: {
    startedOn: BusinessDate;
    dueOn: BusinessDate;
    completedOn?: BusinessDate;
    submittedToPanelOn?: BusinessDate;
  };
  /** Every decision ever recorded, oldest first; a decision is superseded, never edited. */
  decisions: Decision[];
  currentDecisionId?: string;
  openContest?: { decisionId: string; since: BusinessDate };
  parallelProcesses: ParallelProcess[];
  review?: Review;
  findingIds: string[];
  recommendations: Recommendation[];
  lateStages: LateCompletion[];
  /** The latest business date of anything on the case: later facts cannot precede what they depend on. */
  latestDate: BusinessDate;
  closedOn?: BusinessDate;
}

export type CaseState = { status: 'NOT_REFERRED' } | OpenCase;

export const initialCaseState = (): CaseState => ({ status: 'NOT_REFERRED' });

export const currentDecision = (state: OpenCase): Decision | undefined =>
  state.decisions.find((d) => d.decisionId === state.currentDecisionId);

export const commissionsReview = (outcome: DecisionOutcome): boolean =>
  outcome === 'SCR_COMMISSIONED' ||
  outcome === 'LCSPR_COMMISSIONED' ||
  outcome === 'ALTERNATIVE_REVIEW';

const laterOf = (a: BusinessDate, b: BusinessDate): BusinessDate => (a > b ? a : b);

function decisionFrom(data: DecisionRecorded): Decision {
  return {
    decisionId: data.decisionId,
    outcome: data.outcome,
    alternativeReviewType: data.alternativeReviewType,
    criteriaMet: data.criteriaMet,
    decidedOn: data.occurredOn,
    rationale: data.rationale,
    decidedBy: data.decidedBy.name,
  };
}

const decidedStatus = (outcome: DecisionOutcome): CaseStatus =>
  commissionsReview(outcome)
    ? 'DECIDED_REVIEW'
    : outcome === 'REFERRED_FOR_NATIONAL_REVIEW'
      ? 'NATIONAL_REVIEW'
      : 'DECIDED_NO_REVIEW';

/** Each event changes a copy of the state made field by field (see EveryField). */
function copyOf(s: OpenCase): EveryField<OpenCase> {
  return {
    status: s.status,
    caseId: s.caseId,
    caseRef: s.caseRef,
    regime: s.regime,
    referredOn: s.referredOn,
    becameAwareOn: s.becameAwareOn,
    incident: s.incident,
    decisionDueOn: s.decisionDueOn,
    seriousIncidentNotifiedOn: s.seriousIncidentNotifiedOn,
    rapidReview: s.rapidReview,
    decisions: s.decisions,
    currentDecisionId: s.currentDecisionId,
    openContest: s.openContest,
    parallelProcesses: s.parallelProcesses,
    review: s.review,
    findingIds: s.findingIds,
    recommendations: s.recommendations,
    lateStages: s.lateStages,
    latestDate: s.latestDate,
    closedOn: s.closedOn,
  };
}

const copyOfReview = (r: Review): EveryField<Review> => ({
  reviewId: r.reviewId,
  reviewType: r.reviewType,
  commissionedOn: r.commissionedOn,
  targetCompletionOn: r.targetCompletionOn,
  extendedTargetOn: r.extendedTargetOn,
  publicationDueOn: r.publicationDueOn,
  pausedSince: r.pausedSince,
  lastResumedOn: r.lastResumedOn,
  reportsCompleted: r.reportsCompleted,
  signedOffOn: r.signedOffOn,
  panelNoticeOn: r.panelNoticeOn,
  publicationDeferredOn: r.publicationDeferredOn,
  publishedOn: r.publishedOn,
  withheldOn: r.withheldOn,
});

function referred(data: CaseReferred): OpenCase {
  return {
    status: 'REFERRED',
    caseId: data.caseId,
    caseRef: data.caseRef,
    regime: data.regime,
    referredOn: data.occurredOn,
    becameAwareOn: data.becameAwareOn,
    incident: data.incident,
    decisionDueOn: data.decisionDueOn,
    seriousIncidentNotifiedOn: undefined,
    rapidReview: undefined,
    decisions: [],
    currentDecisionId: undefined,
    openContest: undefined,
    parallelProcesses: [],
    review: undefined,
    findingIds: [],
    recommendations: [],
    lateStages: [],
    latestDate: data.occurredOn,
    closedOn: undefined,
  } satisfies EveryField<OpenCase>;
}

/** Folds one event into the state. Only facts: every check happened in `decide`. */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseReferred') return referred(event.data);
  if (state.status === 'NOT_REFERRED') return state;
  // This event's own copy of the state, which the case below changes and returns.
  const s = copyOf(state);
  s.latestDate = laterOf(state.latestDate, event.data.occurredOn);
  const set = (changes: Partial<OpenCase>): OpenCase => Object.assign(s, changes);
  const late =
    'late' in event.data && event.data.late ? [...s.lateStages, event.data.late] : s.lateStages;
  const withReview = (change: Partial<Review>): Review =>
    Object.assign(copyOfReview(s.review!), change);

  switch (event.type) {
    case 'SeriousIncidentNotified':
      return set({ seriousIncidentNotifiedOn: event.data.occurredOn, lateStages: late });
    case 'ReferralConsidered':
      return set({
        status:
          s.status === 'REFERRED' || s.status === 'DECISION_DEFERRED'
            ? 'UNDER_CONSIDERATION'
            : s.status,
      });
    case 'DecisionDeferred':
      return set({ status: 'DECISION_DEFERRED' });
    case 'RapidReviewStarted':
      return set({
        status: 'UNDER_CONSIDERATION',
        rapidReview: { startedOn: event.data.occurredOn, dueOn: event.data.dueOn },
      });
    case 'RapidReviewCompleted':
      return set({
        status: 'DECISION_RECOMMENDED',
        rapidReview: {
          startedOn: s.rapidReview!.startedOn,
          dueOn: s.rapidReview!.dueOn,
          completedOn: event.data.occurredOn,
          submittedToPanelOn: event.data.submittedToPanelOn,
        },
        lateStages: late,
      });
    case 'DecisionRecommended':
      return set({ status: s.openContest ? s.status : 'DECISION_RECOMMENDED' });
    case 'DecisionRecorded':
      return set({
        status: decidedStatus(event.data.outcome),
        decisions: [...s.decisions, decisionFrom(event.data)],
        currentDecisionId: event.data.decisionId,
        lateStages: late,
      });
    case 'NationalPanelNotified': {
      const id = event.data.decisionId;
      return set({
        decisions: s.decisions.map((d) =>
          d.decisionId === id && !d.notifiedToPanelOn
            ? { ...d, notifiedToPanelOn: event.data.occurredOn }
            : d,
        ),
      });
    }
    case 'PanelResponded':
      return s;
    case 'DecisionContested':
      return set({
        status: 'DECISION_CONTESTED',
        openContest: { decisionId: event.data.decisionId, since: event.data.occurredOn },
      });
    case 'DecisionReaffirmed': {
      const decision = currentDecision(s)!;
      return set({ status: decidedStatus(decision.outcome), openContest: undefined });
    }
    case 'DecisionRevised': {
      const data = event.data;
      const revised: Decision = {
        ...decisionFrom({ ...data, criteriaApplied: [] }),
        supersedesDecisionId: data.supersedesDecisionId,
      };
      return set({
        status: decidedStatus(data.outcome),
        decisions: [...s.decisions, revised],
        currentDecisionId: data.decisionId,
        openContest: undefined,
      });
    }
    case 'ParallelProcessRecorded':
      return set({
        parallelProcesses: [
          ...s.parallelProcesses,
          {
            processId: event.data.processId,
            impact: event.data.impact,
            startedOn: event.data.occurredOn,
          },
        ],
      });
    case 'ParallelProcessConcluded':
      return set({
        parallelProcesses: s.parallelProcesses.map((p) =>
          p.processId === event.data.processId ? { ...p, concludedOn: event.data.occurredOn } : p,
        ),
      });
    case 'ReviewCommissioned':
      return set({
        status: 'REVIEW_IN_PROGRESS',
        review: {
          reviewId: event.data.reviewId,
          reviewType: event.data.reviewType,
          commissionedOn: event.data.occurredOn,
          targetCompletionOn: event.data.targetCompletionOn,
          extendedTargetOn: undefined,
          publicationDueOn: event.data.publicationDueOn,
          pausedSince: undefined,
          lastResumedOn: undefined,
          reportsCompleted: 0,
          signedOffOn: undefined,
          panelNoticeOn: undefined,
          publicationDeferredOn: undefined,
          publishedOn: undefined,
          withheldOn: undefined,
        } satisfies EveryField<Review>,
      });
    case 'ReviewPaused':
      return set({
        review: withReview({ pausedSince: event.data.occurredOn }),
        status: 'REVIEW_PAUSED',
      });
    case 'ReviewResumed':
      return set({
        review: withReview({ pausedSince: undefined, lastResumedOn: event.data.occurredOn }),
        status: 'REVIEW_IN_PROGRESS',
      });
    case 'ReviewTimescaleExtended':
      return set({ review: withReview({ extendedTargetOn: event.data.newTargetOn }) });
    // Facts of the review's conduct and afterlife that no rule reads back: the log keeps them.
    case 'FamilyInvolvementRecorded':
    case 'NewInformationReceived':
    case 'ReviewerAppointed':
    case 'TermsOfReferenceAgreed':
    case 'AgencyReportDeclined':
    case 'PractitionerEventHeld':
    case 'LearningIdentified':
    case 'ReportPresentedToScrutiny':
    case 'ReviewEvaluated':
      return s;
    case 'ReportCompleted':
      return set({ review: withReview({ reportsCompleted: s.review!.reportsCompleted + 1 }) });
    case 'ReportSignedOff':
      return set({
        review: withReview({ signedOffOn: event.data.occurredOn }),
        status: 'REPORT_SIGNED_OFF',
        lateStages: late,
      });
    case 'PanelNotifiedOfPublication':
      return set({ review: withReview({ panelNoticeOn: event.data.occurredOn }) });
    case 'PublicationDeferred':
      return set({
        review: withReview({ publicationDeferredOn: event.data.occurredOn }),
        status: 'PUBLICATION_DEFERRED',
      });
    case 'ReviewPublished':
      return set({
        review: withReview({ publishedOn: event.data.occurredOn }),
        status: 'PUBLISHED',
        lateStages: late,
      });
    case 'PublicationWithheld':
      return set({
        review: withReview({ withheldOn: event.data.occurredOn }),
        status: 'PUBLICATION_WITHHELD',
      });
    case 'LearningDisseminated':
      return s;
    case 'FindingRecorded':
      return set({ findingIds: [...s.findingIds, event.data.findingId] });
    case 'RecommendationAdded':
      return set({
        recommendations: [
          ...s.recommendations,
          {
            recommendationId: event.data.recommendationId,
            number: event.data.number,
            source: event.data.source,
            addressedTo: event.data.addressedTo,
            scope: event.data.scope,
            closedWithoutAction: false,
          },
        ],
      });
    case 'RecommendationClosedWithoutAction':
      return set({
        recommendations: s.recommendations.map((r) =>
          r.recommendationId === event.data.recommendationId
            ? { ...r, closedWithoutAction: true }
            : r,
        ),
      });
    case 'RegimeTransitioned':
      return set({ regime: event.data.toRegime });
    case 'CaseClosed':
      return set({ status: 'CLOSED', closedOn: event.data.occurredOn });
    case 'CaseReopened':
      return set({ status: 'UNDER_CONSIDERATION', closedOn: undefined });
    default:
      return assertNever(event);
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}
