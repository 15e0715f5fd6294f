import type { BackgroundCheckpoints } from '@casetrail/event-store';
// Not the package's index, which loads the EventStoreDB client (12 MB of heap in every thread).
import { openSqlite, type SqliteDatabase, type SqliteStatement } from '@casetrail/event-store/sqlite/open-sqlite';
import type { Projection, TableNames } from './projection';

export interface ProjectionRow {
  name: string;
  generation: bigint;
  version: bigint;
  position: bigint;
  lastRecordedAt: string | null;
  failure: ProjectionFailure | null;
}

export interface ProjectionFailure {
  position: string;
  eventId: string;
  eventType: string;
  error: string;
  at: string;
}

const MAX_STATEMENTS = 500;

/** What is kept for this SQL, made on first use; past MAX_STATEMENTS texts the cache starts again. */
function keptFor<T>(cache: Map<string, T>, sql: string, make: () => T): T {
  let kept = cache.get(sql);
  if (kept === undefined) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    kept = make();
    cache.set(sql, kept);
  }
  return kept;
}

/** `SELECT *`, `SELECT t.*` or `, t.*`: columns that are not named in the SQL itself. */
const SELECTS_STAR = /(?:\bSELECT|,)\s*(?:DISTINCT\s+)?(?:\w+\.)?\*/i;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS projection_generations (
  name             TEXT    NOT NULL,
  generation       INTEGER NOT NULL,
  version          INTEGER NOT NULL,
  active           INTEGER NOT NULL DEFAULT 0,
  position         INTEGER NOT NULL DEFAULT 0,
  last_recorded_at TEXT,
  failure          TEXT,
  PRIMARY KEY (name, generation)
);
CREATE UNIQUE INDEX IF NOT EXISTS one_active_generation
  ON projection_generations (name) WHERE active = 1;`;

interface GenerationRow {
  name: string;
  generation: bigint;
  version: bigint;
  position: bigint;
  last_recorded_at: string | null;
  failure: string | null;
}

export interface ReadModelStoreOptions {
  /** A worker to checkpoint the WAL off the event loop (see BackgroundCheckpoints); for the service. */
  checkpoints?: BackgroundCheckpoints;
}

/**
 * The read-model database: projection tables plus one row per projection generation holding
 * its checkpoint. Read models are disposable (they are rebuilt from the log), so the file runs
 * with synchronous=NORMAL; a checkpoint and its rows still commit atomically.
 */
export class ReadModelStore {
  readonly db: SqliteDatabase;
  private readonly statements = new Map<string, SqliteStatement>();
  private readonly rawStatements = new Map<string, { statement: SqliteStatement; names: string[] }>();
  private readonly checkpoints: BackgroundCheckpoints | undefined;

  constructor(path: string, options: ReadModelStoreOptions = {}) {
    this.db = openSqlite(path, { synchronous: 'NORMAL' });
    this.db.exec(SCHEMA);
    this.checkpoints = options.checkpoints;
    this.checkpoints?.watch(path, 'NORMAL');
  }

  /** Whether the WAL is checkpointed in the background, and how that worker is doing. */
  get checkpointing(): string {
    return this.checkpoints?.stateOf(this.db.name) ?? 'by each commit';
  }

  /**
   * The statement for this SQL, prepared once and kept: preparing cost a tenth of a small
   * query's CPU. Queries bind their values and build SQL only from fixed fragments, so there are
   * few distinct texts; the cache is bounded all the same. SQLite prepares a kept statement again
   * by itself when the schema changes, as when a rebuild points the views at a new generation.
   */
  prepared(sql: string): SqliteStatement {
    return keptFor(this.statements, sql, () => this.db.prepare(sql));
  }

  /**
   * The rows of a query as objects, named here from raw rows: better-sqlite3 builds a row object
   * through V8's API a property at a time, a third of the cost of a page of the case list at
   * 100k cases (177 µs; 127 µs this way). The column names are read once per statement, so the
   * SQL must name its columns: `*` is refused, as what it stands for changes with the schema.
   */
  rows<T>(sql: string, ...params: unknown[]): T[] {
    const { statement, names } = keptFor(this.rawStatements, sql, () => {
      if (SELECTS_STAR.test(sql)) throw new Error(`rows() needs the columns named, not *: ${sql}`);
      const raw = this.db.prepare(sql).raw(true);
      return { statement: raw, names: raw.columns().map((column) => column.name) };
    });
    return (statement.all(...params) as unknown[][]).map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) row[names[i]] = values[i];
      return row as T;
    });
  }

  static tableNames(projection: Projection, generation: bigint): TableNames {
    return Object.fromEntries(projection.tables.map((table) => [table, `${table}__g${generation}`]));
  }

  active(name: string): ProjectionRow | undefined {
    const row = this.prepared('SELECT * FROM projection_generations WHERE name = ? AND active = 1')
      .get(name) as GenerationRow | undefined;
    return row && toProjectionRow(row);
  }

  generation(name: string, generation: bigint): ProjectionRow | undefined {
    const row = this.prepared('SELECT * FROM projection_generations WHERE name = ? AND generation = ?')
      .get(name, generation) as GenerationRow | undefined;
    return row && toProjectionRow(row);
  }

  /** Creates the tables of a new generation, not yet active. */
  createGeneration(projection: Projection): bigint {
    return this.db.transaction(() => {
      const { next } = this.db
        .prepare('SELECT coalesce(max(generation), 0) + 1 AS next FROM projection_generations WHERE name = ?')
        .get(projection.name) as { next: bigint };
      const t = ReadModelStore.tableNames(projection, next);
      for (const table of Object.values(t)) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
      this.db.exec(projection.createSchema(t));
      this.db
        .prepare('INSERT INTO projection_generations (name, generation, version) VALUES (?, ?, ?)')
        .run(projection.name, next, projection.version);
      return next;
    }).immediate();
  }

  /** Makes a generation the one queries read, and drops the one it replaces. */
  activate(projection: Projection, generation: bigint): void {
    this.db.transaction(() => {
      const previous = this.active(projection.name);
      this.db.prepare('UPDATE projection_generations SET active = 0 WHERE name = ?').run(projection.name);
      this.db
        .prepare('UPDATE projection_generations SET active = 1 WHERE name = ? AND generation = ?')
        .run(projection.name, generation);
      const t = ReadModelStore.tableNames(projection, generation);
      for (const [view, table] of Object.entries(t)) {
        this.db.exec(`DROP VIEW IF EXISTS ${view}; CREATE VIEW ${view} AS SELECT * FROM ${table}`);
      }
      if (previous && previous.generation !== generation) this.dropGeneration(projection, previous.generation);
    }).immediate();
  }

  dropGeneration(projection: Projection, generation: bigint): void {
    for (const table of Object.values(ReadModelStore.tableNames(projection, generation))) {
      this.db.exec(`DROP TABLE IF EXISTS ${table}`);
    }
    this.db
      .prepare('DELETE FROM projection_generations WHERE name = ? AND generation = ?')
      .run(projection.name, generation);
  }

  /** Inside a transaction: moves a checkpoint only from where the caller last saw it. */
  compareAndSetCheckpoint(
    name: string,
    generation: bigint,
    from: bigint,
    to: bigint,
    lastRecordedAt: string | null,
  ): boolean {
    const info = this.prepared(
      `UPDATE projection_generations SET position = ?, last_recorded_at = coalesce(?, last_recorded_at)
       WHERE name = ? AND generation = ? AND position = ? AND failure IS NULL`,
    ).run(to, lastRecordedAt, name, generation, from);
    return info.changes === 1;
  }

  recordFailure(name: string, generation: bigint, failure: ProjectionFailure): void {
    this.prepared('UPDATE projection_generations SET failure = ? WHERE name = ? AND generation = ?')
      .run(JSON.stringify(failure), name, generation);
  }

  clearFailure(name: string): boolean {
    const info = this.prepared('UPDATE projection_generations SET failure = NULL WHERE name = ? AND active = 1')
      .run(name);
    return info.changes === 1;
  }

  close(): void {
    this.db.close();
  }
}

function toProjectionRow(row: GenerationRow): ProjectionRow {
  return {
    name: row.name,
    generation: row.generation,
    version: row.version,
    position: row.position,
    lastRecordedAt: row.last_recorded_at,
    failure: row.failure ? (JSON.parse(row.failure) as ProjectionFailure) : null,
  };
}
