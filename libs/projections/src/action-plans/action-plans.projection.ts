import {
  type ActionEvent,
  type Lead,
  londonDateOf,
  statusPeriods,
  type StandingStatus,
  type StatusPeriod,
  type VisibleActionEvent,
} from '@casetrail/domain';
import type { StoredEvent } from '@casetrail/event-store';
import type { Projection } from '../projection';
import { ProjectionFailed } from '../projection-failed';
import { type ActionNarrative, narrativeOf } from './action-narrative';

/**
 * Action plans and escalations for managers (domain.md §6.2): one row per action and per
 * escalation, with the columns the lists filter on, and each one's own history (type, data,
 * the day it happened and the day the board knew it), so a past date can be answered by the
 * domain's own derivation instead of a second copy of the rules in SQL.
 */

export const ACTION_EVENT_TYPES = [
  'ActionPlanned',
  'ActionProgressRecorded',
  'ActionDueDateChanged',
  'ActionDueDateSet',
  'ActionLeadChanged',
  'ActionCompleted',
  'ActionCompletionSignedOff',
  'ActionCompletionReturned',
  'ActionCancelled',
  'ActionSuperseded',
] as const;

export const ESCALATION_EVENT_TYPES = [
  'EscalationRaised',
  'EscalationAcknowledged',
  'EscalationReferredUp',
  'EscalationResolved',
] as const;

/** One fact as the read models keep it: enough to replay it as of a date, in either mode. */
export interface HistoryEntry {
  type: string;
  data: Record<string, unknown>;
  occurredOn: string;
  /** The date the board knew it: `knownOn` for history entered afterwards, else the day it was recorded. */
  knownOn: string;
}

/**
 * SQL giving an action's history as a JSON array, in stream order, for `SELECT … AS history`.
 * Each entry is stored as JSON text, so the array is their concatenation: SQLite need not parse
 * them again (json_group_array did, and cost a third more).
 */
export const ACTION_HISTORY_SQL = `(SELECT '[' || COALESCE(group_concat(entry, ',' ORDER BY seq), '') || ']'
  FROM action_history h WHERE h.action_id = actions.action_id)`;

/** The same for an escalation (`FROM escalations`). */
export const ESCALATION_HISTORY_SQL = `(SELECT '[' || COALESCE(group_concat(entry, ',' ORDER BY seq), '') || ']'
  FROM escalation_history h WHERE h.escalation_id = escalations.escalation_id)`;

export function historyEntryOf(event: StoredEvent): HistoryEntry {
  const data = event.data as Record<string, unknown>;
  return {
    type: event.type,
    data,
    occurredOn: String(data.occurredOn),
    knownOn: event.metadata.knownOn ?? londonDateOf(event.recordedAt),
  };
}

/** An action's standing throughout one status period, as `action_status` keeps it. */
export interface ActionSnapshot {
  status: StandingStatus;
  narrative: ActionNarrative;
  /** Who led it then: a change of lead starts a period, so a past list names the lead of its day. */
  lead: Lead;
}

/** The lead in force after these facts: the plan's, or the last change's (none before the plan). */
function leadOf(entries: readonly HistoryEntry[]): Lead | undefined {
  let lead: Lead | undefined;
  for (const { type, data } of entries) {
    if (type === 'ActionPlanned') lead = data.lead as Lead;
    if (type === 'ActionLeadChanged') lead = data.toLead as Lead;
  }
  return lead;
}

/** until_date of a period still open: after any date the lists can be asked about. */
const OPEN_ENDED = '9999-12-31';

const ACTION_STATUS_AFTER: Partial<Record<string, string>> = {
  ActionPlanned: 'PLANNED',
  ActionProgressRecorded: 'IN_PROGRESS',
  ActionCompleted: 'COMPLETED',
  ActionCompletionSignedOff: 'SIGNED_OFF',
  ActionCompletionReturned: 'IN_PROGRESS',
  ActionCancelled: 'CANCELLED',
  ActionSuperseded: 'SUPERSEDED',
};

/** The two ways of reading history as of a date (§0.3 item 7): the day each fact became visible. */
const MODES = [
  ['effective', (h: HistoryEntry) => h.occurredOn],
  ['known', (h: HistoryEntry) => (h.knownOn > h.occurredOn ? h.knownOn : h.occurredOn)],
] as const;

/** A row of action_status (value: the snapshot) or action_overdue (value: the due date). */
interface PeriodRow {
  id: string;
  mode: string;
  from: string;
  until: string;
  value: string;
  /** Of an overdue period: who led the action then. */
  lead?: string;
}

/** A status period of an action's history, with the lead in force throughout it. */
type LedPeriod = StatusPeriod<VisibleActionEvent & { entry: HistoryEntry }> & {
  /** Set in every period but an ABSENT one: the action is planned. */
  lead: Lead | undefined;
};

/** The action_status rows of one mode: periods that read the same (a fact that changed nothing shown) merged. */
function snapshotRows(id: string, mode: string, periods: LedPeriod[]): PeriodRow[] {
  const rows: PeriodRow[] = [];
  let open: { from: string; value: string } | undefined;
  for (const { from, status, visible, lead } of periods) {
    const value =
      status.status === 'ABSENT'
        ? undefined
        : JSON.stringify({
            status,
            narrative: narrativeOf(
              status,
              visible.map((v) => v.entry),
            ),
            lead: lead!,
          } satisfies ActionSnapshot);
    if (value === open?.value) continue;
    if (open) rows.push({ id, mode, ...open, until: from });
    open = value === undefined ? undefined : { from, value };
  }
  if (open) rows.push({ id, mode, ...open, until: OPEN_ENDED });
  return rows;
}

/**
 * The action_overdue rows of one mode: the OVERDUE periods, joined while the due date and the
 * lead stay the same (a change of lead starts a row, so each day is counted under its lead).
 */
function overdueRows(id: string, mode: string, periods: LedPeriod[]): PeriodRow[] {
  const rows: PeriodRow[] = [];
  for (const { from, until, status, lead: ledBy } of periods) {
    if (status.status !== 'OVERDUE') continue;
    const lead = ledBy!.displayText;
    const last = rows.at(-1);
    const end = until ?? OPEN_ENDED;
    if (last && last.until === from && last.value === status.currentDueDate && last.lead === lead)
      last.until = end;
    else rows.push({ id, mode, from, until: end, value: status.currentDueDate!, lead });
  }
  return rows;
}

/** What a batch's events change in an action's row, as `updateAction` binds it. */
interface ActionRowChange {
  actionId: string;
  dueDate: unknown;
  dueDateChanges: number;
  lead: string | null;
  status: string | null;
  rag: unknown;
  progressOn: string | null;
  /** completed_on: set to completedOn, cleared by a return, or left. */
  completed: 'SET' | 'CLEARED' | 'LEFT';
  completedOn: string | null;
  signedOffOn: string | null;
  closedOn: string | null;
  version: bigint;
  position: bigint;
}

const unchanged = (actionId: string): ActionRowChange => ({
  actionId,
  dueDate: null,
  dueDateChanges: 0,
  lead: null,
  status: null,
  rag: null,
  progressOn: null,
  completed: 'LEFT',
  completedOn: null,
  signedOffOn: null,
  closedOn: null,
  version: 0n,
  position: 0n,
});

/** The change after one more event: each column as the last event that sets it left it. */
function changed(c: ActionRowChange, event: StoredEvent, entry: HistoryEntry): ActionRowChange {
  const { type } = event;
  const d = entry.data;
  const on = entry.occurredOn;
  const newDue =
    type === 'ActionDueDateChanged' ? d.toDate : type === 'ActionDueDateSet' ? d.dueDate : null;
  return {
    ...c,
    dueDate: newDue ?? c.dueDate,
    dueDateChanges: c.dueDateChanges + (type === 'ActionDueDateChanged' ? 1 : 0),
    lead: type === 'ActionLeadChanged' ? JSON.stringify(d.toLead) : c.lead,
    status: ACTION_STATUS_AFTER[type] ?? c.status,
    rag: type === 'ActionProgressRecorded' ? (d.rag ?? c.rag) : c.rag,
    progressOn: type === 'ActionProgressRecorded' ? on : c.progressOn,
    ...(type === 'ActionCompleted' && { completed: 'SET', completedOn: on }),
    ...(type === 'ActionCompletionReturned' && { completed: 'CLEARED', completedOn: null }),
    signedOffOn: type === 'ActionCompletionSignedOff' ? on : c.signedOffOn,
    closedOn: type === 'ActionCancelled' || type === 'ActionSuperseded' ? on : c.closedOn,
    version: event.version,
    position: event.position,
  };
}

/** Writes the rows of `wanted` that `existing` lacks or holds otherwise, and removes the rest. */
function sync(
  existing: PeriodRow[],
  wanted: PeriodRow[],
  put: (row: PeriodRow) => void,
  remove: (row: PeriodRow) => void,
): void {
  const stale = new Map(existing.map((row) => [`${row.mode} ${row.from}`, row]));
  for (const row of wanted) {
    const key = `${row.mode} ${row.from}`;
    const old = stale.get(key);
    stale.delete(key);
    if (old?.until !== row.until || old.value !== row.value || old.lead !== row.lead) put(row);
  }
  stale.forEach(remove);
}

export const actionPlansProjection: Projection = {
  name: 'action_plans',
  version: 9,
  handles: [...ACTION_EVENT_TYPES, ...ESCALATION_EVENT_TYPES],
  tables: [
    'actions',
    'action_history',
    'action_status',
    'action_overdue',
    'escalations',
    'escalation_history',
  ],
  createSchema: (t) => `
    CREATE TABLE ${t.actions} (
      action_id          TEXT    PRIMARY KEY,
      case_id            TEXT    NOT NULL,
      recommendation_ids TEXT    NOT NULL,
      number             TEXT,
      action_text        TEXT    NOT NULL,
      agency             TEXT    NOT NULL,
      lead               TEXT    NOT NULL,
      monitoring_body    TEXT    NOT NULL,
      timescale_text     TEXT    NOT NULL,
      due_date_precision TEXT    NOT NULL,
      planned_on         TEXT    NOT NULL,
      original_due_date  TEXT,
      current_due_date   TEXT,
      due_date_changes   INTEGER NOT NULL DEFAULT 0,
      status             TEXT    NOT NULL,
      reported_rag       TEXT,
      last_progress_on   TEXT,
      completed_on       TEXT,
      signed_off_on      TEXT,
      closed_on          TEXT,
      version            INTEGER NOT NULL,
      last_position      INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX ${t.actions}_case ON ${t.actions} (case_id);
    CREATE INDEX ${t.actions}_due ON ${t.actions} (status, current_due_date);
    -- Each action's derived status (statusPeriods, §6.0) and narrative, as effective and as
    -- known, so every action's standing on any date is read by primary key: until_date is
    -- exclusive, ${OPEN_ENDED} for the last period. The snapshot is an ActionSnapshot as JSON.
    CREATE TABLE ${t.action_status} (
      action_id  TEXT NOT NULL,
      mode       TEXT NOT NULL CHECK (mode IN ('effective', 'known')),
      from_date  TEXT NOT NULL,
      until_date TEXT NOT NULL,
      snapshot   TEXT NOT NULL,
      PRIMARY KEY (action_id, mode, from_date)
    ) WITHOUT ROWID;
    -- When each action was overdue, as effective and as known (overduePeriods, §6.0), so the
    -- overdue list on any date is a range read. until_date is exclusive; ${OPEN_ENDED} while open.
    -- The columns the lists filter and count by are copied from the action, so a list of ten
    -- thousand overdue actions is counted without a join.
    CREATE TABLE ${t.action_overdue} (
      action_id       TEXT NOT NULL,
      mode            TEXT NOT NULL CHECK (mode IN ('effective', 'known')),
      from_date       TEXT NOT NULL,
      until_date      TEXT NOT NULL,
      due_date        TEXT NOT NULL,
      case_id         TEXT NOT NULL,
      agency          TEXT NOT NULL,
      monitoring_body TEXT NOT NULL,
      lead_text       TEXT NOT NULL,
      PRIMARY KEY (action_id, mode, from_date)
    ) WITHOUT ROWID;
    -- Both cover the lists' page and counts (the key adds action_id and from_date), so a list
    -- never visits the table: with ten thousand overdue, each lookup there cost a millisecond.
    CREATE INDEX ${t.action_overdue}_on
      ON ${t.action_overdue} (mode, until_date, due_date, agency, lead_text);
    CREATE INDEX ${t.action_overdue}_agency
      ON ${t.action_overdue} (mode, agency COLLATE NOCASE, until_date, due_date, lead_text);
    CREATE INDEX ${t.action_overdue}_case ON ${t.action_overdue} (case_id);
    CREATE TABLE ${t.escalations} (
      escalation_id  TEXT    PRIMARY KEY,
      subject_kind   TEXT    NOT NULL,
      subject_id     TEXT    NOT NULL,
      case_id        TEXT    NOT NULL,
      level          INTEGER NOT NULL,
      status         TEXT    NOT NULL,
      reason         TEXT    NOT NULL,
      addressed_to   TEXT    NOT NULL,
      automatic      INTEGER NOT NULL,
      due_date       TEXT,
      raised_on      TEXT    NOT NULL,
      resolved_on    TEXT,
      version        INTEGER NOT NULL,
      last_position  INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX ${t.escalations}_subject ON ${t.escalations} (subject_id, status);
    CREATE INDEX ${t.escalations}_case ON ${t.escalations} (case_id);
    -- One row per fact, appended: a stream's history grows by an insert, never by a rewrite.
    CREATE TABLE ${t.action_history} (
      action_id TEXT    NOT NULL,
      seq       INTEGER NOT NULL,
      entry     TEXT    NOT NULL,
      PRIMARY KEY (action_id, seq)
    ) WITHOUT ROWID;
    CREATE TABLE ${t.escalation_history} (
      escalation_id TEXT    NOT NULL,
      seq           INTEGER NOT NULL,
      entry         TEXT    NOT NULL,
      PRIMARY KEY (escalation_id, seq)
    ) WITHOUT ROWID;`,
  bind(db, t) {
    const actionRow = db.prepare(`SELECT last_position FROM ${t.actions} WHERE action_id = ?`);
    const insertAction = db.prepare(
      `INSERT INTO ${t.actions} (action_id, case_id, recommendation_ids, number, action_text, agency, lead, monitoring_body,
         timescale_text, due_date_precision, planned_on, original_due_date, current_due_date, status, version, last_position)
       VALUES (@actionId, @caseId, @recommendationIds, @number, @actionText, @agency, @lead, @monitoringBody,
         @timescaleText, @dueDatePrecision, @plannedOn, @dueDate, @dueDate, 'PLANNED', @version, @position)`,
    );
    // One update per action per batch, with what the batch's events changed (ActionRowChange).
    const updateAction = db.prepare(
      `UPDATE ${t.actions} SET
         current_due_date = COALESCE(@dueDate, current_due_date),
         due_date_changes = due_date_changes + @dueDateChanges,
         lead = COALESCE(@lead, lead),
         status = COALESCE(@status, status),
         reported_rag = COALESCE(@rag, reported_rag),
         last_progress_on = COALESCE(@progressOn, last_progress_on),
         completed_on = CASE @completed WHEN 'SET' THEN @completedOn WHEN 'CLEARED' THEN NULL ELSE completed_on END,
         signed_off_on = COALESCE(@signedOffOn, signed_off_on),
         closed_on = COALESCE(@closedOn, closed_on),
         version = @version, last_position = @position
       WHERE action_id = @actionId`,
    );
    const escalationRow = db.prepare(
      `SELECT last_position FROM ${t.escalations} WHERE escalation_id = ?`,
    );
    const insertEscalation = db.prepare(
      `INSERT INTO ${t.escalations} (escalation_id, subject_kind, subject_id, case_id, level, status, reason, addressed_to, automatic,
         due_date, raised_on, version, last_position)
       VALUES (@escalationId, @kind, @subjectId, @caseId, @level, 'OPEN', @reason, @addressedTo, @automatic, @dueDate, @on, @version, @position)`,
    );
    const updateEscalation = db.prepare(
      `UPDATE ${t.escalations} SET
         level = COALESCE(@level, level), addressed_to = COALESCE(@addressedTo, addressed_to),
         status = @status, resolved_on = COALESCE(@resolvedOn, resolved_on),
         version = @version, last_position = @position
       WHERE escalation_id = @escalationId`,
    );

    const appendActionHistory = db.prepare(
      `INSERT OR IGNORE INTO ${t.action_history} (action_id, seq, entry) VALUES (?, ?, ?)`,
    );
    const actionHistory = db.prepare(
      `SELECT entry FROM ${t.action_history} WHERE action_id = ? ORDER BY seq`,
    );
    const statusRows = db.prepare(
      `SELECT action_id AS id, mode, from_date AS "from", until_date AS until, snapshot AS value
       FROM ${t.action_status} WHERE action_id = ?`,
    );
    const putStatus = db.prepare(
      `INSERT OR REPLACE INTO ${t.action_status} (action_id, mode, from_date, until_date, snapshot)
       VALUES (@id, @mode, @from, @until, @value)`,
    );
    const removeStatus = db.prepare(
      `DELETE FROM ${t.action_status} WHERE action_id = @id AND mode = @mode AND from_date = @from`,
    );
    const storedOverdue = db.prepare(
      `SELECT action_id AS id, mode, from_date AS "from", until_date AS until, due_date AS value, lead_text AS lead
       FROM ${t.action_overdue} WHERE action_id = ?`,
    );
    const putOverdue = db.prepare(
      `INSERT OR REPLACE INTO ${t.action_overdue} (action_id, mode, from_date, until_date, due_date, case_id, agency, monitoring_body, lead_text)
       SELECT @id, @mode, @from, @until, @value, case_id, agency, monitoring_body, @lead
       FROM ${t.actions} WHERE action_id = @id`,
    );
    const removeOverdue = db.prepare(
      `DELETE FROM ${t.action_overdue} WHERE action_id = @id AND mode = @mode AND from_date = @from`,
    );

    /**
     * Recomputes the action's status and overdue periods from its whole history, in both modes,
     * and writes only the rows that changed: a new fact usually ends the last period and opens
     * one, so rewriting them all would cost several times the writes.
     */
    function trackStatus(id: string): void {
      const history = (actionHistory.all(id) as { entry: string }[]).map(
        (row) => JSON.parse(row.entry) as HistoryEntry,
      );
      const status: PeriodRow[] = [];
      const overdue: PeriodRow[] = [];
      for (const [mode, visibleFrom] of MODES) {
        // The lead of each period is worked out once, for its snapshot and its overdue row.
        const periods = statusPeriods<VisibleActionEvent & { entry: HistoryEntry }>(
          history.map((h) => ({
            event: { type: h.type, data: h.data } as unknown as ActionEvent,
            visibleFrom: visibleFrom(h),
            entry: h,
          })),
        ).map((p) => ({ ...p, lead: leadOf(p.visible.map((v) => v.entry)) }));
        status.push(...snapshotRows(id, mode, periods));
        overdue.push(...overdueRows(id, mode, periods));
      }
      sync(
        statusRows.all(id) as PeriodRow[],
        status,
        (row) => putStatus.run(row),
        (row) => removeStatus.run(row),
      );
      sync(
        storedOverdue.all(id) as PeriodRow[],
        overdue,
        (row) => putOverdue.run(row),
        (row) => removeOverdue.run(row),
      );
    }

    const appendEscalationHistory = db.prepare(
      `INSERT OR IGNORE INTO ${t.escalation_history} (escalation_id, seq, entry) VALUES (?, ?, ?)`,
    );

    /** Marks the action's periods for recomputing at the end of the batch. */
    function track(id: string, event: StoredEvent): void {
      if (!pending.has(id)) pending.set(id, event);
    }

    /** The last event applied to the action: this batch's, else the row's. */
    function lastPosition(id: string): bigint | undefined {
      const inBatch = changes.get(id)?.position ?? planned.get(id);
      if (inBatch !== undefined) return inBatch;
      return (actionRow.get(id) as { last_position: bigint } | undefined)?.last_position;
    }

    function applyAction(event: StoredEvent, id: string): void {
      const last = lastPosition(id);
      if (last !== undefined && last >= event.position) return;
      const entry = historyEntryOf(event);
      const d = entry.data;
      if (event.type !== 'ActionPlanned' && last === undefined) return;
      if (!(event.type === 'ActionPlanned' && last !== undefined))
        appendActionHistory.run(id, event.version, JSON.stringify(entry));
      if (event.type === 'ActionPlanned') {
        if (last !== undefined) return;
        insertAction.run({
          actionId: id,
          version: event.version,
          position: event.position,
          caseId: d.caseId,
          recommendationIds: JSON.stringify(d.recommendationIds),
          number: d.number ?? null,
          actionText: d.actionText,
          agency: d.agency,
          lead: JSON.stringify(d.lead),
          monitoringBody: d.monitoringBody,
          timescaleText: d.timescaleText,
          dueDatePrecision: d.dueDatePrecision,
          plannedOn: entry.occurredOn,
          dueDate: d.dueDate ?? null,
        });
        planned.set(id, event.position);
        track(id, event);
        return;
      }
      const change = changes.get(id) ?? unchanged(id);
      changes.set(id, changed(change, event, entry));
      track(id, event);
    }

    function applyEscalation(event: StoredEvent, id: string): void {
      const existing = escalationRow.get(id) as { last_position: bigint } | undefined;
      if (existing && existing.last_position >= event.position) return;
      const entry = historyEntryOf(event);
      const d = entry.data;
      const common = { escalationId: id, version: event.version, position: event.position };
      if (event.type !== 'EscalationRaised' && !existing) return;
      if (!(event.type === 'EscalationRaised' && existing))
        appendEscalationHistory.run(id, event.version, JSON.stringify(entry));
      if (event.type === 'EscalationRaised') {
        if (existing) return;
        const subject = d.subject as { kind: string; id: string; caseId: string };
        insertEscalation.run({
          ...common,
          kind: subject.kind,
          subjectId: subject.id,
          caseId: subject.caseId,
          level: d.level,
          reason: d.reason,
          addressedTo: d.addressedTo,
          automatic: d.automatic ? 1 : 0,
          dueDate: d.dueDate ?? null,
          on: entry.occurredOn,
        });
        return;
      }
      updateEscalation.run({
        ...common,
        level: event.type === 'EscalationReferredUp' ? d.toLevel : null,
        addressedTo: event.type === 'EscalationReferredUp' ? d.addressedTo : null,
        status:
          event.type === 'EscalationResolved'
            ? 'RESOLVED'
            : event.type === 'EscalationAcknowledged'
              ? 'ACKNOWLEDGED'
              : 'OPEN',
        resolvedOn: event.type === 'EscalationResolved' ? entry.occurredOn : null,
      });
    }

    // Each action's row is updated, and its periods recomputed, once per batch, after its last
    // event there: an action plan entered from past papers brings each action's whole history
    // in one batch.
    const pending = new Map<string, StoredEvent>();
    const changes = new Map<string, ActionRowChange>();
    /** Actions planned in this batch, by the position of their plan. */
    const planned = new Map<string, bigint>();
    const forget = () => {
      pending.clear();
      changes.clear();
      planned.clear();
    };
    const handler = (event: StoredEvent) => {
      const [category, ...rest] = event.streamId.split('-');
      const id = rest.join('-');
      try {
        if (category === 'action') applyAction(event, id);
        else if (category === 'escalation') applyEscalation(event, id);
      } catch (error) {
        forget(); // The batch is rolled back; the part before this event is applied again.
        throw error;
      }
    };
    const endBatch = () => {
      try {
        for (const [id, first] of pending) {
          try {
            const change = changes.get(id);
            if (change) updateAction.run(change);
            trackStatus(id);
          } catch (error) {
            // Stopping at the action's first event in the batch keeps all of them out of the part applied.
            throw new ProjectionFailed(actionPlansProjection.name, first, error);
          }
        }
      } finally {
        forget();
      }
    };
    return Object.assign(handler, { endBatch });
  },
};
