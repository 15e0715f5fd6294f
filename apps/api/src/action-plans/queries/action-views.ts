import { Inject, Injectable } from '@nestjs/common';
import {
  type ActionEvent,
  type ActionStatusOn,
  type BusinessDate,
  deriveActionStatus,
  type Lead,
} from '@casetrail/domain';
import {
  ACTION_HISTORY_SQL,
  ESCALATION_HISTORY_SQL,
  type HistoryEntry,
  ReadModelStore,
} from '@casetrail/projections';

export type AsOfMode = 'effective' | 'known';

interface ActionRow {
  action_id: string;
  case_id: string;
  recommendation_ids: string;
  number: string | null;
  action_text: string;
  agency: string;
  lead: string;
  monitoring_body: string;
  timescale_text: string;
  planned_on: string;
  history: string;
}

interface EscalationRow {
  escalation_id: string;
  subject_id: string;
  history: string;
}

export interface ActionView {
  actionId: string;
  caseId: string;
  recommendationIds: string[];
  number: string | null;
  actionText: string;
  agency: string;
  lead: Lead;
  monitoringBody: string;
  timescaleText: string;
  plannedOn: string;
  derived: ActionStatusOn;
  escalation: { level: number; addressedTo: string; escalationId: string } | null;
}

export interface ActionFilter {
  caseId?: string;
  agency?: string;
  lead?: string;
  monitoringBody?: string;
  /** Only these actions (a page already chosen). */
  actionIds?: readonly string[];
}

export interface OverdueRequest {
  /** Today in England: on that date, in effective mode, the current columns answer (see `overdue`). */
  today: BusinessDate;
  /** Most overdue first unless ascending; ties by action id. */
  ascending: boolean;
  page: number;
  pageSize: number;
}

export interface OverdueList {
  /** One page, each derived in full by the domain. */
  items: ActionView[];
  total: number;
  byAgency: { name: string; count: number }[];
  byLead: { name: string; count: number }[];
}

/** What the sorting and counting of an overdue list need of each action. */
interface OverdueEntry {
  actionId: string;
  agency: string;
  lead: string;
  currentDueDate: BusinessDate;
}

/**
 * Actions as they stood on a business date (domain.md §0.3 item 7, §6.0, §6.2), derived by the
 * domain from each action's history: "effective" takes every fact that had happened by then,
 * including ones entered later; "known" only what had been recorded (or was known) by then.
 */
@Injectable()
export class ActionViews {
  constructor(@Inject(ReadModelStore) private readonly readModels: ReadModelStore) {}

  /** @param overdueOnly keep only the actions that were OVERDUE on the date. */
  asOf(
    date: BusinessDate,
    mode: AsOfMode,
    filter: ActionFilter,
    overdueOnly = false,
  ): ActionView[] {
    return this.withHistory(date, mode, filter, overdueOnly).map(({ view }) => view);
  }

  /**
   * What was overdue on the date (§6.2), sorted and counted, with one page derived in full.
   * Today, as effective, the set comes from the current columns: no fact can be dated after
   * today, so an action is overdue now exactly when it is neither complete nor withdrawn and its
   * current due date has passed (§6.0 step by step gives the same, and a test holds the two
   * equal). Any other date, or as known, derives every candidate from its history.
   */
  overdue(
    date: BusinessDate,
    mode: AsOfMode,
    filter: ActionFilter,
    { today, ascending, page, pageSize }: OverdueRequest,
    fromCurrentColumns = date === today && mode === 'effective',
  ): OverdueList {
    const derivedViews = fromCurrentColumns ? undefined : this.asOf(date, mode, filter, true);
    const entries: OverdueEntry[] = derivedViews
      ? derivedViews.map((view) => ({
          actionId: view.actionId,
          agency: view.agency,
          lead: view.lead.displayText,
          currentDueDate: view.derived.currentDueDate!,
        }))
      : this.overdueNow(date, filter);
    const direction = ascending ? -1 : 1;
    entries.sort(
      (a, b) =>
        direction * a.currentDueDate.localeCompare(b.currentDueDate) ||
        a.actionId.localeCompare(b.actionId),
    );
    const pageIds = entries.slice((page - 1) * pageSize, page * pageSize).map((e) => e.actionId);
    const pageViews = new Map(
      (derivedViews ?? this.asOf(date, mode, { actionIds: pageIds }, true)).map((view) => [
        view.actionId,
        view,
      ]),
    );
    return {
      items: pageIds.flatMap((id) => pageViews.get(id) ?? []),
      total: entries.length,
      byAgency: countBy(entries, (e) => e.agency),
      byLead: countBy(entries, (e) => e.lead),
    };
  }

  private overdueNow(date: BusinessDate, filter: ActionFilter): OverdueEntry[] {
    const { where, params } = filtered(
      [
        'completed_on IS NULL',
        'closed_on IS NULL',
        'current_due_date < @date',
        'planned_on <= @date',
      ],
      filter,
    );
    return this.readModels.db
      .prepare(
        `SELECT action_id AS actionId, agency, json_extract(lead, '$.displayText') AS lead,
           current_due_date AS currentDueDate FROM actions WHERE ${where}`,
      )
      .all({ date, ...params }) as OverdueEntry[];
  }

  /** The same, each with the history entries it was derived from (those visible on the date). */
  withHistory(
    date: BusinessDate,
    mode: AsOfMode,
    filter: ActionFilter,
    overdueOnly = false,
  ): { view: ActionView; history: HistoryEntry[] }[] {
    const where = ['planned_on <= @date'];
    if (overdueOnly) {
      // A superset of what can have been overdue on the date, so the domain derives only those:
      // it had a due date before it, and (effective mode) was not complete or withdrawn by then.
      where.push('earliest_due_date < @date');
      if (mode === 'effective')
        where.push(
          '(completed_on IS NULL OR completed_on > @date)',
          '(closed_on IS NULL OR closed_on > @date)',
        );
    }
    const filters = filtered(where, filter);
    const rows = this.readModels.db
      .prepare(
        `SELECT *, ${ACTION_HISTORY_SQL} AS history FROM actions WHERE ${filters.where} ORDER BY action_id`,
      )
      .all({ date, ...filters.params }) as ActionRow[];
    const derivedRows = rows.flatMap((row) => {
      const history = visible(JSON.parse(row.history) as HistoryEntry[], date, mode);
      if (history.length === 0) return [];
      const derived = deriveActionStatus(
        history.map((h) => ({ type: h.type, data: h.data }) as unknown as ActionEvent),
        date,
      );
      if (derived.status === 'ABSENT') return [];
      if (overdueOnly && derived.status !== 'OVERDUE') return [];
      return [{ row, history, derived }];
    });
    const escalations = this.openEscalationsAsOf(
      date,
      mode,
      derivedRows.map(({ row }) => row.action_id),
    );
    return derivedRows.map(({ row, history, derived }) => ({
      history,
      view: {
        actionId: row.action_id,
        caseId: row.case_id,
        recommendationIds: JSON.parse(row.recommendation_ids) as string[],
        number: row.number,
        actionText: row.action_text,
        agency: row.agency,
        lead: JSON.parse(row.lead) as Lead,
        monitoringBody: row.monitoring_body,
        timescaleText: row.timescale_text,
        plannedOn: row.planned_on,
        derived,
        escalation: escalations.get(row.action_id) ?? null,
      },
    }));
  }

  /** The highest open escalation per action on the date (§6.0: "highest open level on or before T"). */
  private openEscalationsAsOf(date: BusinessDate, mode: AsOfMode, actionIds: string[]) {
    const open = new Map<string, { level: number; addressedTo: string; escalationId: string }>();
    if (actionIds.length === 0) return open;
    const rows = this.readModels.db
      .prepare(
        `SELECT escalation_id, subject_id, ${ESCALATION_HISTORY_SQL} AS history FROM escalations
         WHERE subject_id IN (SELECT value FROM json_each(?)) AND subject_kind = 'ACTION' AND raised_on <= ?`,
      )
      .all(JSON.stringify(actionIds), date) as EscalationRow[];
    for (const row of rows) {
      let current: { level: number; addressedTo: string } | undefined;
      for (const entry of visible(JSON.parse(row.history) as HistoryEntry[], date, mode)) {
        const d = entry.data as { level?: number; toLevel?: number; addressedTo?: string };
        if (entry.type === 'EscalationRaised')
          current = { level: d.level!, addressedTo: d.addressedTo! };
        if (entry.type === 'EscalationReferredUp' && current)
          current = { level: d.toLevel!, addressedTo: d.addressedTo! };
        if (entry.type === 'EscalationResolved') current = undefined;
      }
      const best = open.get(row.subject_id);
      if (current && (!best || current.level > best.level))
        open.set(row.subject_id, { ...current, escalationId: row.escalation_id });
    }
    return open;
  }
}

/** The WHERE clause for the filters, after the conditions given, and its named parameters. */
function filtered(conditions: string[], filter: ActionFilter) {
  const where = [...conditions];
  const { actionIds, ...params } = filter;
  if (filter.caseId) where.push('case_id = @caseId');
  if (filter.agency) where.push('agency = @agency COLLATE NOCASE');
  if (filter.monitoringBody) where.push('monitoring_body = @monitoringBody');
  if (filter.lead) where.push(`json_extract(lead, '$.displayText') LIKE '%' || @lead || '%'`);
  if (actionIds) where.push('action_id IN (SELECT value FROM json_each(@actionIds))');
  return {
    where: where.join(' AND '),
    params: actionIds ? { ...params, actionIds: JSON.stringify(actionIds) } : params,
  };
}

const countBy = <T>(items: T[], key: (item: T) => string) =>
  [
    ...items
      .reduce(
        (counts, item) => counts.set(key(item), (counts.get(key(item)) ?? 0) + 1),
        new Map<string, number>(),
      )
      .entries(),
  ]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

function visible(history: HistoryEntry[], date: BusinessDate, mode: AsOfMode): HistoryEntry[] {
  return history.filter((h) => h.occurredOn <= date && (mode === 'effective' || h.knownOn <= date));
}
