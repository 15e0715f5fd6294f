import type { BusinessDate } from '../calendar';
import { unhandled } from './action.rules';
import type {
  EscalationEvent,
  EscalationLevel,
  EscalationOutcome,
  EscalationReason,
  EscalationSubject,
} from './escalation.events';

/** Referral up reopens the escalation: the new addressee has not acknowledged it yet. */
export const ESCALATION_STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export interface RaisedEscalation {
  status: EscalationStatus;
  escalationId: string;
  subject: EscalationSubject;
  reason: EscalationReason;
  level: EscalationLevel;
  addressedTo: string;
  raisedOn: BusinessDate;
  /** Each level it has reached, in order, with the day it got there. */
  levels: { level: EscalationLevel; addressedTo: string; since: BusinessDate }[];
  acknowledgedOn?: BusinessDate;
  resolvedOn?: BusinessDate;
  outcome?: EscalationOutcome;
}

export type EscalationState = { status: 'NOT_RAISED' } | RaisedEscalation;

export const initialEscalationState = (): EscalationState => ({ status: 'NOT_RAISED' });

/** Folds one event into the state. Only facts: every check happened in `decide`. */
export function evolveEscalation(state: EscalationState, event: EscalationEvent): EscalationState {
  if (event.type === 'EscalationRaised') {
    const { escalationId, subject, reason, level, addressedTo, occurredOn } = event.data;
    return {
      status: 'OPEN',
      escalationId,
      subject,
      reason,
      level,
      addressedTo,
      raisedOn: occurredOn,
      levels: [{ level, addressedTo, since: occurredOn }],
    };
  }
  if (state.status === 'NOT_RAISED') return state;
  const on = event.data.occurredOn;
  switch (event.type) {
    case 'EscalationAcknowledged':
      return { ...state, status: 'ACKNOWLEDGED', acknowledgedOn: on };
    case 'EscalationReferredUp': {
      const { toLevel, addressedTo } = event.data;
      return {
        ...state,
        status: 'OPEN',
        level: toLevel,
        addressedTo,
        acknowledgedOn: undefined,
        levels: [...state.levels, { level: toLevel, addressedTo, since: on }],
      };
    }
    case 'EscalationResolved':
      return { ...state, status: 'RESOLVED', resolvedOn: on, outcome: event.data.outcome };
    default:
      return unhandled(event);
  }
}
