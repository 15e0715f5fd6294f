import type { BusinessDate } from '../calendar';
import type * as E from './escalation.events';

/**
 * What a person or the automatic escalator asks of one escalation. Each command carries `today`
 * and its payload in `data`; the addressee comes from the ladder unless one is named.
 */

type Command<Type extends string, Data> = { type: Type; today: BusinessDate; data: Data };

/**
 * Facts about the subject, from the read models: whether the action or case is still open, and
 * the highest level already open on it (0 when none), since each escalation is its own stream.
 */
export interface RaiseEscalationContext {
  subjectOpen: boolean;
  highestOpenLevel: number;
}

export type RaiseEscalationData = Omit<E.EscalationRaised, 'addressedTo'> & {
  addressedTo?: string;
  context: RaiseEscalationContext;
};

/** Always one level up: the level is derived, never chosen. */
export type ReferEscalationUpData = Omit<E.EscalationReferredUp, 'toLevel' | 'addressedTo'> & {
  addressedTo?: string;
};

export type EscalationCommand =
  | Command<'RaiseEscalation', RaiseEscalationData>
  | Command<'AcknowledgeEscalation', E.EscalationAcknowledged>
  | Command<'ReferEscalationUp', ReferEscalationUpData>
  | Command<'ResolveEscalation', E.EscalationResolved>;

export type EscalationCommandType = EscalationCommand['type'];
export type EscalationCommandOf<T extends EscalationCommandType> = Extract<
  EscalationCommand,
  { type: T }
>;
