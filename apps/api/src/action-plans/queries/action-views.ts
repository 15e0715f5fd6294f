import { Inject, Injectable } from '@nestjs/common';
import { type ActionStatusOn, type BusinessDate, type Lead, statusOnDay } from '@casetrail/domain';
import {
  ACTION_HISTORY_SQL,
  type ActionNarrative,
  type ActionSnapshot,
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
  monitoring_body: string;
  timescale_text: string;
  planned_on: string;
  snapshot: string;
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

/** An action with the facts of it on record on a date (in the mode's sense), in stream order. */
export interface ActionRecord {
  actionId: string;
  caseId: string;
  facts: HistoryEntry[];
}

export interface ActionFilter {
  caseId?: string;
  /** Only the actions of these cases. */
  caseIds?: readonly string[];
  agency?: string;
  lead?: string;
  monitoringBody?: string;
  /** Only these actions (a page already chosen). */
  actionIds?: readonly string[];
}

export interface OverdueRequest {
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

/**
 * Actions as they stood on a business date (domain.md §0.3 item 7, §6.0, §6.2): "effective"
 * takes every fact that had happened by then, including ones entered later; "known" only what
 * had been recorded (or was known) by then. Each action's standing is read from the status
 * periods the projection derives with the domain's rule (`statusPeriods`), so any date, in
 * either mode, is one range read and no action is derived again at query time.
 */
@Injectable()
export class ActionViews {
  constructor(@Inject(ReadModelStore) private readonly readModels: ReadModelStore) {}

  /** Every action planned by the date, with its status and RAG on it. */
  asOf(date: BusinessDate, mode: AsOfMode, filter: ActionFilter): ActionView[] {
    return this.withNarrative(date, mode, filter).map(
      ({ latestProgress: _p, completionSummary: _c, signOff: _s, withdrawnOn: _w, ...view }) =>
        view,
    );
  }

  /**
   * What was overdue on the date (§6.2), sorted and counted, with one page derived in full. The
   * set comes from the periods the projection keeps per action and mode (`overduePeriods`, the
   * §6.0 rule evaluated on the days it can change), so any date, in either mode, is a range read.
   */
  overdue(
    date: BusinessDate,
    mode: AsOfMode,
    filter: ActionFilter,
    { ascending, page, pageSize }: OverdueRequest,
  ): OverdueList {
    const { where, params } = filtered(
      ['mode = @mode', 'from_date <= @date', 'until_date > @date'],
      filter,
      'lead_text',
    );
    const from = `FROM action_overdue WHERE ${where}`;
    const all = <T>(sql: string, extra: object = {}) =>
      this.readModels.rows<T>(sql, { date, mode, ...params, ...extra });
    const pageIds = all<{ actionId: string }>(
      `SELECT action_id AS actionId ${from}
       ORDER BY due_date ${ascending ? 'DESC' : 'ASC'}, action_id LIMIT +@limit OFFSET +@offset`,
      { limit: pageSize, offset: (page - 1) * pageSize },
    ).map((row) => row.actionId);
    // One scan counts both ways: per agency and lead together, then summed each way.
    const counts = all<{ agency: string; lead: string; count: bigint }>(
      `SELECT agency, lead_text AS lead, count(*) AS count ${from} GROUP BY 1, 2`,
    );
    const ranked = (name: (row: (typeof counts)[number]) => string) =>
      [
        ...counts.reduce(
          (sums, row) => sums.set(name(row), (sums.get(name(row)) ?? 0) + Number(row.count)),
          new Map<string, number>(),
        ),
      ]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const byAgency = ranked((row) => row.agency);
    const byLead = ranked((row) => row.lead);
    const views = new Map(
      this.asOf(date, mode, { actionIds: pageIds }).map((view) => [view.actionId, view]),
    );
    return {
      items: pageIds.flatMap((id) => views.get(id) ?? []),
      total: byAgency.reduce((sum, { count }) => sum + count, 0),
      byAgency,
      byLead,
    };
  }

  /**
   * As `asOf`, each action with what its history says was done by the date (the report's
   * narrative). Without `escalations`, every action's escalation is left null, unread.
   */
  withNarrative(
    date: BusinessDate,
    mode: AsOfMode,
    filter: ActionFilter,
    { escalations: withEscalations = true } = {},
  ): (ActionView & ActionNarrative)[] {
    // The lead of the day, as the period's snapshot has it, not the action's lead now.
    const filters = filtered(
      ['mode = @mode', 'from_date <= @date', 'until_date > @date'],
      filter,
      `json_extract(snapshot, '$.lead.displayText')`,
    );
    const rows = this.readModels.rows<ActionRow>(
      // CROSS JOIN keeps actions outermost (found by case or id, or scanned in id order), each
      // then finding its period by primary key: led by the periods, SQLite read them all.
      `SELECT action_id, case_id, recommendation_ids, number, action_text, agency,
         monitoring_body, timescale_text, planned_on, snapshot
       FROM actions CROSS JOIN action_status USING (action_id)
       WHERE ${filters.where} ORDER BY action_id`,
      { date, mode, ...filters.params },
    );
    const escalations = withEscalations
      ? this.openEscalationsAsOf(
          date,
          mode,
          rows.map((row) => row.action_id),
        )
      : new Map<string, never>();
    return rows.map((row) => {
      const { status, narrative, lead } = JSON.parse(row.snapshot) as ActionSnapshot;
      return {
        actionId: row.action_id,
        caseId: row.case_id,
        recommendationIds: JSON.parse(row.recommendation_ids) as string[],
        number: row.number,
        actionText: row.action_text,
        agency: row.agency,
        lead,
        monitoringBody: row.monitoring_body,
        timescaleText: row.timescale_text,
        plannedOn: row.planned_on,
        derived: statusOnDay(status, date),
        escalation: escalations.get(row.action_id) ?? null,
        // Field by field: V8 copies a spread object by its slow path (action.state.ts).
        latestProgress: narrative.latestProgress,
        completionSummary: narrative.completionSummary,
        signOff: narrative.signOff,
        withdrawnOn: narrative.withdrawnOn,
      };
    });
  }

  /**
   * Every action planned by the date that may still have been open on it, with its facts on
   * record then. As effective, those signed off or withdrawn by the date are left unread; as
   * known, when the board learned of that is not kept here, so the caller folds the facts.
   */
  onRecord(date: BusinessDate, mode: AsOfMode, filter: ActionFilter): ActionRecord[] {
    const conditions = ['planned_on <= @date'];
    if (mode === 'effective') conditions.push('COALESCE(signed_off_on, closed_on, @after) > @date');
    const { where, params } = filtered(conditions, filter, `json_extract(lead, '$.displayText')`);
    const rows = this.readModels.rows<{ action_id: string; case_id: string; history: string }>(
      `SELECT action_id, case_id, ${ACTION_HISTORY_SQL} AS history FROM actions
       WHERE ${where} ORDER BY case_id, action_id`,
      { date, after: '9999-12-31', ...params },
    );
    return rows.flatMap((row) => {
      const facts = visible(JSON.parse(row.history) as HistoryEntry[], date, mode);
      return facts.length === 0 ? [] : [{ actionId: row.action_id, caseId: row.case_id, facts }];
    });
  }

  /** The highest open escalation per action on the date (§6.0: "highest open level on or before T"). */
  private openEscalationsAsOf(date: BusinessDate, mode: AsOfMode, actionIds: string[]) {
    const open = new Map<string, { level: number; addressedTo: string; escalationId: string }>();
    if (actionIds.length === 0) return open;
    const rows = this.readModels
      .prepared(
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

/**
 * The WHERE clause for the filters, after the conditions given, and its named parameters.
 * `leadText` is the SQL for the lead's name on the date asked about.
 */
function filtered(conditions: string[], filter: ActionFilter, leadText: string) {
  const where = [...conditions];
  const { caseId, caseIds, agency, lead, monitoringBody, actionIds } = filter;
  if (caseId) where.push('case_id = @caseId');
  if (caseIds) where.push('case_id IN (SELECT value FROM json_each(@caseIds))');
  if (agency) where.push('agency = @agency COLLATE NOCASE');
  if (monitoringBody) where.push('monitoring_body = @monitoringBody');
  if (lead) where.push(`${leadText} LIKE '%' || @lead || '%'`);
  if (actionIds) where.push('action_id IN (SELECT value FROM json_each(@actionIds))');
  return {
    where: where.join(' AND '),
    // Only the filters the clause names, so no other field of a request can bind to its names.
    params: Object.fromEntries(
      Object.entries({
        caseId,
        caseIds: caseIds && JSON.stringify(caseIds),
        agency,
        lead,
        monitoringBody,
        actionIds: actionIds && JSON.stringify(actionIds),
      }).filter(([, value]) => value),
    ),
  };
}

function visible(history: HistoryEntry[], date: BusinessDate, mode: AsOfMode): HistoryEntry[] {
  return history.filter((h) => h.occurredOn <= date && (mode === 'effective' || h.knownOn <= date));
}
