import { Controller, Get, Query } from '@nestjs/common';
import { ReadModelConsistency } from '../../consistency/read-model-consistency';
import { InvalidInput } from '../../http/problem-details';
import { Clock } from '../../infrastructure/clock';
import { ListActionsDto, OverdueActionsDto } from './action-queries.dto';
import { type ActionView, ActionViews } from './action-views';

const page = <T>(items: T[], pageNumber = 1, pageSize = 50) => ({
  items: items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
  page: pageNumber,
  pageSize,
  total: items.length,
});

/** Managers' lists (domain.md §6.2), from the action_plans read model. */
@Controller('api/actions')
export class ActionQueriesController {
  constructor(
    private readonly views: ActionViews,
    private readonly clock: Clock,
    private readonly consistency: ReadModelConsistency,
  ) {}

  /** Every action neither complete nor withdrawn whose current due date had passed on `asOf` (due D is overdue from D+1). */
  @Get('overdue')
  async overdue(@Query() query: OverdueActionsDto) {
    await this.consistency.awaitPosition(query);
    const asOf = this.asOfDate(query.asOf);
    const mode = query.mode ?? 'effective';
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { items, total, byAgency, byLead } = this.views.overdue(asOf, mode, query, {
      ascending: query.sort === 'daysOverdue',
      page,
      pageSize,
    });
    return { asOf, mode, items: items.map(overdueItem), page, pageSize, total, byAgency, byLead };
  }

  @Get()
  async list(@Query() query: ListActionsDto) {
    await this.consistency.awaitPosition(query);
    const asOf = this.asOfDate(query.asOf);
    const mode = query.mode ?? 'effective';
    const actions = this.views.asOf(asOf, mode, query).filter((view) => {
      const { status, rag, currentDueDate } = view.derived;
      if (query.status && status !== query.status) return false;
      if (query.rag && rag !== query.rag) return false;
      if (query.dueBefore && !(currentDueDate && currentDueDate < query.dueBefore)) return false;
      if (query.dueAfter && !(currentDueDate && currentDueDate > query.dueAfter)) return false;
      return true;
    });
    return { asOf, mode, ...page(actions.map(listItem), query.page, query.pageSize) };
  }

  /** A business date, today by default; nothing can be known on a day still to come. */
  private asOfDate(asked: string | undefined): string {
    const today = this.clock.today();
    if (asked !== undefined && asked > today) {
      throw new InvalidInput([{ field: 'asOf', reason: `must not be after today (${today})` }]);
    }
    return asked ?? today;
  }
}

function listItem(view: ActionView) {
  const { derived, escalation, ...rest } = view;
  return {
    ...rest,
    ...derived,
    escalationLevel: escalation?.level ?? 0,
    escalatedTo: escalation?.addressedTo ?? null,
  };
}

function overdueItem(view: ActionView) {
  const { derived, escalation } = view;
  return {
    actionId: view.actionId,
    caseId: view.caseId,
    recommendationIds: view.recommendationIds,
    agency: view.agency,
    lead: view.lead.displayText,
    monitoringBody: view.monitoringBody,
    currentDueDate: derived.currentDueDate,
    originalDueDate: derived.originalDueDate,
    daysOverdue: derived.daysOverdue,
    dueDateChanges: derived.dueDateChangeCount,
    escalationLevel: escalation?.level ?? 0,
    escalatedTo: escalation?.addressedTo ?? null,
    lastProgressOn: derived.lastProgressOn ?? null,
    reportedRag: derived.reportedRag ?? null,
  };
}
