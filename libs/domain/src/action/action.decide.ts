import type { BusinessDate } from '../calendar';
import type { RecommendationScope } from '../case';
import { must, notBefore, notInFuture } from '../case/case.rules';
import type { Decider } from '../decider';
import type {
  ActionCommand,
  ActionCommandOf,
  PlanActionData,
  RecommendationFact,
} from './action.commands';
import type { ActionEvent, MonitoringBody } from './action.events';
import { isOnRoster, isTheLead, sameLead, unhandled } from './action.rules';
import {
  type ActionState,
  evolveAction,
  initialActionState,
  isCompleted,
  isWithdrawn,
  type PlannedAction,
} from './action.state';
import { type NormalisedTimescale, normaliseTimescale, triggerEventIn } from './timescale';

export interface ActionDeciderConfig {
  /** Who monitors an action under a recommendation of each scope (domain.md Appendix B item 1). */
  monitoringBodyByScope: Record<RecommendationScope, MonitoringBody>;
  /**
   * Who sits on each monitoring body, by name, where the partnership keeps a roster: an approval
   * sign-off or return for that body must then come from a member (domain.md §5.5). A body without one
   * takes any name but the lead's.
   */
  members?: Partial<Record<MonitoringBody, readonly string[]>>;
}

export const DEFAULT_ACTION_DECIDER_CONFIG: ActionDeciderConfig = {
  monitoringBodyByScope: {
    MULTI_AGENCY: 'EXECUTIVE',
    NATIONAL: 'EXECUTIVE',
    SINGLE_AGENCY: 'PAQA',
  },
};

const UNDATED = new Set(['CONDITIONAL', 'UNSCHEDULED', 'RETROSPECTIVE']);

/**
 * One action-plan item (domain.md §4.5, §5.5) as a pure decider. Facts about its case travel in
 * the PlanAction command; everything else it judges from its own stream.
 */
export function createActionDecider(
  config: ActionDeciderConfig = DEFAULT_ACTION_DECIDER_CONFIG,
): Decider<ActionCommand, ActionEvent, ActionState> {
  function decide(command: ActionCommand, state: ActionState): ActionEvent[] {
    notInFuture(command.data.occurredOn, command.today);
    if (command.type === 'PlanAction') return plan(command.data, state);
    must(
      state.status !== 'NOT_PLANNED',
      'action-must-be-planned',
      `${command.type}: no such action has been planned`,
    );
    if (command.type === 'RecordProgress') return recordProgress(command, state);
    must(
      !isWithdrawn(state),
      'no-change-to-withdrawn-action',
      `The action was ${state.status.toLowerCase()} on ${state.withdrawnOn}`,
    );
    if (command.type !== 'CompleteAction') {
      notBefore(command.data.occurredOn, state.plannedOn, 'no-date-before-planning', command.type);
    }
    return decideOnPlanned(command, state);
  }

  function plan(data: PlanActionData, state: ActionState): ActionEvent[] {
    must(
      state.status === 'NOT_PLANNED',
      'action-already-planned',
      `Action ${data.actionId} exists`,
    );
    // The schedule is decided below, from the explicit fields or the timescale text.
    const {
      context,
      dueDate: _dueDate,
      dueDatePrecision: _precision,
      triggerCondition: _trigger,
      triggerEvent: _triggerEvent,
      ongoing: _ongoing,
      retrospective: _retrospective,
      ...planned
    } = data;
    must(!context.caseClosed, 'no-action-on-closed-case', 'The case is closed: reopen it first');
    const scopes = scopesOf(data.recommendationIds, context.recommendations);
    must(data.lead.displayText.trim(), 'action-needs-a-lead', 'Who will chase progress?');
    must(
      data.actionText.trim() && data.desiredOutcome.trim(),
      'action-needs-text-and-outcome',
      'Say what will be done and what it is meant to achieve',
    );
    const monitoringBody = monitoringBodyFor(data, scopes);
    const schedule = scheduleOf(data, context.anchorOn);
    checkSchedule(schedule, data.occurredOn);
    const event = { ...planned, monitoringBody, ...schedule };
    return [{ type: 'ActionPlanned', data: event }];
  }

  /** Executive if any recommendation is multi-agency or national, PAQA otherwise (§4.5). */
  function monitoringBodyFor(data: PlanActionData, scopes: RecommendationScope[]): MonitoringBody {
    const bodies = scopes.map((scope) => config.monitoringBodyByScope[scope]);
    const expected: MonitoringBody = bodies.includes('EXECUTIVE') ? 'EXECUTIVE' : bodies[0];
    const body = data.monitoringBody ?? expected;
    must(
      body === expected || data.monitoringBodyReason?.trim(),
      'monitoring-body-override-needs-reason',
      `Recommendations of this scope go to ${expected}: say why ${body} monitors this action`,
    );
    return body;
  }

  function recordProgress(
    command: ActionCommandOf<'RecordProgress'>,
    s: PlannedAction,
  ): ActionEvent[] {
    must(
      !isCompleted(s) && !isWithdrawn(s),
      'no-progress-on-closed-action',
      `The action is ${s.status}`,
    );
    notBefore(command.data.occurredOn, s.plannedOn, 'no-date-before-planning', 'Progress');
    must(
      !s.progress.some((p) => p.progressId === command.data.progressId),
      'progress-id-is-new',
      `Progress ${command.data.progressId} is recorded already`,
    );
    return [{ type: 'ActionProgressRecorded', data: command.data }];
  }

  function decideOnPlanned(
    command: Exclude<ActionCommand, { type: 'PlanAction' | 'RecordProgress' }>,
    s: PlannedAction,
  ): ActionEvent[] {
    const on = command.data.occurredOn;
    switch (command.type) {
      case 'ChangeDueDate': {
        const { toDate, reason, approvedBy } = command.data;
        must(
          !isCompleted(s),
          'no-due-date-change-after-completion',
          `Completed on ${s.completedOn}`,
        );
        must(reason.trim(), 'due-date-change-needs-reason', 'A due date changes only for a reason');
        must(
          s.currentDueDate,
          'no-due-date-to-change',
          'The action has no due date yet: set one instead',
        );
        must(
          toDate !== s.currentDueDate,
          'due-date-must-change',
          `The action is due on ${toDate} already`,
        );
        notBefore(toDate, s.plannedOn, 'no-due-date-before-planning', 'Due');
        must(
          !isTheLead(approvedBy.name, s.lead),
          'lead-cannot-approve-own-due-date',
          `${approvedBy.name} leads this action: the monitoring body approves its new date`,
        );
        mustBeMember(approvedBy.name, s.monitoringBody);
        return [
          { type: 'ActionDueDateChanged', data: { ...command.data, fromDate: s.currentDueDate } },
        ];
      }
      case 'SetDueDate': {
        const { dueDate, reason, approvedBy } = command.data;
        must(
          !isCompleted(s),
          'no-due-date-change-after-completion',
          `Completed on ${s.completedOn}`,
        );
        must(
          (s.dueDatePrecision === 'CONDITIONAL' || s.dueDatePrecision === 'UNSCHEDULED') &&
            !s.currentDueDate,
          'due-date-set-only-when-unscheduled',
          s.currentDueDate
            ? `The action is due on ${s.currentDueDate}: change that date instead`
            : `A ${s.dueDatePrecision} action has no date to set`,
        );
        must(reason.trim(), 'due-date-change-needs-reason', 'Say what allows a date to be set now');
        notBefore(dueDate, s.plannedOn, 'no-due-date-before-planning', 'Due');
        must(
          !approvedBy || !isTheLead(approvedBy.name, s.lead),
          'lead-cannot-approve-own-due-date',
          `${approvedBy?.name} leads this action: the monitoring body approves its date`,
        );
        if (approvedBy) mustBeMember(approvedBy.name, s.monitoringBody);
        return [{ type: 'ActionDueDateSet', data: command.data }];
      }
      case 'ChangeLead': {
        const { toLead, reason } = command.data;
        must(reason.trim(), 'lead-change-needs-reason', 'Say why the lead changes');
        must(toLead.displayText.trim(), 'action-needs-a-lead', 'Who will chase progress?');
        must(!sameLead(toLead, s.lead), 'lead-must-change', `${toLead.displayText} leads already`);
        return [{ type: 'ActionLeadChanged', data: { ...command.data, fromLead: s.lead } }];
      }
      case 'CompleteAction':
        must(!isCompleted(s), 'action-already-completed', `Completed on ${s.completedOn}`);
        // Only an action planned as already achieved may record a completion before its plan.
        if (!s.retrospective)
          notBefore(on, s.plannedOn, 'completion-not-before-planning', 'Completed');
        notBefore(on, s.returnedOn, 'completion-not-before-return', 'Completed');
        return [{ type: 'ActionCompleted', data: command.data }];
      case 'SignOffCompletion':
        return signOff(command, s);
      case 'ReturnCompletion':
        must(
          s.status !== 'SIGNED_OFF',
          'no-return-after-sign-off',
          `Signed off on ${s.signedOffOn}`,
        );
        must(
          s.status === 'COMPLETED',
          'no-return-without-completion',
          'The action has not been completed',
        );
        must(command.data.reason.trim(), 'return-needs-reason', 'Say why it goes back');
        notBefore(on, s.completedOn, 'return-not-before-completion', 'Returned');
        mustBeMember(command.data.by.name, s.monitoringBody);
        return [{ type: 'ActionCompletionReturned', data: command.data }];
      case 'CancelAction':
        must(
          s.status !== 'SIGNED_OFF',
          'no-cancellation-after-sign-off',
          `Signed off on ${s.signedOffOn}`,
        );
        must(command.data.reason.trim(), 'cancellation-needs-reason', 'Say why it is cancelled');
        return [{ type: 'ActionCancelled', data: command.data }];
      case 'SupersedeAction':
        must(
          s.status !== 'SIGNED_OFF',
          'no-supersession-after-sign-off',
          `Signed off on ${s.signedOffOn}`,
        );
        must(command.data.reason.trim(), 'supersession-needs-reason', 'Say why it is superseded');
        must(
          command.data.supersededByActionId !== s.actionId,
          'action-cannot-supersede-itself',
          'Name the action that replaces this one',
        );
        return [{ type: 'ActionSuperseded', data: command.data }];
      default:
        return unhandled(command);
    }
  }

  function signOff(command: ActionCommandOf<'SignOffCompletion'>, s: PlannedAction): ActionEvent[] {
    const { chair, body } = command.data;
    must(s.status !== 'SIGNED_OFF', 'action-already-signed-off', `Signed off on ${s.signedOffOn}`);
    must(
      s.status === 'COMPLETED',
      'no-sign-off-without-completion',
      'The action has not been completed',
    );
    notBefore(
      command.data.occurredOn,
      s.completedOn,
      'sign-off-not-before-completion',
      'Signed off',
    );
    must(
      body === s.monitoringBody,
      'sign-off-by-monitoring-body',
      `${s.monitoringBody} monitors this action, not ${body}`,
    );
    must(
      !isTheLead(chair.name, s.lead),
      'lead-cannot-sign-off-own-action',
      `${chair.name} leads this action: the monitoring body signs it off`,
    );
    mustBeMember(chair.name, body);
    must(
      s.evidenceItems > 0 || command.data.evidenceWaivedReason?.trim(),
      'sign-off-needs-evidence',
      'No evidence has been recorded with its progress or completion: record some, or give the reason the body waives it',
    );
    return [{ type: 'ActionCompletionSignedOff', data: command.data }];
  }

  function mustBeMember(name: string, body: MonitoringBody): void {
    const roster = config.members?.[body];
    must(
      !roster || isOnRoster(name, roster),
      'approver-in-monitoring-body',
      `${name} does not sit on ${body}: its members are ${roster?.join(', ')}`,
    );
  }

  return { initialState: initialActionState, decide, evolve: evolveAction };
}

/** The scope of each recommendation the action addresses; each must exist and be open. */
function scopesOf(ids: string[], recommendations: RecommendationFact[]): RecommendationScope[] {
  must(
    ids.length > 0,
    'action-needs-a-recommendation',
    'An action addresses at least one recommendation',
  );
  return ids.map((id) => {
    const found = recommendations.find((r) => r.recommendationId === id);
    must(found, 'no-action-under-unknown-recommendation', `The case has no recommendation ${id}`);
    must(
      !found.closedWithoutAction,
      'no-action-under-closed-recommendation',
      `Recommendation ${id} was closed without action`,
    );
    return found.scope;
  });
}

/**
 * An explicit due date or precision wins; otherwise the verbatim timescale is normalised. Flags
 * given explicitly (ongoing, retrospective, a trigger) override what the text suggests.
 */
function scheduleOf(data: PlanActionData, anchorOn: BusinessDate | undefined): NormalisedTimescale {
  const given = definedOnly({
    triggerCondition: data.triggerCondition,
    triggerEvent: data.triggerEvent,
    ongoing: data.ongoing,
    retrospective: data.retrospective,
  });
  const schedule: NormalisedTimescale =
    data.dueDate !== undefined || data.dueDatePrecision !== undefined
      ? {
          ...definedOnly({ dueDate: data.dueDate }),
          dueDatePrecision: data.dueDatePrecision ?? 'DAY',
          ...given,
        }
      : {
          ...normaliseTimescale(data.timescaleText, { plannedOn: data.occurredOn, anchorOn }),
          ...given,
        };
  // A trigger given in words ("on release of the report") names its milestone as the text would.
  const named = schedule.triggerEvent ?? triggerEventIn(schedule.triggerCondition ?? '');
  return schedule.dueDatePrecision === 'CONDITIONAL' && named
    ? { ...schedule, triggerEvent: named }
    : schedule;
}

function checkSchedule(schedule: NormalisedTimescale, plannedOn: BusinessDate): void {
  const undated = UNDATED.has(schedule.dueDatePrecision);
  must(
    undated === (schedule.dueDate === undefined),
    'due-date-matches-precision',
    undated
      ? `A ${schedule.dueDatePrecision} action has no due date until one is set`
      : `A ${schedule.dueDatePrecision} timescale needs a due date`,
  );
  must(
    schedule.dueDatePrecision !== 'CONDITIONAL' || schedule.triggerCondition?.trim(),
    'conditional-action-needs-trigger',
    'Say what the due date waits for',
  );
  must(
    schedule.triggerEvent === undefined || schedule.dueDatePrecision === 'CONDITIONAL',
    'trigger-only-for-conditional-action',
    `A ${schedule.dueDatePrecision} action waits for no trigger`,
  );
  if (!schedule.retrospective)
    notBefore(schedule.dueDate ?? plannedOn, plannedOn, 'no-due-date-before-planning', 'Due');
}

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
