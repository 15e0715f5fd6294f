import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BackgroundCheckpoints } from '@casetrail/event-store';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { ReadModelStore } from './read-model-store';

const dirs = temporaryDirectories('casetrail-read-models-');
afterAll(() => dirs.cleanup());

describe('the read-model store', () => {
  it('checkpoints from a worker when asked, as the service does', async () => {
    const path = join(dirs.make(), 'read-models.sqlite');
    const checkpoints = new BackgroundCheckpoints();
    const readModels = new ReadModelStore(path, { checkpoints });
    expect(readModels.checkpointing).toBe('running');
    expect(readModels.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000n);
    const before = statSync(path).size;
    readModels.db.exec('CREATE TABLE notes (text TEXT)');
    const insert = readModels.db.prepare('INSERT INTO notes VALUES (?)');
    for (let i = 0; i < 50; i++) insert.run('x'.repeat(4_000));
    const deadline = Date.now() + 5_000;
    while (statSync(path).size < before + 50 * 4_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statSync(path).size).toBeGreaterThanOrEqual(before + 50 * 4_000);
    readModels.close();
    await checkpoints.close();
  });

  describe('rows', () => {
    const open = () => {
      const readModels = new ReadModelStore(join(dirs.make(), 'read-models.sqlite'));
      readModels.db.exec(`CREATE TABLE cases (id TEXT PRIMARY KEY, ref TEXT, opened INTEGER);
        INSERT INTO cases VALUES ('a', 'A 1', 1), ('b', NULL, 2), ('c', 'C 3', 3);`);
      return readModels;
    };

    it('gives the rows as better-sqlite3 does, with named or positional values', () => {
      const readModels = open();
      const sql =
        'SELECT c.id, c.ref AS reference, opened * 2 AS twice FROM cases c WHERE opened >= @from ORDER BY id';
      expect(readModels.rows(sql, { from: 2 })).toEqual(readModels.prepared(sql).all({ from: 2 }));
      expect(readModels.rows(sql, { from: 2 })).toEqual([
        { id: 'b', reference: null, twice: 4n },
        { id: 'c', reference: 'C 3', twice: 6n },
      ]);
      expect(readModels.rows('SELECT count(*) AS n FROM cases WHERE id > ?', 'a')).toEqual([
        { n: 2n },
      ]);
      readModels.close();
    });

    it.each([
      'SELECT * FROM cases',
      'SELECT c.* FROM cases c',
      'SELECT id, c.* FROM cases c',
      'select distinct * from cases',
    ])('refuses columns it cannot name once for all: %s', (sql) => {
      const readModels = open();
      expect(() => readModels.rows(sql)).toThrow(/columns named/);
      readModels.close();
    });
  });
});
