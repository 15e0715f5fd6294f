import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NewEvent } from './event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { StreamCache } from './stream-cache';
import { describeEventStoreContract } from './testing/event-store.contract';
import { temporaryDirectories } from './testing/temporary-directory';

const dirs = temporaryDirectories('casetrail-stream-cache-');
afterAll(() => dirs.cleanup());

// The cache must not change what the port promises: the whole contract, through a cache small
// enough that streams are evicted and read again in the middle of it.
describeEventStoreContract('SQLite behind a stream cache', {
  async open() {
    const store = new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite') });
    return new StreamCache(store, 5, { headIsCheap: true });
  },
});

const event = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'Counted',
  schemaVersion: 1,
  data: { n, nested: { list: [n] } },
  metadata: {
    actor: { userId: 'u', displayName: 'U', agency: 'A', roles: [] },
    partnershipId: 'p',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
  },
});

describe('StreamCache', () => {
  const open = (maxEvents = 100, headIsCheap = true) => {
    const path = join(dirs.make(), 'events.sqlite');
    const store = new SqliteEventStore({ path });
    return { path, store, cache: new StreamCache(store, maxEvents, { headIsCheap }) };
  };

  it('sees what was appended after it cached a stream, by itself or by another writer', async () => {
    const { path, store, cache } = open();
    await cache.append('s', 'no_stream', [event(1), event(2)]);
    expect((await cache.readStream('s')).map((e) => e.version)).toEqual([1n, 2n]);
    // Another connection to the same file, as the CLI or a second process would be.
    const other = new SqliteEventStore({ path });
    await other.append('s', 2n, [event(3)]);
    await other.close();
    expect(await cache.readStream('s')).toEqual(await store.readStream('s'));
    expect((await cache.readStream('s')).map((e) => e.version)).toEqual([1n, 2n, 3n]);
    await cache.close();
  });

  it('reads a cached stream again without probing it while the log has not grown', async () => {
    const { store, cache } = open();
    await cache.append('s', 'no_stream', [event(1), event(2), event(3)]);
    await cache.readStream('s');
    const reads = jest.spyOn(store, 'readStream');
    expect((await cache.readStream('s')).map((e) => e.version)).toEqual([1n, 2n, 3n]);
    expect(reads).not.toHaveBeenCalled();
    await cache.close();
  });

  it('probes a cached stream every time where reading the head is not cheap (EventStoreDB)', async () => {
    const { store, cache } = open(100, false);
    await cache.append('s', 'no_stream', [event(1), event(2), event(3)]);
    await cache.readStream('s');
    const heads = jest.spyOn(store, 'headPosition');
    const reads = jest.spyOn(store, 'readStream');
    await cache.readStream('s');
    expect(reads.mock.calls).toEqual([['s', { from: 4n }]]);
    expect(heads).not.toHaveBeenCalled();
    await cache.close();
  });

  it('probes a cached stream once for newer events when anything was appended since', async () => {
    const { store, cache } = open();
    await cache.append('s', 'no_stream', [event(1), event(2), event(3)]);
    await cache.readStream('s');
    await store.append('t', 'no_stream', [event(1)]);
    const reads = jest.spyOn(store, 'readStream');
    await cache.readStream('s');
    expect(reads.mock.calls).toEqual([['s', { from: 4n }]]);
    await cache.readStream('s');
    expect(reads).toHaveBeenCalledTimes(1);
    await cache.close();
  });

  it('reads the head once for the reads started in one turn, and again in the next', async () => {
    const { path, store, cache } = open();
    await cache.append('a', 'no_stream', [event(1)]);
    await cache.append('b', 'no_stream', [event(1)]);
    await Promise.all([cache.readStream('a'), cache.readStream('b')]);
    const heads = jest.spyOn(store, 'headPosition');
    const reads = jest.spyOn(store, 'readStream');
    const [a, b, head] = await Promise.all([
      cache.readStream('a'),
      cache.readStream('b'),
      cache.headPosition(),
    ]);
    expect([a.length, b.length, head]).toEqual([1, 1, 2n]);
    expect(heads).toHaveBeenCalledTimes(1);
    expect(reads).not.toHaveBeenCalled();
    // Appended through another connection, which this one cannot see happen: the next turn
    // reads the head again and probes.
    const other = new SqliteEventStore({ path });
    await other.append('a', 1n, [event(2)]);
    await other.close();
    expect((await cache.readStream('a')).map((e) => e.version)).toEqual([1n, 2n]);
    expect(await cache.headPosition()).toBe(3n);
    expect(heads).toHaveBeenCalledTimes(3);
    await cache.close();
  });

  it('hands out frozen events in a fresh array, so no reader changes what the next one sees', async () => {
    const { cache } = open();
    await cache.append('s', 'no_stream', [event(1)]);
    const first = await cache.readStream('s');
    first.pop();
    const [again] = await cache.readStream('s');
    expect(again!.data).toEqual({ n: 1, nested: { list: [1] } });
    expect(() => {
      (again!.data as { nested: { list: number[] } }).nested.list.push(2);
    }).toThrow(TypeError);
    await cache.close();
  });

  it('passes partial and backward reads to the store untouched', async () => {
    const { store, cache } = open();
    await cache.append('s', 'no_stream', [event(1), event(2), event(3)]);
    await cache.readStream('s');
    expect(await cache.readStream('s', { from: 2n, limit: 1 })).toEqual(
      await store.readStream('s', { from: 2n, limit: 1 }),
    );
    expect(await cache.readStream('s', { direction: 'backwards' })).toEqual(
      await store.readStream('s', { direction: 'backwards' }),
    );
    await cache.close();
  });

  it('keeps no more events than its bound, dropping the stream read least recently', async () => {
    const { store, cache } = open(4);
    await cache.append('a', 'no_stream', [event(1), event(2)]);
    await cache.append('b', 'no_stream', [event(1), event(2)]);
    await cache.append('c', 'no_stream', [event(1), event(2)]);
    await cache.readStream('a');
    await cache.readStream('b');
    await cache.readStream('a');
    await cache.readStream('c'); // 6 > 4: b, read least recently, goes
    const reads = jest.spyOn(store, 'readStream');
    await cache.readStream('a');
    await cache.readStream('b');
    expect(reads.mock.calls).toEqual([['b', { from: 1n }]]);
    await cache.close();
  });

  it('answers concurrent reads of one stream alike, without caching an event twice', async () => {
    const { store, cache } = open();
    await cache.append('s', 'no_stream', [event(1), event(2)]);
    const answers = await Promise.all([
      cache.readStream('s'),
      cache.readStream('s'),
      cache.readStream('s'),
    ]);
    for (const answer of answers) expect(answer).toEqual(await store.readStream('s'));
    expect((await cache.readStream('s')).map((e) => e.version)).toEqual([1n, 2n]);
    await cache.close();
  });
});
