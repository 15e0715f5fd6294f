/**
 * The controlled vocabularies of a case (domain.md §3.5, §3.6, §4). Each is a const array so
 * DTO validation and the type system share one list.
 */

export const INCIDENT_TYPES = ['DEATH', 'SERIOUS_HARM', 'OTHER'] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

export const DATE_PRECISIONS = ['DAY', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const ABUSE_OR_NEGLECT = ['KNOWN', 'SUSPECTED', 'NOT_SUSPECTED'] as const;
export type AbuseOrNeglect = (typeof ABUSE_OR_NEGLECT)[number];

export const SUBJECT_ROLES = ['SUBJECT', 'SIBLING'] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

export const AGE_BANDS = ['UNDER_1', '1_TO_5', '6_TO_10', '11_TO_15', '16_AND_OVER'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SEXES = ['FEMALE', 'MALE', 'UNKNOWN'] as const;
export type Sex = (typeof SEXES)[number];

/** The ethnic groups of the 2021 census of England and Wales (domain.md §4.1), and two answers more. */
export const ETHNICITIES = [
  'WHITE_BRITISH',
  'WHITE_IRISH',
  'WHITE_GYPSY_OR_IRISH_TRAVELLER',
  'WHITE_ROMA',
  'WHITE_OTHER',
  'MIXED_WHITE_AND_BLACK_CARIBBEAN',
  'MIXED_WHITE_AND_BLACK_AFRICAN',
  'MIXED_WHITE_AND_ASIAN',
  'MIXED_OTHER',
  'ASIAN_INDIAN',
  'ASIAN_PAKISTANI',
  'ASIAN_BANGLADESHI',
  'ASIAN_CHINESE',
  'ASIAN_OTHER',
  'BLACK_AFRICAN',
  'BLACK_CARIBBEAN',
  'BLACK_OTHER',
  'ARAB',
  'OTHER',
  'NOT_KNOWN',
  'REFUSED',
] as const;
export type Ethnicity = (typeof ETHNICITIES)[number];

/** Themes as in the annual reports (domain.md §4.1, §6.6); free extension is deliberate. */
export const THEMES = [
  'NEGLECT',
  'PHYSICAL_ABUSE',
  'EMOTIONAL_ABUSE',
  'SEXUAL_ABUSE',
  'DOMESTIC_ABUSE',
  'PARENTAL_MENTAL_HEALTH',
  'PARENTAL_SUBSTANCE_MISUSE',
  'SELF_HARM',
  'SUICIDE',
  'FAILURE_TO_THRIVE',
  'ATTACHMENT',
  'ESCALATION',
  'LEGAL_ADVICE',
  'RACE_AND_CULTURE',
  'CHILDREN_IN_CARE',
  'PLACEMENTS',
  'PEER_VIOLENCE',
  'EMOTIONAL_WELLBEING',
  'SAFE_SLEEPING',
  'EXPLOITATION',
  'EARLY_HELP',
  // The headings under which Child R's progress was reported (domain.md §7.2, seed 000).
  'COURT_ORDERS',
  'PLACEMENT_MONITORING',
  'PLACEMENT_SUFFICIENCY',
  'COMPLEX_HEALTH_NEEDS',
  'OTHER',
] as const;
export type Theme = (typeof THEMES)[number];

export const NOTIFICATION_RECIPIENTS = [
  'PANEL',
  'OFSTED',
  'DFE',
  'SECRETARY_OF_STATE',
  'LSCP',
] as const;
export type NotificationRecipient = (typeof NOTIFICATION_RECIPIENTS)[number];

export const CONSIDERING_BODIES = [
  'CRAG',
  'SCR_SUBGROUP',
  'RAPID_REVIEW_PANEL',
  'CASE_REVIEW_GROUP',
] as const;
export type ConsideringBody = (typeof CONSIDERING_BODIES)[number];

export const CONSIDERATION_OUTCOMES = [
  'RECOMMEND_REVIEW',
  'RECOMMEND_ALTERNATIVE',
  'RECOMMEND_NFA',
  'DEFER_FOR_INFORMATION',
] as const;
export type ConsiderationOutcome = (typeof CONSIDERATION_OUTCOMES)[number];

export const DEFERRAL_REASONS = [
  'AWAITING_POLICE',
  'AWAITING_FORENSICS',
  'AWAITING_INQUEST',
  'AWAITING_INFORMATION',
  'AWAITING_PARALLEL_PROCESS',
] as const;
export type DeferralReason = (typeof DEFERRAL_REASONS)[number];

/** domain.md §3.5. PENDING is not an outcome: a case without a current decision is pending. */
export const DECISION_OUTCOMES = [
  'SCR_COMMISSIONED',
  'LCSPR_COMMISSIONED',
  'ALTERNATIVE_REVIEW',
  'NO_FURTHER_ACTION',
  'REFERRED_FOR_NATIONAL_REVIEW',
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const ALTERNATIVE_REVIEW_TYPES = [
  'PARTNERSHIP_REVIEW',
  'LEARNING_REVIEW',
  'SINGLE_AGENCY_REVIEW',
  'THEMATIC',
  'JOINT_WITH_DHR_SAR',
] as const;
export type AlternativeReviewType = (typeof ALTERNATIVE_REVIEW_TYPES)[number];

export const CRITERION_RESULTS = ['MET', 'NOT_MET', 'UNKNOWN'] as const;
export type CriterionResult = (typeof CRITERION_RESULTS)[number];

export const DECIDER_ROLES = ['LSCB_CHAIR', 'SAFEGUARDING_PARTNERS', 'LSP'] as const;
export type DeciderRole = (typeof DECIDER_ROLES)[number];

export const REVISION_TRIGGERS = [
  'PANEL_CHALLENGE',
  'NEW_INFORMATION',
  'PARALLEL_PROCESS_OUTCOME',
] as const;
export type RevisionTrigger = (typeof REVISION_TRIGGERS)[number];

export const REVIEW_TYPES = [
  'SCR',
  'LCSPR',
  'PARTNERSHIP_REVIEW',
  'LEARNING_REVIEW',
  'SINGLE_AGENCY_REVIEW',
  'THEMATIC',
  'JOINT_WITH_DHR_SAR',
  'NATIONAL',
] as const;
export type ReviewType = (typeof REVIEW_TYPES)[number];

export const METHODOLOGIES = [
  'SCIE_SYSTEMS',
  'REVIEWER_LED',
  'WORKING_TOGETHER',
  'RAPID_REVIEW_ONLY',
  'OTHER',
] as const;
export type Methodology = (typeof METHODOLOGIES)[number];

export const FAMILY_INVOLVEMENT = [
  'INVITED',
  'CONTRIBUTED',
  'NO_RESPONSE',
  'DECLINED',
  'KEPT_INFORMED',
  'NOT_PURSUED',
] as const;
export type FamilyInvolvement = (typeof FAMILY_INVOLVEMENT)[number];

export const PARALLEL_PROCESS_TYPES = [
  'CRIMINAL_INVESTIGATION',
  'CRIMINAL_PROCEEDINGS',
  'INQUEST',
  'CARE_PROCEEDINGS',
  'HEALTH_AND_SAFETY_INVESTIGATION',
  'HS_PROSECUTION',
  'DISCIPLINARY',
  'COMPLAINT',
  'PROFESSIONAL_REGULATION',
  'INTERNAL_INVESTIGATION',
  'DHR',
  'SAR',
  'SOCIAL_CARE_INVESTIGATION',
  'OTHER',
] as const;
export type ParallelProcessType = (typeof PARALLEL_PROCESS_TYPES)[number];

export const PARALLEL_PROCESS_IMPACTS = [
  'DELAYS_DECISION',
  'PAUSES_REVIEW',
  'RESTRICTS_FAMILY_CONTACT',
  'RESTRICTS_INFORMATION_SHARING',
  'DELAYS_PUBLICATION',
  'CHANGES_TOR',
] as const;
export type ParallelProcessImpact = (typeof PARALLEL_PROCESS_IMPACTS)[number];

export const PAUSE_REASONS = [
  'CRIMINAL_PROCEEDINGS',
  'INQUEST',
  'HEALTH_AND_SAFETY_PROSECUTION',
  'PARALLEL_PROCESS',
  'OTHER',
] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** Why a stage finished late; the seeds' recurring reasons (domain.md §3.4), plus OTHER with detail. */
export const DELAY_REASONS = [
  'AWAITING_POLICE_INVESTIGATION_OR_TRIAL',
  'INQUEST',
  'PARALLEL_PROCESSES',
  'FAMILY_ENGAGEMENT',
  'CHANGE_OF_STAFF',
  'QUALITY_OF_AGENCY_REPORTS',
  'NEW_INFORMATION',
  'PANDEMIC_RESTRICTIONS',
  'OFFICE_CLOSURE',
  'OTHER',
] as const;
export type DelayReasonCode = (typeof DELAY_REASONS)[number];

export const REPORT_KINDS = ['SUMMARY', 'DRAFT', 'OVERVIEW'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const PUBLICATION_FORMS = [
  'FULL_REPORT',
  'EXECUTIVE_SUMMARY',
  'LEARNING_SUMMARY',
  'IMPROVEMENT_INFO_ONLY',
] as const;
export type PublicationForm = (typeof PUBLICATION_FORMS)[number];

export const PUBLICATION_DEFERRAL_REASONS = [
  'CRIMINAL_PROCEEDINGS',
  'INQUEST',
  'FAMILY_WELFARE',
  'NEW_INFORMATION',
] as const;
export type PublicationDeferralReason = (typeof PUBLICATION_DEFERRAL_REASONS)[number];

/** How the learning of a review was spread (domain.md §5.4). */
export const LEARNING_FORMATS = [
  '7_MINUTE_BRIEFING',
  'LEARNING_EVENT',
  'TRAINING',
  'NEWSLETTER',
] as const;
export type LearningFormat = (typeof LEARNING_FORMATS)[number];

export const RECOMMENDATION_SCOPES = ['MULTI_AGENCY', 'SINGLE_AGENCY', 'NATIONAL'] as const;
export type RecommendationScope = (typeof RECOMMENDATION_SCOPES)[number];

export const RECOMMENDATION_SOURCES = [
  'OVERVIEW_REPORT',
  'IMR',
  'REPEATED_FROM_PRIOR_REVIEW',
  'RAPID_REVIEW',
] as const;
export type RecommendationSource = (typeof RECOMMENDATION_SOURCES)[number];

export const CLOSURE_REASONS = [
  'NO_REVIEW',
  'REVIEW_COMPLETE_ACTIONS_SIGNED_OFF',
  'NATIONAL_REVIEW',
  'TRANSFERRED',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

/** Who a review appoints (domain.md §5.3); one person may hold two roles, each appointed. */
export const REVIEWER_ROLES = ['LEAD_REVIEWER', 'AUTHOR', 'PANEL_CHAIR'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

export const AGENCY_REPORT_TYPES = ['IMR', 'CHRONOLOGY', 'AGENCY_SUMMARY'] as const;
export type AgencyReportType = (typeof AGENCY_REPORT_TYPES)[number];

/** What an overview and scrutiny committee did with the report (domain.md §5.4). */
export const SCRUTINY_OUTCOMES = ['NOTED', 'ACCEPTED', 'REQUESTED_ACTION_PLAN_REVIEW'] as const;
export type ScrutinyOutcome = (typeof SCRUTINY_OUTCOMES)[number];

export const EVALUATORS = ['OFSTED', 'INTERNAL'] as const;
export type Evaluator = (typeof EVALUATORS)[number];

/** Ofsted's judgement of a review (004 Table 2), also used for internal quality assurance. */
export const EVALUATION_GRADES = ['OUTSTANDING', 'GOOD', 'ADEQUATE', 'INADEQUATE'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];
