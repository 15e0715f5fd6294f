import type { BusinessDate } from '../calendar';
import type { EveryField } from '../decider';
import { unhandled } from './action.rules';
import type {
  ActionEvent,
  ActionPlanned,
  Approver,
  DueDatePrecision,
  Lead,
  MonitoringBody,
  OutcomeMeasureType,
  RagRating,
  TriggerEvent,
} from './action.events';

/** domain.md §5.5. A returned completion goes back to IN_PROGRESS. */
export const ACTION_STATUSES = [
  'PLANNED',
  'IN_PROGRESS',
  'COMPLETED',
  'SIGNED_OFF',
  'CANCELLED',
  'SUPERSEDED',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface DueDateEntry {
  /** SET gives an unscheduled action its first date; only CHANGED counts as slippage. */
  kind: 'SET' | 'CHANGED';
  on: BusinessDate;
  from?: BusinessDate;
  to: BusinessDate;
  reason: string;
  approvedBy?: Approver;
}

export interface ProgressEntry {
  progressId: string;
  reportedOn: BusinessDate;
  reportedBy: string;
  rag: RagRating;
}

export interface PlannedAction {
  status: ActionStatus;
  actionId: string;
  caseId: string;
  recommendationIds: string[];
  lead: Lead;
  agency: string;
  monitoringBody: MonitoringBody;
  plannedOn: BusinessDate;
  timescaleText: string;
  dueDatePrecision: DueDatePrecision;
  triggerCondition?: string;
  triggerEvent?: TriggerEvent;
  ongoing: boolean;
  retrospective: boolean;
  /** How the template says success will be known; blank in some plans (both CCG rows of 003). */
  outcomeMeasure?: string;
  outcomeMeasureType?: OutcomeMeasureType;
  /** The first agreed due date; never moved, so slippage can be reported against it. */
  originalDueDate?: BusinessDate;
  currentDueDate?: BusinessDate;
  dueDateHistory: DueDateEntry[];
  dueDateChangeCount: number;
  progress: ProgressEntry[];
  /** Evidence items recorded with its progress updates and completions, returned ones included. */
  evidenceItems: number;
  completedOn?: BusinessDate;
  signedOffOn?: BusinessDate;
  /** The latest return of a completion: a new completion cannot predate it. */
  returnedOn?: BusinessDate;
  /** When it was cancelled or superseded. */
  withdrawnOn?: BusinessDate;
  supersededByActionId?: string;
}

export type ActionState = { status: 'NOT_PLANNED' } | PlannedAction;

export const initialActionState = (): ActionState => ({ status: 'NOT_PLANNED' });

export const isCompleted = (s: PlannedAction): boolean =>
  s.status === 'COMPLETED' || s.status === 'SIGNED_OFF';

export const isWithdrawn = (s: PlannedAction): boolean =>
  s.status === 'CANCELLED' || s.status === 'SUPERSEDED';

/**
 * The state after an event starts as a copy made field by field (see EveryField), and every
 * planned state has every field: a fold spreading the state took most of the as-of replay of a
 * case with 50 actions.
 */
function copyOf(s: PlannedAction): EveryField<PlannedAction> {
  return {
    status: s.status,
    actionId: s.actionId,
    caseId: s.caseId,
    recommendationIds: s.recommendationIds,
    lead: s.lead,
    agency: s.agency,
    monitoringBody: s.monitoringBody,
    plannedOn: s.plannedOn,
    timescaleText: s.timescaleText,
    dueDatePrecision: s.dueDatePrecision,
    triggerCondition: s.triggerCondition,
    triggerEvent: s.triggerEvent,
    ongoing: s.ongoing,
    retrospective: s.retrospective,
    outcomeMeasure: s.outcomeMeasure,
    outcomeMeasureType: s.outcomeMeasureType,
    originalDueDate: s.originalDueDate,
    currentDueDate: s.currentDueDate,
    dueDateHistory: s.dueDateHistory,
    dueDateChangeCount: s.dueDateChangeCount,
    progress: s.progress,
    evidenceItems: s.evidenceItems,
    completedOn: s.completedOn,
    signedOffOn: s.signedOffOn,
    returnedOn: s.returnedOn,
    withdrawnOn: s.withdrawnOn,
    supersededByActionId: s.supersededByActionId,
  };
}

/** The state after an event: a copy of the one before with the event's changes. */
const changed = (s: PlannedAction, changes: Partial<PlannedAction>): PlannedAction =>
  Object.assign(copyOf(s), changes);

function planned(data: ActionPlanned): PlannedAction {
  return {
    status: 'PLANNED',
    actionId: data.actionId,
    caseId: data.caseId,
    recommendationIds: data.recommendationIds,
    lead: data.lead,
    agency: data.agency,
    monitoringBody: data.monitoringBody,
    plannedOn: data.occurredOn,
    timescaleText: data.timescaleText,
    dueDatePrecision: data.dueDatePrecision,
    triggerCondition: data.triggerCondition,
    triggerEvent: data.triggerEvent,
    ongoing: data.ongoing ?? false,
    retrospective: data.retrospective ?? false,
    outcomeMeasure: data.outcomeMeasure,
    outcomeMeasureType: data.outcomeMeasureType,
    originalDueDate: data.dueDate,
    currentDueDate: data.dueDate,
    dueDateHistory: [],
    dueDateChangeCount: 0,
    progress: [],
    evidenceItems: 0,
    completedOn: undefined,
    signedOffOn: undefined,
    returnedOn: undefined,
    withdrawnOn: undefined,
    supersededByActionId: undefined,
  } satisfies EveryField<PlannedAction>;
}

/**
 * Evolve folds whatever the log holds: an event written by another tool (a migration, the
 * benchmark's generator) may carry no evidence list, and must not stop a projection.
 */
const itemsIn = (evidence: readonly unknown[] | undefined): number => evidence?.length ?? 0;

/** Folds one event into the state. Only facts: every check happened in `decide`. */
export function evolveAction(state: ActionState, event: ActionEvent): ActionState {
  if (event.type === 'ActionPlanned') return planned(event.data);
  if (state.status === 'NOT_PLANNED') return state;
  const on = event.data.occurredOn;
  switch (event.type) {
    case 'ActionProgressRecorded': {
      const { progressId, reportedBy, rag, evidence } = event.data;
      return changed(state, {
        status: state.status === 'PLANNED' ? 'IN_PROGRESS' : state.status,
        progress: [...state.progress, { progressId, reportedOn: on, reportedBy, rag }],
        evidenceItems: state.evidenceItems + itemsIn(evidence),
      });
    }
    case 'ActionDueDateChanged': {
      const { fromDate, toDate, reason, approvedBy } = event.data;
      return changed(state, {
        currentDueDate: toDate,
        dueDateHistory: [
          ...state.dueDateHistory,
          { kind: 'CHANGED', on, from: fromDate, to: toDate, reason, approvedBy },
        ],
        dueDateChangeCount: state.dueDateChangeCount + 1,
      });
    }
    case 'ActionDueDateSet': {
      const { dueDate, reason, approvedBy } = event.data;
      return changed(state, {
        originalDueDate: state.originalDueDate ?? dueDate,
        currentDueDate: dueDate,
        dueDateHistory: [
          ...state.dueDateHistory,
          { kind: 'SET', on, to: dueDate, reason, ...(approvedBy && { approvedBy }) },
        ],
      });
    }
    case 'ActionLeadChanged':
      return changed(state, { lead: event.data.toLead });
    case 'ActionCompleted':
      return changed(state, {
        status: 'COMPLETED',
        completedOn: on,
        evidenceItems: state.evidenceItems + itemsIn(event.data.evidence),
      });
    case 'ActionCompletionSignedOff':
      return changed(state, { status: 'SIGNED_OFF', signedOffOn: on });
    case 'ActionCompletionReturned':
      return changed(state, { status: 'IN_PROGRESS', completedOn: undefined, returnedOn: on });
    case 'ActionCancelled':
      return changed(state, { status: 'CANCELLED', withdrawnOn: on });
    case 'ActionSuperseded':
      return changed(state, {
        status: 'SUPERSEDED',
        withdrawnOn: on,
        supersededByActionId: event.data.supersededByActionId,
      });
    default:
      return unhandled(event);
  }
}
