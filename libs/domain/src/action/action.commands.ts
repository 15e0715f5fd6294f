import type { BusinessDate } from '../calendar';
import type { RecommendationScope } from '../case';
import type * as E from './action.events';

/**
 * What a user asks of one action-plan item. Like the case's commands, each carries `today` (the
 * date in Europe/London when the request arrived) and its payload in `data`; fields the decider
 * derives (the normalised due date, the date a due date changes from) are optional or left out.
 */

type Command<Type extends string, Data> = { type: Type; today: BusinessDate; data: Data };

/** A recommendation of the action's case, as the case read model shows it to the handler. */
export interface RecommendationFact {
  recommendationId: string;
  scope: RecommendationScope;
  closedWithoutAction: boolean;
}

/**
 * Facts about the case the action belongs to. Recommendations live in the case stream and the
 * action in its own (domain.md §5.1), so the handler looks these up and the decider judges them.
 */
export interface PlanActionContext {
  caseClosed: boolean;
  recommendations: RecommendationFact[];
  /** The date a relative timescale counts from: the review's publication (§0.3 item 4). */
  anchorOn?: BusinessDate;
}

/**
 * Either the due date and its precision are given, or only the verbatim timescale text, which
 * the decider normalises. The monitoring body defaults from the recommendations' scope.
 */
export type PlanActionData = Omit<E.ActionPlanned, 'monitoringBody' | 'dueDatePrecision'> & {
  monitoringBody?: E.MonitoringBody;
  dueDatePrecision?: E.DueDatePrecision;
  context: PlanActionContext;
};

export type ActionCommand =
  | Command<'PlanAction', PlanActionData>
  | Command<'RecordProgress', E.ActionProgressRecorded>
  | Command<'ChangeDueDate', Omit<E.ActionDueDateChanged, 'fromDate'>>
  | Command<'SetDueDate', E.ActionDueDateSet>
  | Command<'ChangeLead', Omit<E.ActionLeadChanged, 'fromLead'>>
  | Command<'CompleteAction', E.ActionCompleted>
  | Command<'SignOffCompletion', E.ActionCompletionSignedOff>
  | Command<'ReturnCompletion', E.ActionCompletionReturned>
  | Command<'CancelAction', E.ActionCancelled>
  | Command<'SupersedeAction', E.ActionSuperseded>;

export type ActionCommandType = ActionCommand['type'];
export type ActionCommandOf<T extends ActionCommandType> = Extract<ActionCommand, { type: T }>;
