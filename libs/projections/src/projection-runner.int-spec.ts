import { join } from 'node:path';
import { NO_STREAM, SqliteEventStore, type StoredEvent } from '@casetrail/event-store';
import { sampleEvent } from '@casetrail/event-store/testing/sample-events';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { eventCountsProjection } from './event-counts/event-counts.projection';
import type { Projection } from './projection';
import { ProjectionFailed } from './projection-failed';
import { ProjectionRunner } from './projection-runner';
import { ReadModelStore } from './read-model-store';

const dirs = temporaryDirectories('casetrail-projections-');

/** The event counts projection under another name, in a table of that name. */
const copyOf = (name: string): Projection => ({
  ...eventCountsProjection,
  name,
  tables: [name],
  createSchema: (t) => eventCountsProjection.createSchema({ event_counts: t[name] }),
  bind: (db, t) => eventCountsProjection.bind(db, { event_counts: t[name] }),
});

/** A copy named fragile_counts that fails on every event of the type. */
const poisonOn = (type: string): Projection => ({
  ...copyOf('fragile_counts'),
  bind(db, t) {
    const count = copyOf('fragile_counts').bind(db, t);
    return (event: StoredEvent) => {
      if (event.type === type) throw new Error(`cannot read ${type}`);
      count(event);
    };
  },
});

afterAll(() => dirs.cleanup());

describe('the projection runner', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelStore;
  let runner: ProjectionRunner | undefined;

  beforeEach(() => {
    dir = dirs.make();
    store = new SqliteEventStore({ path: join(dir, 'events.sqlite') });
    readModels = new ReadModelStore(join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
    readModels.close();
    await store.close();
  });

  const startRunner = (projections: Projection[] = [eventCountsProjection], batchSize = 7) => {
    runner = new ProjectionRunner(store, readModels, projections, { batchSize, idleWaitMs: 20 });
    runner.start();
    return runner;
  };
  const appendMix = async (prefix: string, streams: number, perStream: number) => {
    let head = 0n;
    for (let s = 0; s < streams; s++) {
      const events = Array.from({ length: perStream }, (_, i) => sampleEvent(i % 3 === 0 ? 'CaseReferred' : 'ProgressRecorded'));
      head = (await store.append(`${prefix}-${s}`, NO_STREAM, events)).position;
    }
    return head;
  };
  const counts = () =>
    Object.fromEntries(
      (readModels.db.prepare('SELECT event_type, count FROM event_counts ORDER BY event_type').all() as Array<{
        event_type: string;
        count: bigint;
      }>).map((r) => [r.event_type, Number(r.count)]),
    );

  describe('when events are in the log', () => {
    it('feeds the projection up to the head, a batch and its checkpoint at a time', async () => {
      const head = await appendMix('case', 10, 6);
      const r = startRunner();
      expect(await r.waitForPosition(head, 5_000)).toBe(true);
      expect(counts()).toEqual({ CaseReferred: 20, ProgressRecorded: 40 });
      const [status] = await r.status();
      expect(status).toMatchObject({ name: 'event_counts', checkpoint: head.toString(), eventsBehind: 0, secondsBehind: 0 });
    });

    it('lets other work run between its batches while it catches up', async () => {
      const head = await appendMix('case', 40, 25);
      const r = startRunner([eventCountsProjection], 50);
      const reachedWhenOtherWorkRan = await new Promise<bigint>((resolve) =>
        setImmediate(() => resolve(readModels.active('event_counts')?.position ?? 0n)),
      );
      expect(reachedWhenOtherWorkRan).toBeLessThan(head);
      expect(await r.waitForPosition(head, 5_000)).toBe(true);
    });

    it('follows new events as they are appended', async () => {
      const r = startRunner();
      const head = await appendMix('case', 3, 3);
      expect(await r.waitForPosition(head, 5_000)).toBe(true);
      expect(counts()).toEqual({ CaseReferred: 3, ProgressRecorded: 6 });
    });

    it('reads each page of the log once for all the projections at the same checkpoint', async () => {
      const pagesAfter: bigint[] = [];
      const readAll = store.readAll.bind(store);
      jest.spyOn(store, 'readAll').mockImplementation(async (options) => {
        const page = await readAll(options);
        if (page.length > 0) pagesAfter.push(options?.after ?? 0n);
        return page;
      });
      const r = startRunner([eventCountsProjection, copyOf('second_counts'), copyOf('third_counts')], 4);
      const head = await appendMix('case', 5, 5);
      expect(await r.waitForPosition(head, 5_000)).toBe(true);
      expect(pagesAfter.length).toBeGreaterThanOrEqual(25 / 4);
      expect(new Set(pagesAfter).size).toBe(pagesAfter.length);
      expect(readModels.db.prepare('SELECT event_type, count FROM third_counts ORDER BY event_type').all()).toEqual(
        readModels.db.prepare('SELECT event_type, count FROM event_counts ORDER BY event_type').all(),
      );
    });
  });

  describe('when the service restarts', () => {
    it('resumes from its checkpoint without counting anything twice', async () => {
      const first = await appendMix('before', 4, 5);
      await startRunner().waitForPosition(first, 5_000);
      await runner!.stop();

      const second = await appendMix('after', 2, 5);
      const restarted = startRunner();
      expect(await restarted.waitForPosition(second, 5_000)).toBe(true);
      expect(counts()).toEqual({ CaseReferred: 12, ProgressRecorded: 18 });
    });
  });

  describe('when two feeders race on the same generation', () => {
    it('commits each batch once, thanks to the compare-and-set checkpoint', async () => {
      const head = await appendMix('case', 5, 4);
      const other = new ReadModelStore(join(dir, 'read-models.sqlite'));
      const a = startRunner();
      const b = new ProjectionRunner(store, other, [eventCountsProjection], { batchSize: 3, idleWaitMs: 20 });
      b.start();
      expect(await a.waitForPosition(head, 5_000)).toBe(true);
      await b.stop();
      other.close();
      expect(counts()).toEqual({ CaseReferred: 10, ProgressRecorded: 10 });
    });
  });

  describe('when a projection is rebuilt', () => {
    it('leaves a kept statement reading the new generation once the views switch over', async () => {
      const r = startRunner();
      const head = await appendMix('case', 4, 3);
      expect(await r.waitForPosition(head, 5_000)).toBe(true);
      const total = readModels.prepared('SELECT sum(count) AS n FROM event_counts');
      expect(total.get()).toEqual({ n: 12n });
      await r.rebuild('event_counts');
      await appendMix('after', 1, 3);
      expect(await r.waitForPosition(head + 3n, 5_000)).toBe(true);
      // Generation 1's table is gone: the kept statement now reads generation 2 through the view.
      expect(readModels.db.prepare("SELECT name FROM sqlite_master WHERE name = 'event_counts__g1'").get()).toBeUndefined();
      expect(readModels.prepared('SELECT sum(count) AS n FROM event_counts')).toBe(total);
      expect(total.get()).toEqual({ n: 15n });
    });

    it('fills fresh tables, switches over and matches the live rows, while appends go on', async () => {
      const r = startRunner();
      await appendMix('case', 20, 5);
      const appending = appendMix('during', 20, 5);
      const rebuilt = await r.rebuild('event_counts');
      const head = await appending;
      expect(BigInt(rebuilt.generation)).toBe(2n);
      expect(await r.waitForPosition(head, 5_000)).toBe(true);
      expect(counts()).toEqual({ CaseReferred: 80, ProgressRecorded: 120 });
      const tables = readModels.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'event_counts__g%'")
        .all();
      expect(tables).toEqual([{ name: 'event_counts__g2' }]);
    });

    it('rebuilds by itself when the projection code changes version', async () => {
      const head = await appendMix('case', 3, 3);
      await startRunner().waitForPosition(head, 5_000);
      await runner!.stop();
      readModels.db.exec('DELETE FROM event_counts__g1'); // what a buggy v1 might have left

      const r = startRunner([{ ...eventCountsProjection, version: 2 }]);
      await waitUntil(() => readModels.active('event_counts')?.version === 2n);
      expect(await r.waitForPosition(head, 5_000)).toBe(true);
      expect(counts()).toEqual({ CaseReferred: 3, ProgressRecorded: 6 });
    });
  });

  describe('when several projections are rebuilt in one pass', () => {

    it('reads the log once, fills every fresh generation and switches them over together', async () => {
      const r = startRunner([eventCountsProjection, copyOf('other_counts')]);
      const head = await appendMix('case', 10, 4);
      await r.waitForPosition(head, 5_000);
      const live = counts();
      let reads = 0;
      const readAll = store.readAll.bind(store);
      store.readAll = (options) => {
        reads++;
        return readAll(options);
      };
      const results = await r.rebuildAll();
      expect(results.map((x) => [x.name, x.generation, x.checkpoint])).toEqual([
        ['event_counts', '2', head.toString()],
        ['other_counts', '2', head.toString()],
      ]);
      // 40 events in pages of 7: 6 pages and one empty read that ends the pass, once for both.
      expect(reads).toBeLessThanOrEqual(8);
      expect(counts()).toEqual(live);
      expect(readModels.db.prepare('SELECT event_type, count FROM other_counts ORDER BY event_type').all()).toEqual(
        readModels.db.prepare('SELECT event_type, count FROM event_counts ORDER BY event_type').all(),
      );
    });

    it('drops every fresh generation when one projection fails, leaving nothing half-built', async () => {
      const fragile = poisonOn('Poison');
      const r = new ProjectionRunner(store, readModels, [eventCountsProjection, fragile], { batchSize: 7 });
      runner = r;
      await appendMix('case', 3, 3);
      await store.append('poison', NO_STREAM, [sampleEvent('Poison')]);
      await expect(r.rebuildAll()).rejects.toThrow(/fragile_counts failed at position \d+: .*cannot read Poison/);
      const generations = readModels.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB '*__g[0-9]*'").all();
      expect(generations).toEqual([]);
    });
  });

  describe('when a projection fails on an event', () => {

    it('stops at that event, records it, and lets the other projections go on', async () => {
      await store.append('case-1', NO_STREAM, [sampleEvent('A'), sampleEvent('A')]);
      const poison = await store.append('case-2', NO_STREAM, [sampleEvent('Poison')]);
      const head = (await store.append('case-3', NO_STREAM, [sampleEvent('A')])).position;
      const r = startRunner([eventCountsProjection, poisonOn('Poison')], 100);

      await waitUntil(() => readModels.active('fragile_counts')?.failure !== null);
      const statuses = await r.status();
      const fragile = statuses.find((s) => s.name === 'fragile_counts')!;
      expect(fragile.failure).toMatchObject({ position: poison.position.toString(), eventType: 'Poison' });
      expect(fragile.failure!.error).toContain('cannot read Poison');
      expect(fragile.checkpoint).toBe((poison.position - 1n).toString());
      expect(fragile.eventsBehind).toBe(2);
      expect(readModels.db.prepare('SELECT count FROM fragile_counts').all()).toEqual([{ count: 2n }]);

      await waitUntil(() => readModels.active('event_counts')!.position === head);
      expect(counts()).toEqual({ A: 3, Poison: 1 });
      expect(r.reached(head)).toBe(false);
    });

    it('catches up once retried after a fix, while the others keep following', async () => {
      let broken = true;
      const mendable: Projection = {
        ...copyOf('fragile_counts'),
        bind(db, t) {
          const count = copyOf('fragile_counts').bind(db, t);
          return (event: StoredEvent) => {
            if (broken && event.type === 'Poison') throw new Error('cannot read Poison');
            count(event);
          };
        },
      };
      await store.append('case-1', NO_STREAM, [sampleEvent('A'), sampleEvent('Poison')]);
      const r = startRunner([eventCountsProjection, mendable], 2);
      await waitUntil(() => readModels.active('fragile_counts')?.failure !== null);
      const later = await appendMix('later', 4, 3);
      await waitUntil(() => readModels.active('event_counts')!.position === later);
      expect(readModels.active('fragile_counts')!.position).toBeLessThan(later);

      broken = false;
      expect(r.retry('fragile_counts')).toBe(true);
      const head = await appendMix('last', 2, 3);
      expect(await r.waitForPosition(head, 5_000)).toBe(true);
      expect(readModels.db.prepare('SELECT event_type, count FROM fragile_counts ORDER BY event_type').all()).toEqual(
        readModels.db.prepare('SELECT event_type, count FROM event_counts ORDER BY event_type').all(),
      );
    });
  });

  describe('when a projection defers work to the end of each batch', () => {
    /** Counts at the end of each batch only; with `failOn`, that batch's end fails on the event of that type. */
    const deferring = (failOn?: { type: string; named: boolean }): Projection => ({
      ...copyOf('batched_counts'),
      bind(db, t) {
        const count = copyOf('batched_counts').bind(db, t);
        const pending: StoredEvent[] = [];
        return Object.assign((event: StoredEvent) => void pending.push(event), {
          endBatch() {
            const events = pending.splice(0);
            const poison = events.find((e) => e.type === failOn?.type);
            if (poison && failOn?.named) throw new ProjectionFailed('batched_counts', poison, new Error('cannot end on Poison'));
            if (poison) throw new Error('cannot end on Poison');
            events.forEach(count);
          },
        });
      },
    });
    const batchedCounts = () => readModels.db.prepare('SELECT event_type, count FROM batched_counts ORDER BY event_type').all();

    it('ends every batch inside its transaction, with its checkpoint', async () => {
      const head = await appendMix('case', 10, 4);
      const r = startRunner([eventCountsProjection, deferring()]);
      expect(await r.waitForPosition(head, 5_000)).toBe(true);
      expect(batchedCounts()).toEqual(readModels.db.prepare('SELECT event_type, count FROM event_counts ORDER BY event_type').all());
    });

    it('stops at the event the deferred work names, keeping the part of the batch before it', async () => {
      await store.append('case-1', NO_STREAM, [sampleEvent('A'), sampleEvent('A')]);
      const poison = await store.append('case-2', NO_STREAM, [sampleEvent('Poison')]);
      await store.append('case-3', NO_STREAM, [sampleEvent('A')]);
      startRunner([deferring({ type: 'Poison', named: true })], 100);
      await waitUntil(() => (readModels.active('batched_counts')?.failure ?? null) !== null);
      const active = readModels.active('batched_counts')!;
      expect(active.failure).toMatchObject({ position: poison.position.toString(), eventType: 'Poison' });
      expect(active.position).toBe(poison.position - 1n);
      expect(batchedCounts()).toEqual([{ event_type: 'A', count: 2n }]);
    });

    it('stops at the first event of the batch when the deferred work names none', async () => {
      const first = await store.append('case-1', NO_STREAM, [sampleEvent('A')]);
      await store.append('case-2', NO_STREAM, [sampleEvent('Poison')]);
      startRunner([deferring({ type: 'Poison', named: false })], 100);
      await waitUntil(() => (readModels.active('batched_counts')?.failure ?? null) !== null);
      const active = readModels.active('batched_counts')!;
      expect(active.failure).toMatchObject({ position: first.position.toString(), eventType: 'A' });
      expect(active.failure!.error).toContain('cannot end on Poison');
      expect(active.position).toBe(0n);
      expect(batchedCounts()).toEqual([]);
    });
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
