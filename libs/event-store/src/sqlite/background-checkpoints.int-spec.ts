import { statSync } from 'node:fs';
import { join } from 'node:path';
import { NO_STREAM } from '../event-store';
import { sampleEvent } from '../testing/sample-events';
import { temporaryDirectories } from '../testing/temporary-directory';
import { BackgroundCheckpoints } from './background-checkpoints';
import type { SqliteDatabase } from './open-sqlite';
import { SqliteEventStore } from './sqlite-event-store';

const dirs = temporaryDirectories('casetrail-checkpoints-');
afterAll(() => dirs.cleanup());

const sizeOf = (path: string) => statSync(path).size;
const writerOf = (store: SqliteEventStore) => (store as unknown as { db: SqliteDatabase }).db;

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Appends events enough for a few hundred WAL pages, far below SQLite's own 1,000. */
async function appendSome(store: SqliteEventStore): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await store.append(`case-${i}`, NO_STREAM, [sampleEvent('Noted', { text: 'x'.repeat(4_000) })]);
  }
}

describe('background checkpoints', () => {
  it('copy the WAL into the database from the worker, before the writer would', async () => {
    const path = join(dirs.make(), 'events.sqlite');
    const store = new SqliteEventStore({ path, checkpointInBackground: true });
    // The writer still checkpoints (and resets the WAL) at SQLite's 1,000 pages.
    expect(writerOf(store).pragma('wal_autocheckpoint', { simple: true })).toBe(1000n);
    const before = sizeOf(path);
    await appendSome(store);
    await waitFor(() => sizeOf(path) > before + 40 * 4_000);
    expect((await store.health()).details).toMatchObject({ checkpoints: 'running' });
    await store.close();
    const reopened = new SqliteEventStore({ path });
    expect(await reopened.readStream('case-39')).toHaveLength(1);
    await reopened.close();
  });

  it('are left to each commit by default, so the file does not grow until SQLite checkpoints', async () => {
    const path = join(dirs.make(), 'events.sqlite');
    const store = new SqliteEventStore({ path });
    const before = sizeOf(path);
    await appendSome(store);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sizeOf(path)).toBe(before);
    expect((await store.health()).details).toMatchObject({ checkpoints: 'by each commit' });
    await store.close();
  });

  it('report a worker that could not start, for the health check', async () => {
    const checkpoints = new BackgroundCheckpoints(
      join(dirs.make(), 'missing', 'events.sqlite'),
      'FULL',
    );
    await waitFor(() => checkpoints.state !== 'running');
    expect(checkpoints.state).toMatch(/^failed: .*(unable to open|directory does not exist)/);
    await checkpoints.close();
  });
});
