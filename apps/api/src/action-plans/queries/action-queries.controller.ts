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

const countBy = (items: ActionView[], key: (view: ActionView) => string) =>
  Object.entries(
    items.reduce<Record<string, number>>(
      (counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }),
      {},
    ),
  )
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

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
    const overdue = this.views
      .asOf(asOf, query.mode ?? 'effective', query, true)
      .filter((view) => view.derived.status === 'OVERDUE')
      .sort(
        (a, b) =>
          (query.sort === 'daysOverdue' ? 1 : -1) *
            ((a.derived.daysOverdue ?? 0) - (b.derived.daysOverdue ?? 0)) ||
          a.actionId.localeCompare(b.actionId),
      );
    return {
      asOf,
      mode: query.mode ?? 'effective',
      ...page(overdue.map(overdueItem), query.page, query.pageSize),
      byAgency: countBy(overdue, (v) => v.agency),
      byLead: countBy(overdue, (v) => v.lead.displayText),
    };
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
