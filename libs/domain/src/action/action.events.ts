import type { BusinessDate } from '../calendar';
import type { DomainEvent } from '../decider';

/**
 * The facts of one action-plan item (`action-<actionId>`), the seed 003 template column by
 * column (domain.md §4.5, §5.5). Every event carries `occurredOn`, the day it happened.
 */

export const MONITORING_BODIES = ['EXECUTIVE', 'PAQA'] as const;
export type MonitoringBody = (typeof MONITORING_BODIES)[number];

/** How the template's "Timescale" column was normalised (domain.md §0.3 items 3–4). */
export const DUE_DATE_PRECISIONS = ['DAY', 'MONTH', 'DERIVED', 'CONDITIONAL', 'UNSCHEDULED', 'RETROSPECTIVE'] as const;
export type DueDatePrecision = (typeof DUE_DATE_PRECISIONS)[number];

/**
 * What a CONDITIONAL action's due date waits for, where the review's own record shows when it
 * happens, so a trigger that has passed with no due date set can be noticed (domain.md §6.7).
 */
export const TRIGGER_EVENTS = ['REVIEW_PUBLISHED', 'REPORT_SIGNED_OFF'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export const RAG_RATINGS = ['RED', 'AMBER', 'GREEN'] as const;
export type RagRating = (typeof RAG_RATINGS)[number];

export const OUTCOME_MEASURE_TYPES = ['OUTPUT', 'PROCESS', 'IMPACT_ON_PRACTICE', 'IMPACT_ON_CHILDREN'] as const;
export type OutcomeMeasureType = (typeof OUTCOME_MEASURE_TYPES)[number];

export const IMPACT_ASSESSMENTS = ['IMPACT_EVIDENCED', 'OUTPUT_ONLY', 'NOT_YET_MEASURABLE'] as const;
export type ImpactAssessment = (typeof IMPACT_ASSESSMENTS)[number];

export interface Lead {
  /** Verbatim from the template ("Carolyn Corbett, Professional Lead Safeguarding Children …"). */
  displayText: string;
  persons: string[];
  role?: string;
  agency: string;
}

export interface Approver {
  name: string;
  role: string;
}

export interface EvidenceReference {
  description: string;
  link?: string;
  demonstratesImpact: boolean;
}

interface Dated {
  occurredOn: BusinessDate;
}

export type ActionEvent =
  | DomainEvent<'ActionPlanned', ActionPlanned>
  | DomainEvent<'ActionProgressRecorded', ActionProgressRecorded>
  | DomainEvent<'ActionDueDateChanged', ActionDueDateChanged>
  | DomainEvent<'ActionDueDateSet', ActionDueDateSet>
  | DomainEvent<'ActionLeadChanged', ActionLeadChanged>
  | DomainEvent<'ActionCompleted', ActionCompleted>
  | DomainEvent<'ActionCompletionSignedOff', ActionCompletionSignedOff>
  | DomainEvent<'ActionCompletionReturned', ActionCompletionReturned>
  | DomainEvent<'ActionCancelled', ActionCancelled>
  | DomainEvent<'ActionSuperseded', ActionSuperseded>;

export type ActionEventType = ActionEvent['type'];

export interface ActionPlanned extends Dated {
  actionId: string;
  caseId: string;
  /** One action may address several recommendations (Child R), at least one. */
  recommendationIds: string[];
  number?: string;
  actionText: string;
  desiredOutcome: string;
  lead: Lead;
  agency: string;
  monitoringBody: MonitoringBody;
  /** Required when the body differs from the recommendation scope's default (§5.5). */
  monitoringBodyReason?: string;
  /** The template's "Timescale" cell, verbatim ("By September 2015", "Dependent on release of report"). */
  timescaleText: string;
  dueDate?: BusinessDate;
  dueDatePrecision: DueDatePrecision;
  triggerCondition?: string;
  /** The review milestone the trigger names, if it names one ("Dependent on release of report"). */
  triggerEvent?: TriggerEvent;
  ongoing?: boolean;
  retrospective?: boolean;
  outcomeMeasure?: string;
  outcomeMeasureType?: OutcomeMeasureType;
}

export interface ActionProgressRecorded extends Dated {
  progressId: string;
  reportedBy: string;
  narrative: string;
  rag: RagRating;
  evidence: EvidenceReference[];
  percentComplete?: number;
}

export interface ActionDueDateChanged extends Dated {
  fromDate: BusinessDate;
  toDate: BusinessDate;
  reason: string;
  approvedBy: Approver;
}

/** A CONDITIONAL or UNSCHEDULED action gets its first due date (B1-A15 on publication). */
export interface ActionDueDateSet extends Dated {
  dueDate: BusinessDate;
  reason: string;
  approvedBy?: Approver;
}

export interface ActionLeadChanged extends Dated {
  /** Who led it until now, as the decider found it. */
  fromLead: Lead;
  toLead: Lead;
  reason: string;
}

export interface ActionCompleted extends Dated {
  completedBy: string;
  summary: string;
  evidence: EvidenceReference[];
}

export interface ActionCompletionSignedOff extends Dated {
  body: MonitoringBody;
  chair: Approver;
  impactAssessment: ImpactAssessment;
  comment?: string;
  /**
   * Why the body signs off an action that has no evidence recorded with its progress or
   * completion (domain.md §5.5: at least one evidence item, or a recorded waiver reason).
   */
  evidenceWaivedReason?: string;
}

/** The monitoring body sends a completion back; the action is open again. */
export interface ActionCompletionReturned extends Dated {
  by: Approver;
  reason: string;
}

export interface ActionCancelled extends Dated {
  reason: string;
}

export interface ActionSuperseded extends Dated {
  reason: string;
  supersededByActionId: string;
}
