import type { BusinessDate } from '../calendar';
import type { DomainEvent } from '../decider';
import type { Approver } from './action.events';

/**
 * An escalation is its own stream (`escalation-<escalationId>`), not part of the action or
 * case it concerns: people acknowledge and resolve it by its id, and the automatic escalator
 * raises it without contending with the agencies writing to the action (domain.md §5.6).
 */

export const ESCALATION_REASONS = ['OVERDUE', 'INSUFFICIENT_EVIDENCE', 'LEAD_UNAVAILABLE', 'PROFESSIONAL_DISAGREEMENT'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export const ESCALATION_OUTCOMES = [
  'NEW_DATE_AGREED',
  'LEAD_CHANGED',
  'ACTION_RESCOPED',
  'ACTION_COMPLETED',
  'DISAGREEMENT_RESOLVED',
  'ACCEPTED_RISK',
] as const;
export type EscalationOutcome = (typeof ESCALATION_OUTCOMES)[number];

export type EscalationLevel = 1 | 2 | 3;

export interface EscalationSubject {
  kind: 'ACTION' | 'CASE';
  /** The action id, or the case id for a case-level disagreement. */
  id: string;
  caseId: string;
}

interface Dated {
  occurredOn: BusinessDate;
}

export type EscalationEvent =
  | DomainEvent<'EscalationRaised', EscalationRaised>
  | DomainEvent<'EscalationAcknowledged', EscalationAcknowledged>
  | DomainEvent<'EscalationReferredUp', EscalationReferredUp>
  | DomainEvent<'EscalationResolved', EscalationResolved>;

export interface EscalationRaised extends Dated {
  escalationId: string;
  subject: EscalationSubject;
  reason: EscalationReason;
  detail: string;
  level: EscalationLevel;
  addressedTo: string;
  raisedBy: Approver;
  /** Raised by the automatic escalator rather than a person. */
  automatic: boolean;
  /** For an overdue action: its due date and how late it was when this was raised. */
  dueDate?: BusinessDate;
  daysOverdue?: number;
}

export interface EscalationAcknowledged extends Dated {
  by: Approver;
}

export interface EscalationReferredUp extends Dated {
  toLevel: EscalationLevel;
  addressedTo: string;
  reason: string;
  automatic: boolean;
  daysOverdue?: number;
}

export interface EscalationResolved extends Dated {
  outcome: EscalationOutcome;
  note: string;
  by: Approver;
}
