import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreMisconfigured } from '../errors';

export type SqliteDatabase = Database.Database;
export type SqliteStatement = Database.Statement;

export interface OpenSqliteOptions {
  /** FULL makes every acknowledged commit survive power loss; NORMAL only a process crash. */
  synchronous: 'FULL' | 'NORMAL';
}

const SYNCHRONOUS_LEVEL = { NORMAL: 1n, FULL: 2n } as const;

/**
 * Opens a SQLite file in WAL mode with the requested durability, integers as bigint, and
 * reads the pragmas back: better-sqlite3 silently defaults WAL to NORMAL, and an in-memory
 * or read-only file cannot hold WAL at all, so we refuse to run rather than promise less.
 */
export function openSqlite(path: string, options: OpenSqliteOptions): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    db.defaultSafeIntegers(true);
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma('busy_timeout = 5000');
    assertPragmas(db, options);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function assertPragmas(db: SqliteDatabase, options: OpenSqliteOptions): void {
  const journalMode = db.pragma('journal_mode', { simple: true });
  if (journalMode !== 'wal') {
    throw new StoreMisconfigured(
      `${db.name}: journal_mode is ${String(journalMode)}, expected wal (an in-memory or read-only database cannot be used)`,
    );
  }
  const synchronous = db.pragma('synchronous', { simple: true });
  if (synchronous !== SYNCHRONOUS_LEVEL[options.synchronous]) {
    throw new StoreMisconfigured(
      `${db.name}: synchronous is ${String(synchronous)}, expected ${SYNCHRONOUS_LEVEL[options.synchronous]} (${options.synchronous})`,
    );
  }
}
