import { Inject, Injectable } from '@nestjs/common';
import {
  type ActionEvent,
  type ActionState,
  type CaseEvent,
  type CaseState,
  evolveAction,
  evolveCase,
  fold,
  initialActionState,
  initialCaseState,
  type PlanActionContext,
} from '@casetrail/domain';
import { EventStore } from '@casetrail/event-store';
import { ReadModelStore } from '@casetrail/projections';

/**
 * The facts one aggregate's command needs from another (domain.md §5.1: "checked against a
 * read model in the command handler"). The case and the action are folded from their own
 * streams, which are always current; open escalations and settled actions come from the
 * action_plans read model, which may lag its log by a moment.
 */
@Injectable()
export class ActionPlanFacts {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModelStore) private readonly readModels: ReadModelStore,
  ) {}

  async caseState(caseId: string): Promise<CaseState> {
    const events = await this.store.readStream(`case-${caseId}`);
    return fold(
      { initialState: initialCaseState, evolve: evolveCase },
      events.map((e) => ({ type: e.type, data: e.data }) as CaseEvent),
    );
  }

  async actionState(actionId: string): Promise<ActionState> {
    const events = await this.store.readStream(`action-${actionId}`);
    return fold(
      { initialState: initialActionState, evolve: evolveAction },
      events.map((e) => ({ type: e.type, data: e.data }) as ActionEvent),
    );
  }

  async planningContext(caseId: string): Promise<PlanActionContext> {
    const state = await this.caseState(caseId);
    if (state.status === 'NOT_REFERRED') return { caseClosed: false, recommendations: [] };
    return {
      caseClosed: state.status === 'CLOSED',
      recommendations: state.recommendations.map(
        ({ recommendationId, scope, closedWithoutAction }) => ({
          recommendationId,
          scope,
          closedWithoutAction,
        }),
      ),
      anchorOn: state.review?.publishedOn,
    };
  }

  highestOpenLevel(subjectId: string): number {
    const row = this.readModels
      .prepared(
        `SELECT MAX(level) AS level FROM escalations WHERE subject_id = ? AND status != 'RESOLVED'`,
      )
      .get(subjectId) as { level: bigint | null };
    return Number(row.level ?? 0);
  }

  /** Recommendations of a case whose actions (at least one) are all signed off, cancelled or superseded. */
  settledRecommendations(caseId: string): string[] {
    const rows = this.readModels
      .prepared(`SELECT recommendation_ids, status FROM actions WHERE case_id = ?`)
      .all(caseId) as {
      recommendation_ids: string;
      status: string;
    }[];
    const open = new Set<string>();
    const planned = new Set<string>();
    for (const row of rows) {
      for (const id of JSON.parse(row.recommendation_ids) as string[]) {
        planned.add(id);
        if (!['SIGNED_OFF', 'CANCELLED', 'SUPERSEDED'].includes(row.status)) open.add(id);
      }
    }
    return [...planned].filter((id) => !open.has(id));
  }

  openEscalations(caseId: string): number {
    const row = this.readModels
      .prepared(`SELECT COUNT(*) AS n FROM escalations WHERE case_id = ? AND status != 'RESOLVED'`)
      .get(caseId) as { n: bigint };
    return Number(row.n);
  }
}
