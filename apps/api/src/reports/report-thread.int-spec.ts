import { Worker } from 'node:worker_threads';
import { ReportsBusy } from '../http/problem-details';
import type { ReportName } from './report-builds';
import { ReportThread } from './report-thread';

/**
 * A stand-in for report-worker.ts that speaks its protocol: each build takes `query.ms` of the
 * worker's time (blocking it, as a real build does) and answers with its name, its query and how
 * many builds the worker has made; 'fail' throws what a missing read-model table throws, and
 * 'die' ends the worker mid-build.
 */
const STAND_IN = `
const { parentPort } = require('node:worker_threads');
let builds = 0;
parentPort.on('message', ({ id, name, query }) => {
  if (name === 'die') process.exit(3);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, query.ms ?? 0);
  builds += 1;
  if (name === 'fail') {
    parentPort.postMessage({ id, error: { name: 'SqliteError', message: 'no such table: rm_x', fields: { code: 'SQLITE_ERROR' } } });
  } else {
    parentPort.postMessage({ id, report: { name, query, builds } });
  }
});
`;

interface Answer {
  name: string;
  query: { ms?: number; n?: number };
  builds: number;
}

describe('ReportThread: the reports built on a thread of their own', () => {
  let spawned: number;
  let thread: ReportThread;
  const build = (name: string, query: { ms?: number; n?: number }) =>
    thread.build(name as ReportName, query as never) as Promise<unknown> as Promise<Answer>;

  beforeEach(() => {
    spawned = 0;
    thread = new ReportThread(
      { readModelsPath: 'unused' },
      {
        maxWaiting: 2,
        idleMs: 200,
        spawn: () => {
          spawned += 1;
          return new Worker(STAND_IN, { eval: true });
        },
      },
    );
  });
  afterEach(() => thread.stop());

  it('keeps the asking thread free while a report is built', async () => {
    const report = build('annual', { ms: 600 });
    // A timer due in 20 ms fires on time: the 600 ms build is not on this thread.
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Date.now() - started).toBeLessThan(300);
    await expect(report).resolves.toMatchObject({ name: 'annual', query: { ms: 600 }, builds: 1 });
  });

  it('builds one report at a time, in the order asked', async () => {
    const finished: string[] = [];
    const asked = ['annual', 'families', 'processes'].map((name) =>
      build(name, { ms: 50 }).then((answer) => finished.push(`${answer.name} ${answer.builds}`)),
    );
    await Promise.all(asked);
    expect(finished).toEqual(['annual 1', 'families 2', 'processes 3']);
    expect(spawned).toBe(1);
  });

  it('answers identical requests waiting their turn from one build', async () => {
    const first = build('annual', { ms: 200 });
    const same = await Promise.all([1, 2, 3].map(() => build('dataQuality', { n: 1 })));
    expect(same.map((answer) => answer.builds)).toEqual([2, 2, 2]);
    // A different query is a different build.
    await expect(build('dataQuality', { n: 2 })).resolves.toMatchObject({ builds: 3 });
    await first;
  });

  it('does not share a build already under way: it may have read before the asker wrote', async () => {
    const running = build('annual', { ms: 200 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await build('annual', { ms: 200 });
    expect((await running).builds).toBe(1);
    expect(after.builds).toBe(2);
  });

  it('refuses a build past the waiting limit at once, and takes it again once there is room', async () => {
    const running = build('annual', { ms: 300 });
    const waiting = [build('families', {}), build('processes', {})];
    await expect(build('learningThemes', {})).rejects.toBeInstanceOf(ReportsBusy);
    await Promise.all([running, ...waiting]);
    await expect(build('learningThemes', {})).resolves.toMatchObject({ name: 'learningThemes' });
  });

  it('passes on what a build threw, with the code the problem answers read', async () => {
    const failure = build('fail', {});
    await expect(failure).rejects.toMatchObject({
      name: 'SqliteError',
      message: 'no such table: rm_x',
      code: 'SQLITE_ERROR',
    });
    await expect(build('annual', {})).resolves.toMatchObject({ builds: 2 });
  });

  it('fails the build a dying worker was on, and starts another for the next', async () => {
    await expect(build('die', {})).rejects.toThrow(/ended while building die: exit code 3/);
    await expect(build('annual', {})).resolves.toMatchObject({ builds: 1 });
    expect(spawned).toBe(2);
  });

  it('ends a worker idle for a while, to give back what its last build held, and starts another', async () => {
    await build('annual', {});
    await expect(build('families', { ms: 100 })).resolves.toMatchObject({ builds: 2 });
    expect(spawned).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await expect(build('annual', {})).resolves.toMatchObject({ builds: 1 });
    expect(spawned).toBe(2);
  });

  it('once stopped, fails what was under way or waiting, and refuses more', async () => {
    const running = build('annual', { ms: 300 });
    const waiting = build('families', {});
    const outcomes = Promise.allSettled([running, waiting]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await thread.stop();
    const [underWay, queued] = await outcomes;
    expect(underWay).toMatchObject({
      reason: { message: expect.stringMatching(/ended while building annual/) },
    });
    expect(queued).toMatchObject({ reason: { message: expect.stringMatching(/stopped/) } });
    await expect(build('annual', {})).rejects.toThrow(/stopped/);
  });
});
