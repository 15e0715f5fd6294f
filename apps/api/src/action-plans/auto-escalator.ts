import { createHash } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import {
  addDays,
  type BusinessDate,
  daysBetween,
  type Decider,
  type EscalationCommand,
  type EscalationEvent,
  type EscalationLadder,
  type EscalationLevel,
  escalationLevelDue,
  type EscalationOutcome,
  type EscalationState,
  fold,
  maxDate,
} from '@casetrail/domain';
import { type CommandContext, EventStore, handleCommand } from '@casetrail/event-store';
import { ACTION_HISTORY_SQL, Projections, ReadModelStore } from '@casetrail/projections';
import type { Settings } from '@casetrail/settings';
import { Clock } from '../infrastructure/clock';
import { ActionPlanFacts } from './action-plan-facts';
import { ESCALATION_DECIDER, SETTINGS } from '../infrastructure/tokens';

const ESCALATION_NAMESPACE = '8d3f0c52-61b4-4a8e-b7f9-0e2c4d6a1b37';
const SYSTEM = {
  userId: 'casetrail-escalator',
  displayName: 'Automatic escalation',
  agency: 'Casetrail',
  roles: ['system'],
};
const CLOSED_STATUSES = `('COMPLETED', 'SIGNED_OFF', 'CANCELLED', 'SUPERSEDED')`;

interface OverdueRow {
  action_id: string;
  case_id: string;
  current_due_date: string;
}

interface OpenAutomaticRow {
  escalation_id: string;
  due_date: string;
  status: string;
  raised_on: string;
  current_due_date: string | null;
  completed_on: string | null;
  closed_on: string | null;
  history: string;
}

export interface EscalationRun {
  raised: number;
  referredUp: number;
  resolved: number;
}

/**
 * The process manager of issue #4: climbs the ladder for overdue actions and stands down when
 * the action is completed, re-dated or withdrawn. It reads the action_plans read model and a
 * clock, never the in-process bus, and every step it takes is a command with an id derived from
 * (action, due date, level): after a restart, a crash or a second run, the log recognises the
 * step and nothing is escalated twice. Each step is dated the day its threshold was crossed, so
 * after downtime it catches up with the dates the ladder would have had.
 */
@Injectable()
export class AutoEscalator implements OnApplicationShutdown {
  private readonly logger = new Logger('AutoEscalator');
  private timer?: NodeJS.Timeout;
  private running?: Promise<EscalationRun>;

  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModelStore) private readonly readModels: ReadModelStore,
    @Inject(Projections) private readonly projections: Projections,
    @Inject(ESCALATION_DECIDER)
    private readonly decider: Decider<EscalationCommand, EscalationEvent, EscalationState>,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly clock: Clock,
    private readonly facts: ActionPlanFacts,
  ) {}

  /** Starts the periodic passes; the service calls it once it is up (and any demo is loaded). */
  start(): void {
    const interval = this.settings.escalationIntervalMs;
    if (interval <= 0) return;
    const tick = () =>
      void this.runOnce().catch((error: unknown) => this.logger.error(String(error)));
    this.timer = setInterval(tick, interval);
    this.timer.unref();
    setImmediate(tick);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass over the overdue actions; concurrent calls share the pass in progress. */
  runOnce(): Promise<EscalationRun> {
    this.running ??= this.pass().finally(() => (this.running = undefined));
    return this.running;
  }

  private async pass(): Promise<EscalationRun> {
    // Judge the actions as the log has them, not as a lagging read model did a moment ago.
    await this.projections.waitForPosition(await this.store.headPosition(), 10_000);
    const today = this.clock.today();
    const run: EscalationRun = { raised: 0, referredUp: 0, resolved: 0 };
    await this.standDown(today, run);
    const overdue = this.readModels
      .prepared(
        `SELECT action_id, case_id, current_due_date FROM actions WHERE status NOT IN ${CLOSED_STATUSES} AND current_due_date < ?`,
      )
      .all(today) as OverdueRow[];
    for (const action of overdue)
      await this.isolated(action.action_id, () => this.climb(action, today, run));
    if (run.raised + run.referredUp + run.resolved > 0)
      this.logger.log(`Escalations: ${JSON.stringify(run)}`);
    return run;
  }

  private async climb(action: OverdueRow, today: BusinessDate, run: EscalationRun): Promise<void> {
    const ladder = this.settings.escalationLadder;
    const due = action.current_due_date;
    const target = escalationLevelDue(daysBetween(due, today), ladder);
    if (!target) return;
    const escalationId = uuidv5(`${action.action_id}|${due}`, ESCALATION_NAMESPACE);
    const state = await this.escalationState(escalationId);
    if (state.status === 'RESOLVED') return;
    let level = state.status === 'NOT_RAISED' ? 0 : state.level;
    if (level === 0) {
      const highestOpenLevel = this.facts.highestOpenLevel(action.action_id);
      const first = Math.max(1, highestOpenLevel + 1) as EscalationLevel;
      if (first > target) return;
      const threshold = thresholdOf(ladder, first);
      await this.send(escalationId, 'raise', {
        type: 'RaiseEscalation',
        today,
        data: {
          occurredOn: addDays(due, threshold),
          escalationId,
          subject: { kind: 'ACTION', id: action.action_id, caseId: action.case_id },
          reason: 'OVERDUE',
          detail: `${threshold} days overdue (due ${due})`,
          level: first,
          raisedBy: { name: SYSTEM.displayName, role: 'Automatic escalation' },
          automatic: true,
          dueDate: due,
          daysOverdue: threshold,
          context: { subjectOpen: true, highestOpenLevel },
        },
      });
      run.raised++;
      level = first;
    }
    for (let next = level + 1; next <= target; next++) {
      const threshold = thresholdOf(ladder, next as EscalationLevel);
      await this.send(escalationId, `level-${next}`, {
        type: 'ReferEscalationUp',
        today,
        data: {
          occurredOn: addDays(due, threshold),
          reason: `${threshold} days overdue (due ${due})`,
          automatic: true,
          daysOverdue: threshold,
        },
      });
      run.referredUp++;
    }
  }

  /** Open automatic escalations whose action has since been completed, re-dated or withdrawn. */
  private async standDown(today: BusinessDate, run: EscalationRun): Promise<void> {
    const rows = this.readModels
      .prepared(
        `SELECT e.escalation_id, e.due_date, e.status, e.raised_on, actions.current_due_date, actions.completed_on, actions.closed_on, ${ACTION_HISTORY_SQL} AS history
         FROM escalations e JOIN actions ON actions.action_id = e.subject_id
         WHERE e.automatic = 1 AND e.status != 'RESOLVED' AND e.subject_kind = 'ACTION'`,
      )
      .all() as OpenAutomaticRow[];
    for (const row of rows) {
      const outcome = standDownOutcome(row);
      if (!outcome) continue;
      await this.isolated(row.escalation_id, () =>
        this.send(row.escalation_id, 'resolve', {
          type: 'ResolveEscalation',
          today,
          data: {
            occurredOn: outcome.on,
            outcome: outcome.outcome,
            note: outcome.note,
            by: { name: SYSTEM.displayName, role: 'Automatic escalation' },
          },
        }),
      );
      run.resolved++;
    }
  }

  /** One action's trouble (a refused step, say) is logged and must not stop the others. */
  private async isolated(id: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.warn(
        `Escalation step for ${id} refused: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async escalationState(escalationId: string): Promise<EscalationState> {
    const events = await this.store.readStream(`escalation-${escalationId}`);
    return fold(
      this.decider,
      events.map((e) => ({ type: e.type, data: e.data }) as EscalationEvent),
    );
  }

  private async send(
    escalationId: string,
    step: string,
    command: EscalationCommand,
  ): Promise<void> {
    const commandId = uuidv5(`${escalationId}|${step}`, ESCALATION_NAMESPACE);
    const context: CommandContext = {
      commandId,
      metadata: {
        actor: SYSTEM,
        partnershipId: 'local',
        correlationId: escalationId,
        causationId: commandId,
        commandId,
        // The same step is the same request whatever day it runs on.
        requestHash: createHash('sha256').update(`${escalationId}|${step}`).digest('hex'),
      },
    };
    await handleCommand(this.store, `escalation-${escalationId}`, this.decider, command, context);
  }
}

const thresholdOf = (ladder: EscalationLadder, level: EscalationLevel): number =>
  ladder.thresholdsDays[level - 1];

/** Why an automatic escalation can stand down, dated when that happened (never before it was raised). */
function standDownOutcome(
  row: OpenAutomaticRow,
): { outcome: EscalationOutcome; on: BusinessDate; note: string } | undefined {
  const reason = standDownReason(row);
  return reason && { ...reason, on: maxDate(reason.on, row.raised_on) };
}

function standDownReason(
  row: OpenAutomaticRow,
): { outcome: EscalationOutcome; on: BusinessDate; note: string } | undefined {
  if (row.completed_on)
    return {
      outcome: 'ACTION_COMPLETED',
      on: row.completed_on,
      note: 'Resolved: the action was completed',
    };
  if (row.closed_on)
    return {
      outcome: 'ACTION_RESCOPED',
      on: row.closed_on,
      note: 'Resolved: the action was cancelled or superseded',
    };
  if (row.current_due_date !== row.due_date) {
    const history = JSON.parse(row.history) as { type: string; occurredOn: string }[];
    const redated = history.filter((h) => h.type === 'ActionDueDateChanged').at(-1);
    return {
      outcome: 'NEW_DATE_AGREED',
      on: redated?.occurredOn ?? row.due_date,
      note: `Resolved: new due date ${row.current_due_date}`,
    };
  }
  return undefined;
}
