import { existsSync, statSync } from 'node:fs';
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
  it('copy the WAL of every file they watch into it from one worker, before the writer would', async () => {
    const checkpoints = new BackgroundCheckpoints();
    const paths = [join(dirs.make(), 'events.sqlite'), join(dirs.make(), 'events.sqlite')];
    const stores = paths.map((path) => new SqliteEventStore({ path, checkpoints }));
    // The writer still checkpoints (and resets the WAL) at SQLite's 1,000 pages.
    expect(writerOf(stores[0]).pragma('wal_autocheckpoint', { simple: true })).toBe(1000n);
    const before = paths.map(sizeOf);
    for (const store of stores) await appendSome(store);
    await waitFor(() => paths.every((path, i) => sizeOf(path) > before[i] + 40 * 4_000));
    expect((await stores[1].health()).details).toMatchObject({ checkpoints: 'running' });

    for (const store of stores) await store.close();
    await checkpoints.close();
    // The worker's connection closed last: it removed the WAL, everything is in the file.
    expect(paths.map((path) => existsSync(`${path}-wal`))).toEqual([false, false]);
    const reopened = new SqliteEventStore({ path: paths[1] });
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

  it('report a file they cannot open, for the health check, and go on with the others', async () => {
    const checkpoints = new BackgroundCheckpoints();
    const missing = join(dirs.make(), 'missing', 'events.sqlite');
    const path = join(dirs.make(), 'events.sqlite');
    const store = new SqliteEventStore({ path, checkpoints });
    checkpoints.watch(missing, 'FULL');
    await waitFor(() => checkpoints.stateOf(missing) !== 'running');
    expect(checkpoints.stateOf(missing)).toMatch(
      /^failed: .*(unable to open|directory does not exist)/,
    );
    const before = sizeOf(path);
    await appendSome(store);
    await waitFor(() => sizeOf(path) > before + 40 * 4_000);
    expect(checkpoints.stateOf(path)).toBe('running');
    await store.close();
    await checkpoints.close();
  });
});
