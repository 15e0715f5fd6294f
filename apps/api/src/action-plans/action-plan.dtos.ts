import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  DUE_DATE_PRECISIONS,
  type DueDatePrecision,
  ESCALATION_OUTCOMES,
  ESCALATION_REASONS,
  type EscalationOutcome,
  type EscalationReason,
  IMPACT_ASSESSMENTS,
  type ImpactAssessment,
  MONITORING_BODIES,
  type MonitoringBody,
  OUTCOME_MEASURE_TYPES,
  type OutcomeMeasureType,
  RAG_RATINGS,
  type RagRating,
  TRIGGER_EVENTS,
  type TriggerEvent,
} from '@casetrail/domain';
import {
  CalendarDate,
  ClientId,
  LongText,
  Nested,
  NestedList,
  OneOf,
  OptionalCalendarDate,
  OptionalLongText,
  OptionalShortText,
  ShortText,
  TextList,
} from '../cases/commands/dto-fields';
import { Dated, PersonDto } from '../cases/commands/case-command.dtos';

/* One class per action-plan or escalation command payload, mirroring the domain's events. */

export class LeadDto {
  /** The template's "Leadership" cell, verbatim. */
  @ShortText(500) displayText!: string;
  @TextList(20) persons!: string[];
  @OptionalShortText() role?: string;
  @ShortText() agency!: string;
}

export class EvidenceDto {
  @LongText() description!: string;
  @OptionalShortText(2000) link?: string;
  @IsBoolean() demonstratesImpact!: boolean;
}

export class PlanActionDto extends Dated {
  @ClientId() actionId!: string;
  /** Other recommendations the same action answers (one action, several recommendations: Child R). */
  @IsOptional() @TextList(20) alsoAddresses?: string[];
  @OptionalShortText(40) number?: string;
  @LongText() actionText!: string;
  @LongText() desiredOutcome!: string;
  @Nested(() => LeadDto) lead!: LeadDto;
  @ShortText() agency!: string;
  @IsOptional() @OneOf(MONITORING_BODIES) monitoringBody?: MonitoringBody;
  @OptionalLongText() monitoringBodyReason?: string;
  /** The template's "Timescale" cell, verbatim; normalised by the domain unless a date is given. */
  @ShortText(500) timescaleText!: string;
  @OptionalCalendarDate() dueDate?: string;
  @IsOptional() @OneOf(DUE_DATE_PRECISIONS) dueDatePrecision?: DueDatePrecision;
  @OptionalLongText() triggerCondition?: string;
  /** What a CONDITIONAL action waits for, if a milestone of the review; read from the text if not given. */
  @IsOptional() @OneOf(TRIGGER_EVENTS) triggerEvent?: TriggerEvent;
  @IsOptional() @IsBoolean() ongoing?: boolean;
  @IsOptional() @IsBoolean() retrospective?: boolean;
  @OptionalLongText() outcomeMeasure?: string;
  @IsOptional() @OneOf(OUTCOME_MEASURE_TYPES) outcomeMeasureType?: OutcomeMeasureType;
}

export class RecordProgressDto extends Dated {
  @ClientId() progressId!: string;
  @ShortText() reportedBy!: string;
  @LongText() narrative!: string;
  @OneOf(RAG_RATINGS) rag!: RagRating;
  @NestedList(() => EvidenceDto) evidence!: EvidenceDto[];
  @IsOptional() @IsInt() @Min(0) @Max(100) percentComplete?: number;
}

/** Changes a due date (with a reason and who agreed it), or sets the first one of an unscheduled action. */
export class DueDateDto extends Dated {
  @CalendarDate() dueDate!: string;
  @LongText() reason!: string;
  @IsOptional() @Nested(() => PersonDto) approvedBy?: PersonDto;
}

/** A new lead for the action, with why (staff turnover, 003 §18.14). */
export class ChangeLeadDto extends Dated {
  @Nested(() => LeadDto) toLead!: LeadDto;
  @LongText() reason!: string;
}

export class CompleteActionDto extends Dated {
  @ShortText() completedBy!: string;
  @LongText() summary!: string;
  @NestedList(() => EvidenceDto) evidence!: EvidenceDto[];
}

export class SignOffDto extends Dated {
  /** ACCEPT signs the completion off; RETURN sends it back with a reason and reopens the action. */
  @OneOf(['ACCEPT', 'RETURN']) decision!: 'ACCEPT' | 'RETURN';
  @Nested(() => PersonDto) by!: PersonDto;
  @IsOptional() @OneOf(IMPACT_ASSESSMENTS) impactAssessment?: ImpactAssessment;
  @OptionalLongText() comment?: string;
  @OptionalLongText() reason?: string;
  /** ACCEPT of an action with no evidence recorded: why the body signs it off without. */
  @OptionalLongText() evidenceWaivedReason?: string;
}

export class CancellationDto extends Dated {
  @LongText() reason!: string;
  @IsOptional() @ClientId() supersededByActionId?: string;
}

export class RaiseEscalationDto extends Dated {
  @ClientId() escalationId!: string;
  @OneOf(ESCALATION_REASONS) reason!: EscalationReason;
  @LongText() detail!: string;
  @IsInt() @Min(1) @Max(3) level!: 1 | 2 | 3;
  @OptionalShortText() addressedTo?: string;
  @Nested(() => PersonDto) raisedBy!: PersonDto;
}

export class AcknowledgeEscalationDto extends Dated {
  @Nested(() => PersonDto) by!: PersonDto;
}

export class ReferEscalationUpDto extends Dated {
  @LongText() reason!: string;
}

export class ResolveEscalationDto extends Dated {
  @OneOf(ESCALATION_OUTCOMES) outcome!: EscalationOutcome;
  @LongText() note!: string;
  @Nested(() => PersonDto) by!: PersonDto;
}
