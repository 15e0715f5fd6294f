import {
  type ActionEvent,
  type ActionState,
  evolveAction,
  initialActionState,
  isBusinessDate,
} from '@casetrail/domain';
import type { SqliteDatabase, StoredEvent } from '@casetrail/event-store';
import { ACTION_EVENT_TYPES, historyEntryOf } from '../action-plans/action-plans.projection';
import type { Projection, TableNames } from '../projection';
import { ProjectionFailed } from '../projection-failed';
import {
  type CaseContribution,
  type Cell,
  caseContribution,
  cellKey,
  type OpenAction,
  type PortfolioAction,
  type PortfolioRecommendation,
} from './portfolio-cells';

/**
 * The progress report's totals as they stand after the last fact (domain.md §6.4): every
 * case's contribution (`caseContribution`) summed into cells per group, so the national
 * report for today is a few thousand rows instead of every action derived again. A date
 * before the last fact (`portfolio_meta.last_day`) is still answered from the status periods.
 */

const CASE_STREAM = 'case-';
const ACTION_STREAM = 'action-';
const RECOMMENDATION_EVENT_TYPES = ['RecommendationAdded', 'RecommendationClosedWithoutAction'];

export const portfolioProjection: Projection = {
  name: 'portfolio',
  version: 2,
  handles: ['CaseReferred', ...RECOMMENDATION_EVENT_TYPES, ...ACTION_EVENT_TYPES],
  tables: [
    'portfolio_meta',
    'portfolio_case_facts',
    'portfolio_actions',
    'portfolio_recommendations',
    'portfolio_cells',
    'portfolio_due',
    'portfolio_open',
    'portfolio_reviews',
    'portfolio_themes',
  ],
  createSchema: (t) => `
    -- last_day: the latest day any fact counted here happened or became known. From it on, the
    -- cells give the report in either mode.
    CREATE TABLE ${t.portfolio_meta} (
      id       INTEGER PRIMARY KEY CHECK (id = 1),
      last_day TEXT    NOT NULL
    );
    INSERT INTO ${t.portfolio_meta} VALUES (1, '');
    -- A case's own events so far, and what it last added to the cells (so it can be taken out).
    CREATE TABLE ${t.portfolio_case_facts} (
      case_id       TEXT    PRIMARY KEY,
      referred      INTEGER NOT NULL,
      last_position INTEGER NOT NULL,
      contribution  TEXT
    ) WITHOUT ROWID;
    CREATE TABLE ${t.portfolio_actions} (
      action_id     TEXT    PRIMARY KEY,
      case_id       TEXT    NOT NULL,
      state         TEXT    NOT NULL,
      impact        TEXT,
      last_position INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX ${t.portfolio_actions}_case ON ${t.portfolio_actions} (case_id);
    CREATE TABLE ${t.portfolio_recommendations} (
      case_id           TEXT    NOT NULL,
      recommendation_id TEXT    NOT NULL,
      seq               INTEGER NOT NULL,
      scope             TEXT    NOT NULL,
      addressed_to      TEXT    NOT NULL,
      themes            TEXT    NOT NULL,
      closed            INTEGER NOT NULL,
      PRIMARY KEY (case_id, recommendation_id)
    ) WITHOUT ROWID;
    -- Each cell summed over its due dates (dated: how many of them have one), and the dated
    -- ones again by due date, led by it: the report on a date reads the totals and only the
    -- part due on or after the date, so it never reads the years of due dates already passed.
    CREATE TABLE ${t.portfolio_cells} (
      grp   TEXT    NOT NULL,
      name  TEXT    NOT NULL,
      kind  TEXT    NOT NULL,
      lead  TEXT    NOT NULL,
      n     INTEGER NOT NULL,
      dated INTEGER NOT NULL,
      PRIMARY KEY (grp, name, kind, lead)
    ) WITHOUT ROWID;
    CREATE TABLE ${t.portfolio_due} (
      due  TEXT    NOT NULL,
      grp  TEXT    NOT NULL,
      name TEXT    NOT NULL,
      kind TEXT    NOT NULL,
      lead TEXT    NOT NULL,
      n    INTEGER NOT NULL,
      PRIMARY KEY (due, grp, name, kind, lead)
    ) WITHOUT ROWID;
    CREATE TABLE ${t.portfolio_open} (
      grp       TEXT NOT NULL,
      name      TEXT NOT NULL,
      due       TEXT NOT NULL,
      action_id TEXT NOT NULL,
      case_id   TEXT NOT NULL,
      PRIMARY KEY (grp, name, due, action_id)
    ) WITHOUT ROWID;
    -- Each case with a recommendation or an action: its RAG without the overdue rule, and the
    -- earliest open due date that turns it RED once passed.
    CREATE TABLE ${t.portfolio_reviews} (
      case_id TEXT PRIMARY KEY,
      rag     TEXT NOT NULL,
      due     TEXT NOT NULL
    ) WITHOUT ROWID;
    -- Where each theme is first met in each case, to list the themes as the report meets them.
    CREATE TABLE ${t.portfolio_themes} (
      theme   TEXT    NOT NULL,
      case_id TEXT    NOT NULL,
      ord     INTEGER NOT NULL,
      PRIMARY KEY (theme, case_id)
    ) WITHOUT ROWID;`,
  bind(db, t) {
    const sql = statements(db, t);
    // Actions and cases are kept in memory for the rest of the batch, and each changed case's
    // contribution is worked out once, at the end of it.
    const actions = new Map<string, ActionSoFar>();
    const cases = new Map<string, CaseSoFar>();
    const changed = new Map<string, StoredEvent>();
    let lastDay = '';

    const actionSoFar = (id: string): ActionSoFar | undefined => {
      const inBatch = actions.get(id);
      if (inBatch) return inBatch;
      const row = sql.action.get(id) as ActionRow | undefined;
      return (
        row && {
          caseId: row.case_id,
          state: JSON.parse(row.state) as ActionState,
          impact: row.impact,
          position: row.last_position,
        }
      );
    };
    const caseSoFar = (id: string): CaseSoFar | undefined => {
      const inBatch = cases.get(id);
      if (inBatch) return inBatch;
      const row = sql.caseFacts.get(id) as CaseRow | undefined;
      return row && { referred: Number(row.referred) === 1, position: row.last_position };
    };
    const seen = (event: StoredEvent) => {
      const { occurredOn, knownOn } = historyEntryOf(event);
      const day = knownOn > occurredOn ? knownOn : occurredOn;
      if (day > lastDay) lastDay = day;
    };
    const touch = (caseId: string, event: StoredEvent) => {
      if (!changed.has(caseId)) changed.set(caseId, event);
    };

    const applyAction = (event: StoredEvent, id: string) => {
      const before = actionSoFar(id);
      if (before && before.position >= event.position) return;
      if (!before && event.type !== 'ActionPlanned') return;
      const d = event.data as { caseId?: string; impactAssessment?: string };
      const caseId = before?.caseId ?? String(d.caseId);
      const state = evolveAction(
        before?.state ?? initialActionState(),
        event as unknown as ActionEvent,
      );
      const impact =
        event.type === 'ActionCompletionSignedOff'
          ? (d.impactAssessment ?? null)
          : (before?.impact ?? null);
      actions.set(id, { caseId, state, impact, position: event.position });
      seen(event);
      touch(caseId, event);
    };

    const applyCase = (event: StoredEvent, caseId: string) => {
      const before = caseSoFar(caseId);
      if (before && before.position >= event.position) return;
      const d = event.data as Record<string, unknown>;
      if (event.type === 'CaseReferred') {
        cases.set(caseId, { referred: true, position: event.position });
        return;
      }
      // As the reporting read model: a case's facts count from its referral.
      if (!before?.referred) return;
      cases.set(caseId, { referred: true, position: event.position });
      if (event.type === 'RecommendationAdded') {
        sql.insertRecommendation.run({
          caseId,
          recommendationId: d.recommendationId,
          seq: event.version,
          scope: d.scope,
          addressedTo: d.addressedTo,
          themes: JSON.stringify(d.themes ?? []),
        });
      } else {
        sql.closeRecommendation.run(caseId, d.recommendationId);
      }
      seen(event);
      touch(caseId, event);
    };

    const handler = (event: StoredEvent) => {
      try {
        if (event.streamId.startsWith(ACTION_STREAM))
          applyAction(event, event.streamId.slice(ACTION_STREAM.length));
        else if (
          event.streamId.startsWith(CASE_STREAM) &&
          isBusinessDate((event.data as { occurredOn?: unknown }).occurredOn)
        )
          applyCase(event, event.streamId.slice(CASE_STREAM.length));
      } catch (error) {
        forget(); // The batch is rolled back; the part before this event is applied again.
        throw error;
      }
    };
    const forget = () => {
      actions.clear();
      cases.clear();
      changed.clear();
      lastDay = '';
    };

    const endBatch = () => {
      try {
        for (const [id, a] of actions) {
          sql.putAction.run({
            id,
            caseId: a.caseId,
            state: JSON.stringify(a.state),
            impact: a.impact,
            position: a.position,
          });
        }
        for (const [id, c] of cases) sql.putCase.run(id, c.referred ? 1 : 0, c.position);
        if (lastDay) sql.seeDay.run(lastDay);
        for (const [caseId, first] of changed) {
          try {
            recount(sql, caseId);
          } catch (error) {
            // Stopping at the case's first event in the batch keeps all of them out of the part applied.
            throw new ProjectionFailed(portfolioProjection.name, first, error);
          }
        }
      } finally {
        forget();
      }
    };
    return Object.assign(handler, { endBatch });
  },
};

interface ActionSoFar extends Omit<PortfolioAction, 'actionId'> {
  caseId: string;
  /** Of the last event applied. */
  position: bigint;
}

interface CaseSoFar {
  referred: boolean;
  position: bigint;
}

interface ActionRow {
  action_id: string;
  case_id: string;
  state: string;
  impact: string | null;
  last_position: bigint;
}

interface CaseRow {
  referred: bigint;
  last_position: bigint;
  contribution: string | null;
}

interface RecommendationRow {
  recommendation_id: string;
  scope: string;
  addressed_to: string;
  themes: string;
  closed: bigint;
}

function statements(db: SqliteDatabase, t: TableNames) {
  return {
    action: db.prepare(`SELECT * FROM ${t.portfolio_actions} WHERE action_id = ?`),
    actionsOf: db.prepare(
      `SELECT * FROM ${t.portfolio_actions} WHERE case_id = ? ORDER BY action_id`,
    ),
    putAction: db.prepare(
      `INSERT OR REPLACE INTO ${t.portfolio_actions} (action_id, case_id, state, impact, last_position)
       VALUES (@id, @caseId, @state, @impact, @position)`,
    ),
    caseFacts: db.prepare(`SELECT * FROM ${t.portfolio_case_facts} WHERE case_id = ?`),
    putCase: db.prepare(
      `INSERT INTO ${t.portfolio_case_facts} (case_id, referred, last_position) VALUES (?, ?, ?)
       ON CONFLICT (case_id) DO UPDATE SET referred = excluded.referred, last_position = excluded.last_position`,
    ),
    putContribution: db.prepare(
      `INSERT INTO ${t.portfolio_case_facts} (case_id, referred, last_position, contribution) VALUES (?, 0, 0, ?)
       ON CONFLICT (case_id) DO UPDATE SET contribution = excluded.contribution`,
    ),
    seeDay: db.prepare(`UPDATE ${t.portfolio_meta} SET last_day = max(last_day, ?)`),
    insertRecommendation: db.prepare(
      `INSERT OR IGNORE INTO ${t.portfolio_recommendations}
         (case_id, recommendation_id, seq, scope, addressed_to, themes, closed)
       VALUES (@caseId, @recommendationId, @seq, @scope, @addressedTo, @themes, 0)`,
    ),
    closeRecommendation: db.prepare(
      `UPDATE ${t.portfolio_recommendations} SET closed = 1 WHERE case_id = ? AND recommendation_id = ?`,
    ),
    recommendationsOf: db.prepare(
      `SELECT * FROM ${t.portfolio_recommendations} WHERE case_id = ? ORDER BY seq`,
    ),
    addToCell: db.prepare(
      `INSERT INTO ${t.portfolio_cells} (grp, name, kind, lead, n, dated)
       VALUES (@group, @name, @kind, @lead, @n, CASE WHEN @due = '' THEN 0 ELSE @n END)
       ON CONFLICT DO UPDATE SET n = n + excluded.n, dated = dated + excluded.dated`,
    ),
    dropEmptyCell: db.prepare(
      `DELETE FROM ${t.portfolio_cells}
       WHERE grp = @group AND name = @name AND kind = @kind AND lead = @lead AND n = 0`,
    ),
    addToDue: db.prepare(
      `INSERT INTO ${t.portfolio_due} (due, grp, name, kind, lead, n)
       VALUES (@due, @group, @name, @kind, @lead, @n)
       ON CONFLICT DO UPDATE SET n = n + excluded.n`,
    ),
    dropEmptyDue: db.prepare(
      `DELETE FROM ${t.portfolio_due}
       WHERE due = @due AND grp = @group AND name = @name AND kind = @kind AND lead = @lead AND n = 0`,
    ),
    addOpen: db.prepare(
      `INSERT OR IGNORE INTO ${t.portfolio_open} (grp, name, due, action_id, case_id)
       VALUES (@group, @name, @due, @actionId, @caseId)`,
    ),
    removeOpen: db.prepare(
      `DELETE FROM ${t.portfolio_open} WHERE grp = @group AND name = @name AND due = @due AND action_id = @actionId`,
    ),
    putReview: db.prepare(`INSERT OR REPLACE INTO ${t.portfolio_reviews} VALUES (?, ?, ?)`),
    removeReview: db.prepare(`DELETE FROM ${t.portfolio_reviews} WHERE case_id = ?`),
    putTheme: db.prepare(`INSERT OR REPLACE INTO ${t.portfolio_themes} VALUES (?, ?, ?)`),
    removeTheme: db.prepare(`DELETE FROM ${t.portfolio_themes} WHERE theme = ? AND case_id = ?`),
  };
}

/** Takes the case's last contribution out of the cells and puts its new one in. */
function recount(sql: ReturnType<typeof statements>, caseId: string): void {
  const row = sql.caseFacts.get(caseId) as CaseRow | undefined;
  const before = row?.contribution ? (JSON.parse(row.contribution) as CaseContribution) : undefined;
  const recommendations = (sql.recommendationsOf.all(caseId) as RecommendationRow[]).map(
    (r): PortfolioRecommendation => ({
      recommendationId: r.recommendation_id,
      scope: r.scope,
      addressedTo: r.addressed_to,
      themes: JSON.parse(r.themes) as string[],
      closed: Number(r.closed) === 1,
    }),
  );
  const actions = (sql.actionsOf.all(caseId) as ActionRow[]).map((a): PortfolioAction => ({
    actionId: a.action_id,
    state: JSON.parse(a.state) as ActionState,
    impact: a.impact,
  }));
  const after = caseContribution(recommendations, actions);

  // Only what changed is written: a new event changes one action's few cells, not the case's.
  const delta = new Map<string, Cell>();
  for (const cell of before?.cells ?? []) delta.set(cellKey(cell), { ...cell, n: -cell.n });
  for (const cell of after.cells) {
    const key = cellKey(cell);
    delta.set(key, { ...cell, n: cell.n + (delta.get(key)?.n ?? 0) });
  }
  for (const cell of delta.values()) {
    if (cell.n === 0) continue;
    sql.addToCell.run(cell);
    if (cell.due) sql.addToDue.run(cell);
    if (cell.n > 0) continue;
    sql.dropEmptyCell.run(cell);
    if (cell.due) sql.dropEmptyDue.run(cell);
  }
  const wasOpen = new Set(before?.open.map(openKey));
  const isOpen = new Set(after.open.map(openKey));
  before?.open.filter((o) => !isOpen.has(openKey(o))).forEach((o) => sql.removeOpen.run(o));
  after.open.filter((o) => !wasOpen.has(openKey(o))).forEach((o) => sql.addOpen.run(o));
  const themes = new Set(after.themes.map(({ theme }) => theme));
  before?.themes
    .filter(({ theme }) => !themes.has(theme))
    .forEach(({ theme }) => sql.removeTheme.run(theme, caseId));
  after.themes.forEach(({ theme, order }) => sql.putTheme.run(theme, caseId, order));
  if (after.review) sql.putReview.run(caseId, after.review.rag ?? '', after.review.due);
  else sql.removeReview.run(caseId);
  sql.putContribution.run(caseId, JSON.stringify(after));
}

const openKey = (o: OpenAction) => JSON.stringify([o.group, o.name, o.due, o.actionId]);
