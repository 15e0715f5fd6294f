import Database from 'better-sqlite3';
import { join } from 'node:path';
import { StoreMisconfigured } from '../errors';
import { temporaryDirectories } from '../testing/temporary-directory';
import { assertPragmas, openSqlite } from './open-sqlite';
import { SqliteEventStore } from './sqlite-event-store';

const dirs = temporaryDirectories('casetrail-pragmas-');
afterAll(() => dirs.cleanup());

describe('opening the SQLite file', () => {
  it('holds WAL and synchronous=FULL, read back from the file', () => {
    const db = openSqlite(join(dirs.make(), 'events.sqlite'), { synchronous: 'FULL' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2n);
    db.close();
  });

  it('refuses an in-memory database, which cannot hold WAL', () => {
    expect(() => new SqliteEventStore({ path: ':memory:' })).toThrow(StoreMisconfigured);
  });

  it('refuses a connection whose journal mode or synchronous level is weaker than promised', () => {
    const path = join(dirs.make(), 'weak.sqlite');
    const weak = new Database(path);
    weak.defaultSafeIntegers(true);
    weak.pragma('journal_mode = DELETE');
    expect(() => assertPragmas(weak, { synchronous: 'FULL' })).toThrow(/journal_mode is delete, expected wal/);
    weak.pragma('journal_mode = WAL');
    weak.pragma('synchronous = NORMAL');
    expect(() => assertPragmas(weak, { synchronous: 'FULL' })).toThrow(/synchronous is 1, expected 2 \(FULL\)/);
    weak.close();
  });
});
