import { IsBoolean, IsInt, IsOptional, Max, Min, ArrayMinSize, Matches } from 'class-validator';
import {
  ABUSE_OR_NEGLECT,
  AGE_BANDS,
  AGENCY_REPORT_TYPES,
  type AgencyReportType,
  ALTERNATIVE_REVIEW_TYPES,
  type AbuseOrNeglect,
  type AgeBand,
  type AlternativeReviewType,
  CLOSURE_REASONS,
  CONSIDERATION_OUTCOMES,
  CONSIDERING_BODIES,
  CRITERION_RESULTS,
  type ClosureReason,
  type ConsiderationOutcome,
  type ConsideringBody,
  type CriterionResult,
  DATE_PRECISIONS,
  DECIDER_ROLES,
  DECISION_OUTCOMES,
  DEFERRAL_REASONS,
  DELAY_REASONS,
  type DatePrecision,
  type DeciderRole,
  type DecisionOutcome,
  type DeferralReason,
  type DelayReasonCode,
  type Ethnicity,
  ETHNICITIES,
  EVALUATION_GRADES,
  EVALUATORS,
  type EvaluationGrade,
  type Evaluator,
  FAMILY_INVOLVEMENT,
  type FamilyInvolvement,
  INCIDENT_TYPES,
  type IncidentType,
  METHODOLOGIES,
  type Methodology,
  NOTIFICATION_RECIPIENTS,
  type NotificationRecipient,
  PARALLEL_PROCESS_IMPACTS,
  PARALLEL_PROCESS_TYPES,
  PAUSE_REASONS,
  PUBLICATION_DEFERRAL_REASONS,
  LEARNING_FORMATS,
  type LearningFormat,
  PUBLICATION_FORMS,
  type ParallelProcessImpact,
  type ParallelProcessType,
  type PauseReason,
  type PublicationDeferralReason,
  type PublicationForm,
  RECOMMENDATION_SCOPES,
  RECOMMENDATION_SOURCES,
  REGIMES,
  REPORT_KINDS,
  REVIEW_TYPES,
  REVIEWER_ROLES,
  REVISION_TRIGGERS,
  type RecommendationScope,
  type RecommendationSource,
  type Regime,
  type ReportKind,
  type ReviewerRole,
  type ReviewType,
  type RevisionTrigger,
  SCRUTINY_OUTCOMES,
  type ScrutinyOutcome,
  SEXES,
  SUBJECT_ROLES,
  type Sex,
  type SubjectRole,
  THEMES,
  type Theme,
} from '@casetrail/domain';
import {
  CalendarDate,
  ClientId,
  ListOf,
  LongText,
  Nested,
  NestedList,
  OneOf,
  OptionalCalendarDate,
  OptionalLongText,
  OptionalShortText,
  ShortText,
  TextList,
} from './dto-fields';

/*
 * One class per command payload. Every fact is dated by `occurredOn`, the day it happened
 * (domain.md §0.3); deadlines and lateness are computed by the domain, never sent.
 */

/** Every command payload: the business date the fact happened (domain.md §0.3). */
export class Dated {
  @CalendarDate() occurredOn!: string;
}

export class PersonDto {
  @ShortText() name!: string;
  @ShortText() role!: string;
}

export class DeciderDto {
  @ShortText() name!: string;
  @OneOf(DECIDER_ROLES) role!: DeciderRole;
}

export class DelayReasonDto {
  @OneOf(DELAY_REASONS) code!: DelayReasonCode;
  @LongText() detail!: string;
}

class MaybeLate extends Dated {
  @IsOptional() @Nested(() => DelayReasonDto) reasonForDelay?: DelayReasonDto;
}

export class SubjectDto {
  @ShortText(60) pseudonym!: string;
  @OneOf(SUBJECT_ROLES) role!: SubjectRole;
  @IsOptional() @IsInt() @Min(0) @Max(25) ageAtIncident?: number;
  @IsOptional() @OneOf(AGE_BANDS) ageBand?: AgeBand;
  @IsOptional() @OneOf(SEXES) sex?: Sex;
  @IsOptional() @OneOf(ETHNICITIES) ethnicity?: Ethnicity;
  @IsOptional() @IsBoolean() disability?: boolean;
  @IsOptional() @IsBoolean() knownToCsc?: boolean;
  @IsOptional() @IsBoolean() childInNeed?: boolean;
  @IsOptional() @IsBoolean() childProtectionPlan?: boolean;
  @IsOptional() @IsBoolean() lookedAfter?: boolean;
  @IsOptional() @IsBoolean() teenageParent?: boolean;
}

export class IncidentDto {
  @OneOf(INCIDENT_TYPES) type!: IncidentType;
  @OptionalCalendarDate() date?: string;
  @OneOf(DATE_PRECISIONS) datePrecision!: DatePrecision;
  @OptionalLongText() description?: string;
  @IsOptional() @IsBoolean() suspectedSuicide?: boolean;
}

export class ReferCaseDto extends Dated {
  /** Optional: a case id of the client's choosing; otherwise derived from the Idempotency-Key. */
  @IsOptional() @ClientId() caseId?: string;
  @ShortText(60) caseRef!: string;
  @IsOptional() @OneOf(REGIMES) regime?: Regime;
  @ShortText() referringAgency!: string;
  @IsOptional() @Nested(() => PersonDto) referrer?: PersonDto;
  @NestedList(() => SubjectDto, 20) @ArrayMinSize(1) subjects!: SubjectDto[];
  @Nested(() => IncidentDto) incident!: IncidentDto;
  @CalendarDate() becameAwareOn!: string;
  @OneOf(ABUSE_OR_NEGLECT) abuseOrNeglect!: AbuseOrNeglect;
  @ListOf(THEMES) themes!: Theme[];
  @LongText() summary!: string;
}

export class NotifySeriousIncidentDto extends MaybeLate {
  @CalendarDate() becameAwareOn!: string;
  @ListOf(NOTIFICATION_RECIPIENTS) @ArrayMinSize(1) notifiedTo!: NotificationRecipient[];
}

export class ConsiderReferralDto extends Dated {
  @OneOf(CONSIDERING_BODIES) body!: ConsideringBody;
  @OneOf(CONSIDERATION_OUTCOMES) outcome!: ConsiderationOutcome;
  @OptionalLongText() notes?: string;
}

export class DeferDecisionDto extends Dated {
  @OneOf(DEFERRAL_REASONS) reason!: DeferralReason;
  @LongText() detail!: string;
  @OptionalCalendarDate() nextConsiderationOn?: string;
}

export class StartRapidReviewDto extends Dated {}

export class CompleteRapidReviewDto extends MaybeLate {
  @OneOf(CONSIDERATION_OUTCOMES) recommendation!: ConsiderationOutcome;
  @OptionalCalendarDate() submittedToPanelOn?: string;
  @OptionalLongText() learning?: string;
}

export class RecommendDecisionDto extends Dated {
  @OneOf(DECISION_OUTCOMES) recommendedOutcome!: DecisionOutcome;
  @LongText() rationale!: string;
  @Nested(() => PersonDto) recommendedBy!: PersonDto;
}

export class CriterionDto {
  @ShortText(500) criterion!: string;
  @OneOf(CRITERION_RESULTS) result!: CriterionResult;
  @OptionalLongText() evidence?: string;
}

export class RecordDecisionDto extends MaybeLate {
  @ClientId() decisionId!: string;
  @OneOf(DECISION_OUTCOMES) outcome!: DecisionOutcome;
  @IsOptional() @OneOf(ALTERNATIVE_REVIEW_TYPES) alternativeReviewType?: AlternativeReviewType;
  @IsBoolean() criteriaMet!: boolean;
  @NestedList(() => CriterionDto) criteriaApplied!: CriterionDto[];
  @LongText() rationale!: string;
  @Nested(() => DeciderDto) decidedBy!: DeciderDto;
  @IsOptional() @Nested(() => PersonDto) endorsedBy?: PersonDto;
}

export class NotifyNationalPanelDto extends Dated {
  @IsOptional() @ClientId() decisionId?: string;
  @ListOf(NOTIFICATION_RECIPIENTS) @ArrayMinSize(1) recipients!: NotificationRecipient[];
}

export class RecordPanelResponseDto extends Dated {
  @ClientId() decisionId!: string;
  @IsBoolean() agreesWithDecision!: boolean;
  @LongText() comments!: string;
}

export class ContestDecisionDto extends Dated {
  @ClientId() decisionId!: string;
  @OneOf(['NATIONAL_PANEL', 'OTHER']) contestedBy!: 'NATIONAL_PANEL' | 'OTHER';
  @LongText() grounds!: string;
}

export class ReaffirmDecisionDto extends Dated {
  @ClientId() decisionId!: string;
  @Nested(() => PersonDto) by!: PersonDto;
  @LongText() rationale!: string;
}

export class ReviseDecisionDto extends Dated {
  @ClientId() decisionId!: string;
  @ClientId() supersedesDecisionId!: string;
  @OneOf(DECISION_OUTCOMES) outcome!: DecisionOutcome;
  @IsOptional() @OneOf(ALTERNATIVE_REVIEW_TYPES) alternativeReviewType?: AlternativeReviewType;
  @IsBoolean() criteriaMet!: boolean;
  @LongText() rationale!: string;
  @LongText() reason!: string;
  @OneOf(REVISION_TRIGGERS) trigger!: RevisionTrigger;
  @Nested(() => DeciderDto) decidedBy!: DeciderDto;
}

export class RecordParallelProcessDto extends Dated {
  @ClientId() processId!: string;
  @OneOf(PARALLEL_PROCESS_TYPES) processType!: ParallelProcessType;
  @ShortText() leadAgency!: string;
  @ListOf(PARALLEL_PROCESS_IMPACTS) impact!: ParallelProcessImpact[];
  @OptionalShortText() reference?: string;
}

export class ConcludeParallelProcessDto extends Dated {
  @LongText() outcome!: string;
}

export class CommissionReviewDto extends Dated {
  @ClientId() reviewId!: string;
  @OneOf(REVIEW_TYPES) reviewType!: ReviewType;
  @OneOf(METHODOLOGIES) methodology!: Methodology;
  @IsOptional() @Nested(() => PersonDto) leadReviewer?: PersonDto;
  @OptionalCalendarDate() periodFrom?: string;
  @OptionalCalendarDate() periodTo?: string;
  @TextList() agenciesAsked!: string[];
  @IsBoolean() familyInvolvementPlanned!: boolean;
}

export class PauseReviewDto extends Dated {
  @OneOf(PAUSE_REASONS) reason!: PauseReason;
  @LongText() detail!: string;
  @TextList() parallelProcessIds!: string[];
  @OptionalCalendarDate() expectedResumeBy?: string;
}

export class ResumeReviewDto extends Dated {
  @LongText() reason!: string;
}

export class ExtendReviewTimescaleDto extends Dated {
  @CalendarDate() newTargetOn!: string;
  @LongText() reason!: string;
  @Nested(() => PersonDto) approvedBy!: PersonDto;
}

export class AppointReviewerDto extends Dated {
  @OneOf(REVIEWER_ROLES) role!: ReviewerRole;
  @ShortText() name!: string;
  @ShortText() organisation!: string;
  /** Required for an SCR or LCSPR: why the reviewer is independent of the agencies involved. */
  @OptionalLongText() independenceStatement?: string;
}

export class AgreeTermsOfReferenceDto extends Dated {
  @CalendarDate() periodFrom!: string;
  @CalendarDate() periodTo!: string;
  /** Key issues or key lines of enquiry, verbatim. */
  @TextList(50, 2000) keyIssues!: string[];
}

export class RecordAgencyReportDeclinedDto extends Dated {
  @ShortText() agency!: string;
  @OneOf(AGENCY_REPORT_TYPES) reportType!: AgencyReportType;
  @LongText() reason!: string;
}

export class AgencyAttendanceDto {
  @ShortText() agency!: string;
  @IsInt() @Min(1) @Max(10_000) count!: number;
}

export class RecordPractitionerEventDto extends Dated {
  @IsOptional() @NestedList(() => AgencyAttendanceDto) attendees?: AgencyAttendanceDto[];
  @OptionalLongText() notes?: string;
}

export class IdentifyLearningDto extends Dated {
  @LongText() learning!: string;
  @TextList(50, 2000) immediateActions!: string[];
}

const HTTP_URL = /^https?:\/\/\S{1,2000}$/;

export class DisseminateLearningDto extends Dated {
  @OneOf(LEARNING_FORMATS) format!: LearningFormat;
  @ShortText() audience!: string;
  @IsOptional() @IsInt() @Min(0) @Max(100_000) attendance?: number;
  @ListOf(THEMES) themes!: Theme[];
  @IsOptional() @Matches(HTTP_URL, { message: 'link must be an http(s) URL' }) link?: string;
}

export class RecordFamilyInvolvementDto extends Dated {
  @OneOf(FAMILY_INVOLVEMENT) involvement!: FamilyInvolvement;
  @ShortText(60) familyMemberRole!: string;
  @OptionalShortText() method?: string;
  @OptionalLongText() reason?: string;
}

export class CompleteReportDto extends Dated {
  @OneOf(REPORT_KINDS) kind!: ReportKind;
  @OptionalShortText() author?: string;
  @OptionalShortText(40) version?: string;
  @OptionalLongText() revisionReason?: string;
}

export class SignOffReportDto extends MaybeLate {
  @ShortText() by!: string;
}

export class NotifyPanelOfPublicationDto extends Dated {
  @ListOf(NOTIFICATION_RECIPIENTS) @ArrayMinSize(1) recipients!: NotificationRecipient[];
  @CalendarDate() plannedPublicationOn!: string;
}

export class DeferPublicationDto extends Dated {
  @OneOf(PUBLICATION_DEFERRAL_REASONS) reason!: PublicationDeferralReason;
  @LongText() detail!: string;
  @OptionalCalendarDate() newPlannedOn?: string;
}

export class PublishReviewDto extends MaybeLate {
  @OneOf(PUBLICATION_FORMS) form!: PublicationForm;
  @IsOptional() @Matches(HTTP_URL, { message: 'url must be an http(s) URL' }) url?: string;
  @IsOptional()
  @Matches(HTTP_URL, { message: 'learningSummaryUrl must be an http(s) URL' })
  learningSummaryUrl?: string;
}

export class WithholdPublicationDto extends Dated {
  @LongText() reason!: string;
  @OptionalCalendarDate() improvementInfoPublishedOn?: string;
}

export class PresentReportToScrutinyDto extends Dated {
  /** The committee, as it names itself (e.g. "People Overview & Scrutiny Committee"). */
  @ShortText() body!: string;
  @OneOf(SCRUTINY_OUTCOMES) outcome!: ScrutinyOutcome;
  @OptionalLongText() notes?: string;
}

export class EvaluateReviewDto extends Dated {
  @OneOf(EVALUATORS) evaluator!: Evaluator;
  @OneOf(EVALUATION_GRADES) grade!: EvaluationGrade;
  @LongText() commentary!: string;
}

export class RecordFindingDto extends Dated {
  @ClientId() findingId!: string;
  @LongText() text!: string;
  @ListOf(THEMES) themes!: Theme[];
}

export class PriorRecommendationDto {
  /** The earlier review as the report names it ("Child A SCR"). */
  @ShortText(500) review!: string;
  @OptionalShortText(40) number?: string;
  /** Where the earlier review is on record here: its case and recommendation id, both or neither. */
  @IsOptional() @ClientId() caseId?: string;
  @IsOptional() @ClientId() recommendationId?: string;
}

export class AddRecommendationDto extends Dated {
  @ClientId() recommendationId!: string;
  /** Verbatim, as the source numbers it ("1", "iv", "23.1(iii)"). */
  @ShortText(40) number!: string;
  @LongText() text!: string;
  @OneOf(RECOMMENDATION_SOURCES) source!: RecommendationSource;
  @ShortText() addressedTo!: string;
  @OneOf(RECOMMENDATION_SCOPES) scope!: RecommendationScope;
  @ListOf(THEMES) themes!: Theme[];
  @OptionalShortText(500) embeddedTimescale?: string;
  /** Required for a REPEATED_FROM_PRIOR_REVIEW recommendation: the one it repeats. */
  @IsOptional() @Nested(() => PriorRecommendationDto) repeats?: PriorRecommendationDto;
}

export class CloseRecommendationDto extends Dated {
  @LongText() reason!: string;
}

export class RecordNewInformationDto extends Dated {
  @ShortText() source!: string;
  @LongText() summary!: string;
  @OneOf(['DECISION', 'TERMS_OF_REFERENCE', 'REPORT', 'ACTIONS']) affects!:
    'DECISION' | 'TERMS_OF_REFERENCE' | 'REPORT' | 'ACTIONS';
}

export class TransitionRegimeDto extends Dated {
  @OneOf(REGIMES) toRegime!: Regime;
  @OptionalLongText() newGovernance?: string;
}

export class CloseCaseDto extends Dated {
  @OneOf(CLOSURE_REASONS) reason!: ClosureReason;
  @Nested(() => PersonDto) closedBy!: PersonDto;
}

export class ReopenCaseDto extends Dated {
  @LongText() reason!: string;
}
