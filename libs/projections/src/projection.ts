import type { SqliteDatabase, StoredEvent } from '@casetrail/event-store';

/** Physical names of a projection's tables for one generation, by logical name. */
export type TableNames = Readonly<Record<string, string>>;

/**
 * Applies one event. It may defer work to `endBatch`, which the runner calls after the last
 * event of each batch, in the same transaction, so work needed once per row (however many of
 * the batch's events touch it) is done once. A failure there must name the event to stop at:
 * a ProjectionFailed for the first event of the batch that the failing work depends on.
 */
export type ProjectionHandler = ((event: StoredEvent) => void) & { endBatch?: () => void };

/**
 * A read model fed from the global log. Its tables are created per generation
 * (`<table>__g<n>`) and read through a view with the plain name, so a rebuild fills fresh
 * tables while queries keep reading the old ones, and the switch is one transaction.
 *
 * `apply` runs inside the runner's transaction and must be synchronous (better-sqlite3
 * transactions cannot span an await). It must also be idempotent: tests apply every event
 * twice.
 */
export interface Projection {
  readonly name: string;
  /** Bump when the code changes what the tables hold: the runner then rebuilds. */
  readonly version: number;
  /** Event types this projection reads ('all' for every type); others only move its checkpoint. */
  readonly handles: readonly string[] | 'all';
  /** Logical table names; each gets a view of the same name over the active generation. */
  readonly tables: readonly string[];
  /** DDL creating the tables (and their indexes) under the given physical names. */
  createSchema(t: TableNames): string;
  /** Prepares statements against one generation's tables and returns the event handler. */
  bind(db: SqliteDatabase, t: TableNames): ProjectionHandler;
}
