import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailable, WrongExpectedVersion } from '../errors';
import { sampleEvent } from '../testing/sample-events';
import { temporaryDirectories } from '../testing/temporary-directory';
import { SqliteEventStore } from './sqlite-event-store';

const dirs = temporaryDirectories('casetrail-commit-thread-');
afterAll(() => dirs.cleanup());

/**
 * Another process's writer, stood in for by a thread: it takes the file's write lock and holds
 * it for `ms`, so the store's next commit waits (SQLite's busy handler, up to 5 s) for as long
 * as a slow fsync would keep it. Resolves once the lock is held; `released` once it is let go.
 */
async function holdWriteLock(path: string, ms: number): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const db = new (require(workerData.driver))(workerData.path);
     db.exec('BEGIN IMMEDIATE');
     parentPort.postMessage('held');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { driver: require.resolve('better-sqlite3'), path, ms } },
  );
  const released = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  await new Promise((resolve) => worker.once('message', resolve));
  return { released };
}

/** Counts the ticks of a 10 ms timer until `until` settles: how free the event loop was. */
async function ticksWhile(until: Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 10);
  await until.catch(() => undefined);
  clearInterval(timer);
  return ticks;
}

/**
 * How many transactions the file's WAL holds: frames that end a commit carry the database size,
 * and only frames with the header's salts belong to the WAL as it stands.
 */
function commitsInWal(path: string): number {
  const wal = readFileSync(`${path}-wal`);
  const pageSize = wal.readUInt32BE(8);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    if (!wal.subarray(at + 8, at + 16).equals(wal.subarray(16, 24))) break;
    if (wal.readUInt32BE(at + 4) !== 0) commits++;
  }
  return commits;
}

/** Keeps this thread busy (no timer, no message delivered) until `done` or `ms` have passed. */
function busyUntil(done: () => boolean, ms: number): void {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openStore(commits: 'worker' | 'main') {
  const path = join(dirs.make(), 'events.sqlite');
  return { path, store: new SqliteEventStore({ path, commits }) };
}

describe('SQLite event store committing on a worker thread', () => {
  it('goes on answering while a commit waits, and answers the append once it is on disk', async () => {
    const { path, store } = openStore('worker');
    await store.append('warm', 'no_stream', [sampleEvent('Warm')]);
    const { released } = await holdWriteLock(path, 400);

    const started = Date.now();
    const append = store.append('case', 'no_stream', [sampleEvent('Referred')]);
    const ticks = ticksWhile(append);
    // Reads go on over the store's own connection while the commit waits.
    expect(await store.readStream('warm')).toHaveLength(1);

    // Some 40 ticks in 400 ms; a busy machine delays timers, but never down to a blocked loop's 0-3.
    expect(await ticks).toBeGreaterThanOrEqual(10);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await expect(append).resolves.toMatchObject({ version: 1n });
    expect(await store.readStream('case')).toHaveLength(1);
    await released;
    await store.close();
  });

  it('commits on the appending thread when told to, which waits with it (the contrast)', async () => {
    const { path, store } = openStore('main');
    const { released } = await holdWriteLock(path, 400);

    const append = store.append('case', 'no_stream', [sampleEvent('Referred')]);
    expect(await ticksWhile(append)).toBeLessThanOrEqual(3);
    await expect(append).resolves.toMatchObject({ version: 1n });
    await released;
    await store.close();
  });

  it('commits the appends that arrive during a commit as the next group, in the order they came', async () => {
    const { path, store } = openStore('worker');
    await store.append('warm', 'no_stream', [sampleEvent('Warm')]);
    const { released } = await holdWriteLock(path, 300);

    const first = store.append('first', 'no_stream', [sampleEvent('A')]);
    await sleep(50);
    const later = Array.from({ length: 20 }, (_, i) =>
      store.append(`later-${i}`, 'no_stream', [sampleEvent('B'), sampleEvent('C')]),
    );
    const results = await Promise.all([first, ...later]);

    const positions = results.map((r) => r.position);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(results.every((r, i) => r.version === (i === 0 ? 1n : 2n))).toBe(true);
    await released;
    await store.close();
  });

  it('commits what it was handed during a commit together, and at once, while this thread is busy', async () => {
    const { path, store } = openStore('worker');
    await store.append('warm', 'no_stream', [sampleEvent('Warm')]);
    const { released } = await holdWriteLock(path, 300);
    const before = commitsInWal(path);

    const first = store.append('first', 'no_stream', [sampleEvent('A')]);
    await sleep(50);
    const second = store.append('second', 'no_stream', [sampleEvent('B')]);
    await sleep(50);
    const third = store.append('third', 'no_stream', [sampleEvent('C')]);
    let answered = 0;
    for (const append of [first, second, third]) void append.then(() => answered++);
    await sleep(20); // the third is handed over
    // This thread does not look at its events until both commits are on disk: the worker went
    // from the first to the next without waiting to hear from it.
    busyUntil(() => commitsInWal(path) - before >= 2, 5_000);
    expect(commitsInWal(path) - before).toBe(2);

    // The next call to the store takes the answers waiting for this thread.
    // Microtasks only: a message event or a timer would let the event loop deliver them too.
    const poke = store.append('poke', 'no_stream', [sampleEvent('D')]);
    for (let hop = 0; hop < 10; hop++) await Promise.resolve();
    expect(answered).toBe(3);
    await expect(Promise.all([first, second, third, poke])).resolves.toHaveLength(4);
    await released;
    await store.close();
  });

  it.each(['worker', 'main'] as const)(
    'fails only the append whose data is not JSON, committing on %s',
    async (commits) => {
      const { store } = openStore(commits);
      const outcomes = await Promise.allSettled([
        store.append('before', 'no_stream', [sampleEvent('A')]),
        store.append('bigint', 'no_stream', [sampleEvent('A', { n: 1n })]),
        store.append('after', 'no_stream', [sampleEvent('A')]),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(TypeError);
      expect(await store.readStream('bigint')).toEqual([]);
      await store.close();
    },
  );

  it('hands back the store’s errors as their own classes, with their fields', async () => {
    const { store } = openStore('worker');
    await store.append('case', 'no_stream', [sampleEvent('A')]);
    const error = await store
      .append('case', 'no_stream', [sampleEvent('B')])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({
      streamId: 'case',
      expected: 'no_stream',
      actual: 1n,
      code: 'WRONG_EXPECTED_VERSION',
    });
    await store.close();
  });

  it('fails every append of a group whose commit fails, writes none of them, and commits the next', async () => {
    const { path, store } = openStore('worker');
    await store.append('warm', 'no_stream', [sampleEvent('Warm')]);
    // Longer than the 5 s the commit waits for the lock: its BEGIN IMMEDIATE fails SQLITE_BUSY.
    const { released } = await holdWriteLock(path, 6_500);

    const outcomes = await Promise.allSettled(
      ['one', 'two', 'three'].map((s) => store.append(s, 'no_stream', [sampleEvent('A')])),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
    await released;
    for (const s of ['one', 'two', 'three']) expect(await store.readStream(s)).toEqual([]);
    await expect(store.append('one', 'no_stream', [sampleEvent('A')])).resolves.toMatchObject({
      version: 1n,
    });
    await store.close();
  }, 20_000);

  it('fails the group of a worker that dies as unknown, starts another, and a retry is answered once', async () => {
    const { path, store } = openStore('worker');
    await store.append('warm', 'no_stream', [sampleEvent('Warm')]);
    const { released } = await holdWriteLock(path, 300);
    const events = [sampleEvent('A'), sampleEvent('B')];

    const append = store.append('case', 'no_stream', events);
    await sleep(50);
    const thread = (store as unknown as { commitThread: { worker: Worker } }).commitThread;
    // It ends once the commit waiting in SQLite gives control back. Whether the group was
    // written is not known to the store; the retry's answer says, and stores it once either way.
    void thread.worker.terminate();

    await expect(append).rejects.toBeInstanceOf(StoreUnavailable);
    await released;
    const retried = await store.append('case', 'no_stream', events);
    expect(retried).toMatchObject({ version: 2n });
    expect(await store.readStream('case')).toHaveLength(2);
    await expect(store.append('other', 'no_stream', [sampleEvent('C')])).resolves.toMatchObject({
      version: 1n,
    });
    await store.close();
  });

  it('answers the commit under way and the group gathered meanwhile before it closes', async () => {
    const { path, store } = openStore('worker');
    await store.append('warm', 'no_stream', [sampleEvent('Warm')]);
    const { released } = await holdWriteLock(path, 300);

    const appends = ['one', 'two', 'three'].map((s, i) =>
      i === 0
        ? store.append(s, 'no_stream', [sampleEvent('A')])
        : sleep(50).then(() => store.append(s, 'no_stream', [sampleEvent('A')])),
    );
    await sleep(100);
    await store.close();

    await expect(Promise.all(appends)).resolves.toHaveLength(3);
    await released;
    const reopened = new SqliteEventStore({ path });
    for (const s of ['one', 'two', 'three']) expect(await reopened.readStream(s)).toHaveLength(1);
    await reopened.close();
  });
});
