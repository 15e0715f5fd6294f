import type { DomainEvent } from '../decider';
import type { BusinessDate, ClockName, Regime } from '../calendar';
import type {
  AbuseOrNeglect,
  AgeBand,
  AgencyReportType,
  AlternativeReviewType,
  ClosureReason,
  ConsiderationOutcome,
  ConsideringBody,
  CriterionResult,
  DatePrecision,
  DeciderRole,
  DecisionOutcome,
  DeferralReason,
  DelayReasonCode,
  Ethnicity,
  EvaluationGrade,
  Evaluator,
  FamilyInvolvement,
  IncidentType,
  Methodology,
  NotificationRecipient,
  ParallelProcessImpact,
  ParallelProcessType,
  PauseReason,
  PublicationDeferralReason,
  LearningFormat,
  PublicationForm,
  RecommendationScope,
  RecommendationSource,
  ReportKind,
  ReviewerRole,
  ReviewType,
  RevisionTrigger,
  ScrutinyOutcome,
  Sex,
  SubjectRole,
  Theme,
} from './case.vocabulary';

/**
 * The facts of a case stream (`case-<caseId>`). Every event carries `occurredOn`, the business
 * date it happened in the world (domain.md §0.3); the store adds the time it was recorded.
 */

export interface Subject {
  pseudonym: string;
  role: SubjectRole;
  ageAtIncident?: number;
  ageBand?: AgeBand;
  sex?: Sex;
  ethnicity?: Ethnicity;
  disability?: boolean;
  /** The child's circumstances at the incident, as Ofsted 004 counts them. */
  knownToCsc?: boolean;
  childInNeed?: boolean;
  childProtectionPlan?: boolean;
  lookedAfter?: boolean;
  /** Born to a teenage parent. */
  teenageParent?: boolean;
}

export interface Incident {
  type: IncidentType;
  date?: BusinessDate;
  datePrecision: DatePrecision;
  description?: string;
  suspectedSuicide?: boolean;
}

export interface Person {
  name: string;
  role: string;
}

export interface DelayReason {
  code: DelayReasonCode;
  detail: string;
}

export interface CriterionApplied {
  criterion: string;
  result: CriterionResult;
  evidence?: string;
}

/** A statutory stage finished late: which clock, its deadline, and why (domain.md §3.2). */
export interface LateCompletion {
  clock: ClockName;
  dueOn: BusinessDate;
  reason: DelayReason;
}

interface Dated {
  occurredOn: BusinessDate;
}

export type CaseEvent =
  | DomainEvent<'CaseReferred', CaseReferred>
  | DomainEvent<'SeriousIncidentNotified', SeriousIncidentNotified>
  | DomainEvent<'ReferralConsidered', ReferralConsidered>
  | DomainEvent<'DecisionDeferred', DecisionDeferred>
  | DomainEvent<'RapidReviewStarted', RapidReviewStarted>
  | DomainEvent<'RapidReviewCompleted', RapidReviewCompleted>
  | DomainEvent<'DecisionRecommended', DecisionRecommended>
  | DomainEvent<'DecisionRecorded', DecisionRecorded>
  | DomainEvent<'NationalPanelNotified', NationalPanelNotified>
  | DomainEvent<'PanelResponded', PanelResponded>
  | DomainEvent<'DecisionContested', DecisionContested>
  | DomainEvent<'DecisionReaffirmed', DecisionReaffirmed>
  | DomainEvent<'DecisionRevised', DecisionRevised>
  | DomainEvent<'ParallelProcessRecorded', ParallelProcessRecorded>
  | DomainEvent<'ParallelProcessConcluded', ParallelProcessConcluded>
  | DomainEvent<'ReviewCommissioned', ReviewCommissioned>
  | DomainEvent<'ReviewPaused', ReviewPaused>
  | DomainEvent<'ReviewResumed', ReviewResumed>
  | DomainEvent<'ReviewTimescaleExtended', ReviewTimescaleExtended>
  | DomainEvent<'ReviewerAppointed', ReviewerAppointed>
  | DomainEvent<'TermsOfReferenceAgreed', TermsOfReferenceAgreed>
  | DomainEvent<'AgencyReportDeclined', AgencyReportDeclined>
  | DomainEvent<'PractitionerEventHeld', PractitionerEventHeld>
  | DomainEvent<'LearningIdentified', LearningIdentified>
  | DomainEvent<'FamilyInvolvementRecorded', FamilyInvolvementRecorded>
  | DomainEvent<'ReportCompleted', ReportCompleted>
  | DomainEvent<'ReportSignedOff', ReportSignedOff>
  | DomainEvent<'PanelNotifiedOfPublication', PanelNotifiedOfPublication>
  | DomainEvent<'PublicationDeferred', PublicationDeferred>
  | DomainEvent<'ReviewPublished', ReviewPublished>
  | DomainEvent<'PublicationWithheld', PublicationWithheld>
  | DomainEvent<'ReportPresentedToScrutiny', ReportPresentedToScrutiny>
  | DomainEvent<'ReviewEvaluated', ReviewEvaluated>
  | DomainEvent<'FindingRecorded', FindingRecorded>
  | DomainEvent<'LearningDisseminated', LearningDisseminated>
  | DomainEvent<'RecommendationAdded', RecommendationAdded>
  | DomainEvent<'RecommendationClosedWithoutAction', RecommendationClosedWithoutAction>
  | DomainEvent<'NewInformationReceived', NewInformationReceived>
  | DomainEvent<'RegimeTransitioned', RegimeTransitioned>
  | DomainEvent<'CaseClosed', CaseClosed>
  | DomainEvent<'CaseReopened', CaseReopened>;

export type CaseEventType = CaseEvent['type'];

export interface CaseReferred extends Dated {
  caseId: string;
  caseRef: string;
  regime: Regime;
  referringAgency: string;
  referrer?: Person;
  subjects: Subject[];
  incident: Incident;
  /** When the partnership (or local authority) learned of the incident; anchors the 2018+ clocks. */
  becameAwareOn: BusinessDate;
  abuseOrNeglect: AbuseOrNeglect;
  themes: Theme[];
  summary: string;
  /** The one-month decision clock (older regimes), fixed when the case came in. */
  decisionDueOn?: BusinessDate;
}

export interface SeriousIncidentNotified extends Dated {
  becameAwareOn: BusinessDate;
  notifiedTo: NotificationRecipient[];
  dueOn?: BusinessDate;
  late?: LateCompletion;
}

export interface ReferralConsidered extends Dated {
  body: ConsideringBody;
  outcome: ConsiderationOutcome;
  notes?: string;
}

export interface DecisionDeferred extends Dated {
  reason: DeferralReason;
  detail: string;
  nextConsiderationOn?: BusinessDate;
}

export interface RapidReviewStarted extends Dated {
  dueOn: BusinessDate;
}

export interface RapidReviewCompleted extends Dated {
  recommendation: ConsiderationOutcome;
  submittedToPanelOn?: BusinessDate;
  learning?: string;
  late?: LateCompletion;
}

export interface DecisionRecommended extends Dated {
  recommendedOutcome: DecisionOutcome;
  rationale: string;
  recommendedBy: Person;
}

export interface DecisionRecorded extends Dated {
  decisionId: string;
  outcome: DecisionOutcome;
  alternativeReviewType?: AlternativeReviewType;
  criteriaMet: boolean;
  criteriaApplied: CriterionApplied[];
  rationale: string;
  decidedBy: Person & { role: DeciderRole };
  endorsedBy?: Person;
  dueOn?: BusinessDate;
  late?: LateCompletion;
}

export interface NationalPanelNotified extends Dated {
  decisionId?: string;
  recipients: NotificationRecipient[];
  /** Only for a no-review decision under WT2013/15: lateness is computed, not blocked (§5.2). */
  dueOn?: BusinessDate;
}

export interface PanelResponded extends Dated {
  decisionId: string;
  agreesWithDecision: boolean;
  comments: string;
}

export interface DecisionContested extends Dated {
  decisionId: string;
  contestedBy: 'NATIONAL_PANEL' | 'OTHER';
  grounds: string;
}

export interface DecisionReaffirmed extends Dated {
  decisionId: string;
  by: Person;
  rationale: string;
}

export interface DecisionRevised extends Dated {
  decisionId: string;
  supersedesDecisionId: string;
  outcome: DecisionOutcome;
  alternativeReviewType?: AlternativeReviewType;
  criteriaMet: boolean;
  rationale: string;
  reason: string;
  trigger: RevisionTrigger;
  decidedBy: Person & { role: DeciderRole };
}

export interface ParallelProcessRecorded extends Dated {
  processId: string;
  processType: ParallelProcessType;
  leadAgency: string;
  impact: ParallelProcessImpact[];
  reference?: string;
}

export interface ParallelProcessConcluded extends Dated {
  processId: string;
  outcome: string;
}

export interface ReviewCommissioned extends Dated {
  reviewId: string;
  reviewType: ReviewType;
  methodology: Methodology;
  leadReviewer?: Person;
  periodFrom?: BusinessDate;
  periodTo?: BusinessDate;
  agenciesAsked: string[];
  familyInvolvementPlanned: boolean;
  /** Decision date + the regime's completion timescale (domain.md §3.2). */
  targetCompletionOn: BusinessDate;
  publicationDueOn?: BusinessDate;
}

export interface ReviewPaused extends Dated {
  reason: PauseReason;
  detail: string;
  parallelProcessIds: string[];
  expectedResumeBy?: BusinessDate;
}

export interface ReviewResumed extends Dated {
  reason: string;
}

export interface ReviewTimescaleExtended extends Dated {
  newTargetOn: BusinessDate;
  reason: string;
  approvedBy: Person;
}

export interface ReviewerAppointed extends Dated {
  role: ReviewerRole;
  name: string;
  organisation: string;
  /** Why the reviewer is independent of the agencies involved; required for an SCR or LCSPR. */
  independenceStatement?: string;
}

export interface TermsOfReferenceAgreed extends Dated {
  /** The period the review looks at (B1: a year before the child's birth to the incident). */
  periodFrom: BusinessDate;
  periodTo: BusinessDate;
  /** Key issues or key lines of enquiry, verbatim. */
  keyIssues: string[];
}

export interface AgencyReportDeclined extends Dated {
  agency: string;
  reportType: AgencyReportType;
  reason: string;
}

export interface AgencyAttendance {
  agency: string;
  count: number;
}

export interface PractitionerEventHeld extends Dated {
  attendees?: AgencyAttendance[];
  notes?: string;
}

/** Learning taken before any report exists (Child R's "immediate learning", B1's early findings). */
export interface LearningIdentified extends Dated {
  learning: string;
  immediateActions: string[];
}

export interface FamilyInvolvementRecorded extends Dated {
  involvement: FamilyInvolvement;
  familyMemberRole: string;
  method?: string;
  reason?: string;
}

export interface ReportCompleted extends Dated {
  kind: ReportKind;
  author?: string;
  version?: string;
  revisionReason?: string;
}

export interface ReportSignedOff extends Dated {
  by: string;
  late?: LateCompletion;
}

export interface PanelNotifiedOfPublication extends Dated {
  recipients: NotificationRecipient[];
  plannedPublicationOn: BusinessDate;
}

export interface PublicationDeferred extends Dated {
  reason: PublicationDeferralReason;
  detail: string;
  newPlannedOn?: BusinessDate;
}

export interface ReviewPublished extends Dated {
  form: PublicationForm;
  url?: string;
  /** Where the learning summary is, when there is one beside the report (§5.4). */
  learningSummaryUrl?: string;
  late?: LateCompletion;
  /** Warning, not a block (domain.md §5.4): the notice to the Panel was missing or short. */
  noticeShortfall?: string;
}

export interface PublicationWithheld extends Dated {
  reason: string;
  improvementInfoPublishedOn?: BusinessDate;
}

export interface ReportPresentedToScrutiny extends Dated {
  /** The committee, as it names itself (e.g. "People Overview & Scrutiny Committee"). */
  body: string;
  outcome: ScrutinyOutcome;
  notes?: string;
}

export interface ReviewEvaluated extends Dated {
  evaluator: Evaluator;
  grade: EvaluationGrade;
  commentary: string;
}

/** A briefing, event, training or newsletter that spread the review's learning (§5.4). */
export interface LearningDisseminated extends Dated {
  format: LearningFormat;
  audience: string;
  attendance?: number;
  /** The learning themes it covered. */
  themes: Theme[];
  link?: string;
}

export interface FindingRecorded extends Dated {
  findingId: string;
  text: string;
  themes: Theme[];
}

export interface RecommendationAdded extends Dated {
  recommendationId: string;
  number: string;
  text: string;
  source: RecommendationSource;
  addressedTo: string;
  scope: RecommendationScope;
  themes: Theme[];
  embeddedTimescale?: string;
  /** The earlier recommendation a REPEATED_FROM_PRIOR_REVIEW one repeats (003 §23.2). */
  repeats?: PriorRecommendation;
}

/**
 * An earlier review's recommendation, as the report names it ("Child A SCR"), and, when that
 * review is on record here too, its case and recommendation id, so the two can be read together.
 */
export interface PriorRecommendation {
  review: string;
  number?: string;
  caseId?: string;
  recommendationId?: string;
}

export interface RecommendationClosedWithoutAction extends Dated {
  recommendationId: string;
  reason: string;
}

export interface NewInformationReceived extends Dated {
  source: string;
  summary: string;
  affects: 'DECISION' | 'TERMS_OF_REFERENCE' | 'REPORT' | 'ACTIONS';
}

export interface RegimeTransitioned extends Dated {
  fromRegime: Regime;
  toRegime: Regime;
  newGovernance?: string;
}

export interface CaseClosed extends Dated {
  reason: ClosureReason;
  closedBy: Person;
}

export interface CaseReopened extends Dated {
  reason: string;
}
