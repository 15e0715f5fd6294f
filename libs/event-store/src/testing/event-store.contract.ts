import { randomUUID } from 'node:crypto';
import { EventIdAlreadyUsed, WrongExpectedVersion } from '../errors';
import {
  ANY,
  type EventStore,
  type ExpectedVersion,
  NO_STREAM,
  type NewEvent,
  STREAM_EXISTS,
  type StoredEvent,
} from '../event-store';
import { verifyChains } from '../verify';

export interface EventStoreHarness {
  /** A store ready to use. Tests isolate themselves by stream name, so it may be shared. */
  open(): Promise<EventStore>;
}

/**
 * The behaviour every adapter must show, written once and run unchanged against each.
 * Tests never assume the global log is theirs alone: they look at their own streams only.
 */
export function describeEventStoreContract(adapter: string, harness: EventStoreHarness): void {
  describe(`${adapter} event store (contract)`, () => {
    let store: EventStore;
    let run: string;
    const stream = (name: string) => `${name}-${run}`;

    beforeEach(async () => {
      store = await harness.open();
      run = randomUUID().replace(/-/g, '');
    });
    afterEach(async () => {
      await store.close();
    });

    describe('when a stream does not exist', () => {
      it('reads as version 0 in both directions', async () => {
        expect(await store.readStream(stream('case'))).toEqual([]);
        expect(await store.readStream(stream('case'), { direction: 'backwards' })).toEqual([]);
      });
    });

    describe('when events are appended', () => {
      it('keeps them in order with versions 1..n and increasing positions', async () => {
        const first = await store.append(stream('case'), NO_STREAM, [event('A'), event('B')]);
        const second = await store.append(stream('case'), 2n, [event('C')]);
        expect(first.version).toBe(2n);
        expect(second.version).toBe(3n);
        expect(second.position).toBeGreaterThan(first.position);

        const read = await store.readStream(stream('case'));
        expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C']);
        expect(read.map((e) => e.version)).toEqual([1n, 2n, 3n]);
        expect(read[1].position).toBe(first.position);
        expect(read[2].position).toBe(second.position);
        expect(read.every((e) => typeof e.position === 'bigint')).toBe(true);
      });

      it('stamps each event with the time the store recorded it', async () => {
        const before = Date.now();
        await store.append(stream('case'), NO_STREAM, [event('A')]);
        const [stored] = await store.readStream(stream('case'));
        const recorded = Date.parse(stored.recordedAt);
        expect(stored.recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect(recorded).toBeGreaterThanOrEqual(before - 1000);
        expect(recorded).toBeLessThanOrEqual(Date.now() + 1000);
      });

      it('reads a stream forwards and backwards between two versions', async () => {
        await store.append(stream('case'), NO_STREAM, ['A', 'B', 'C', 'D', 'E'].map((t) => event(t)));
        const types = (events: StoredEvent[]) => events.map((e) => e.type).join('');
        expect(types(await store.readStream(stream('case'), { from: 2n, to: 4n }))).toBe('BCD');
        expect(types(await store.readStream(stream('case'), { from: 2n, limit: 2 }))).toBe('BC');
        expect(types(await store.readStream(stream('case'), { direction: 'backwards' }))).toBe('EDCBA');
        expect(types(await store.readStream(stream('case'), { direction: 'backwards', from: 4n, to: 2n }))).toBe(
          'DCB',
        );
        expect(types(await store.readStream(stream('case'), { direction: 'backwards', limit: 1 }))).toBe('E');
        expect(types(await store.readStream(stream('case'), { to: 0n }))).toBe('');
      });
    });

    describe('when an expected version is given', () => {
      const cases: Array<[string, number, ExpectedVersion, 'ok' | bigint]> = [
        ['no stream, on a missing stream', 0, NO_STREAM, 'ok'],
        ['no stream, on an existing stream', 2, NO_STREAM, 2n],
        ['stream exists, on a missing stream', 0, STREAM_EXISTS, 0n],
        ['stream exists, on an existing stream', 2, STREAM_EXISTS, 'ok'],
        ['any, on a missing stream', 0, ANY, 'ok'],
        ['any, on an existing stream', 2, ANY, 'ok'],
        ['the exact count, 0 on a missing stream', 0, 0n, 'ok'],
        ['the exact count, on an existing stream', 2, 2n, 'ok'],
        ['a stale count', 2, 1n, 2n],
        ['a count ahead of the stream', 2, 5n, 2n],
        ['a count on a missing stream', 0, 1n, 0n],
      ];
      it.each(cases)('%s', async (_name, existing, expected, outcome) => {
        if (existing > 0) {
          await store.append(stream('case'), NO_STREAM, Array.from({ length: existing }, () => event('Seed')));
        }
        const attempt = store.append(stream('case'), expected, [event('Next')]);
        if (outcome === 'ok') {
          await expect(attempt).resolves.toMatchObject({ version: BigInt(existing + 1) });
        } else {
          const error = await attempt.catch((e: unknown) => e);
          expect(error).toBeInstanceOf(WrongExpectedVersion);
          expect((error as WrongExpectedVersion).actual).toBe(outcome);
          expect(await store.readStream(stream('case'))).toHaveLength(existing);
        }
      });
    });

    describe('when several writers append at the same version', () => {
      it('lets exactly one of them win and appends nothing for the others', async () => {
        await store.append(stream('case'), NO_STREAM, [event('Seed')]);
        const writers = 16;
        const outcomes = await Promise.allSettled(
          Array.from({ length: writers }, (_, i) => store.append(stream('case'), 1n, [event(`W${i}`)])),
        );
        const won = outcomes.filter((o) => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost.every((o) => o.reason instanceof WrongExpectedVersion)).toBe(true);
        expect(await store.readStream(stream('case'))).toHaveLength(2);
      });

      it('appends every write to different streams', async () => {
        const outcomes = await Promise.all(
          Array.from({ length: 16 }, (_, i) => store.append(stream(`s${i}`), NO_STREAM, [event('A')])),
        );
        expect(new Set(outcomes.map((o) => o.position)).size).toBe(16);
      });
    });

    describe('when the global log is read', () => {
      it('is totally ordered and resumes strictly after a position', async () => {
        const start = await store.headPosition();
        await store.append(stream('a'), NO_STREAM, [event('A1'), event('A2')]);
        await store.append(stream('b'), NO_STREAM, [event('B1')]);
        await store.append(stream('a'), 2n, [event('A3')]);
        await store.append(stream('b'), 1n, [event('B2'), event('B3')]);

        const mine = (events: StoredEvent[]) => events.filter((e) => e.streamId.endsWith(run));
        const seen: StoredEvent[] = [];
        let after = start;
        for (;;) {
          const page = await store.readAll({ after, limit: 2 });
          if (page.length === 0) break;
          expect(page[0].position).toBeGreaterThan(after);
          seen.push(...page);
          after = page[page.length - 1].position;
        }
        const positions = seen.map((e) => e.position);
        expect(positions).toEqual([...positions].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
        expect(new Set(positions).size).toBe(positions.length);
        expect(mine(seen).map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3', 'B2', 'B3']);
        expect(await store.headPosition()).toBe(seen[seen.length - 1].position);
        expect(await store.countAfter(mine(seen)[3].position, 100)).toBeGreaterThanOrEqual(2);
      });

      it('wakes a follower waiting for events once one is appended', async () => {
        const head = await store.headPosition();
        const woke = store.waitForEvents(head, 10_000).then(() => Date.now());
        const appendedAt = Date.now();
        await store.append(stream('case'), NO_STREAM, [event('A')]);
        expect((await woke) - appendedAt).toBeLessThan(5_000);
      });
    });

    describe('when payloads are unusual', () => {
      it('round-trips metadata, unicode and a large payload', async () => {
        const data = {
          pseudonym: 'Child Ω — “R” 🧒',
          nested: { list: [1, 2.5, null, true, 'ß'], empty: {} },
          text: 'x'.repeat(1_000_000),
        };
        const original = event('Large', data, {
          knownOn: '2016-06-13',
          source: 'seed:003 Appendix 1',
        });
        await store.append(stream('case'), NO_STREAM, [original]);
        const [stored] = await store.readStream(stream('case'));
        expect(stored.data).toEqual(data);
        expect(stored.metadata).toEqual(original.metadata);
        expect(stored.eventId).toBe(original.eventId);
        expect(stored.schemaVersion).toBe(3);
      });
    });

    describe('when a client retries an append', () => {
      it('returns the original result and stores the events once', async () => {
        const events = [event('A'), event('B')];
        const first = await store.append(stream('case'), NO_STREAM, events);
        await store.append(stream('case'), 2n, [event('C')]);
        const retry = await store.append(stream('case'), NO_STREAM, events);
        expect(retry).toEqual(first);
        expect((await store.readStream(stream('case'))).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('returns the original result for one event retried with any version, or after the stream moved on', async () => {
        const only = event('A');
        const first = await store.append(stream('case'), NO_STREAM, [only]);
        expect(await store.append(stream('case'), ANY, [only])).toEqual(first);
        await store.append(stream('case'), 1n, [event('B')]);
        expect(await store.append(stream('case'), NO_STREAM, [only])).toEqual(first);
        expect(await store.append(stream('case'), 1n, [only])).toEqual(first);
        expect((await store.readStream(stream('case'))).map((e) => e.type)).toEqual(['A', 'B']);
      });

      it('refuses the same event id on another stream', async () => {
        const shared = event('A');
        await store.append(stream('one'), NO_STREAM, [shared]);
        await expect(store.append(stream('two'), NO_STREAM, [shared])).rejects.toBeInstanceOf(EventIdAlreadyUsed);
        await expect(store.append(stream('one'), 5n, [shared])).resolves.toMatchObject({ version: 1n });
        await expect(store.append(stream('two'), 5n, [shared])).rejects.toBeInstanceOf(EventIdAlreadyUsed);
        expect(await store.readStream(stream('two'))).toEqual([]);
      });

      it('stores nothing of an append whose later event reuses an id, and keeps the appends around it', async () => {
        const shared = event('Taken');
        await store.append(stream('one'), NO_STREAM, [shared]);
        const outcomes = await Promise.allSettled([
          store.append(stream('before'), NO_STREAM, [event('A')]),
          store.append(stream('two'), ANY, [event('B'), shared, event('C')]),
          store.append(stream('two'), ANY, [shared]),
          store.append(stream('after'), NO_STREAM, [event('D')]),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
        expect(outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason)).toEqual([
          expect.any(EventIdAlreadyUsed),
          expect.any(EventIdAlreadyUsed),
        ]);
        expect(await store.readStream(stream('two'))).toEqual([]);
        expect((await store.readStream(stream('before'))).map((e) => e.type)).toEqual(['A']);
        expect((await store.readStream(stream('after'))).map((e) => e.type)).toEqual(['D']);
      });
    });

    describe('when the hash chain is verified', () => {
      const readMine = async () => {
        const events = await store.readStream(stream('case'));
        events.push(...(await store.readStream(stream('other'))));
        return events.sort((x, y) => (x.position < y.position ? -1 : 1));
      };
      beforeEach(async () => {
        await store.append(stream('case'), NO_STREAM, [event('A', { n: 1 }), event('B', { n: 2 })]);
        await store.append(stream('other'), NO_STREAM, [event('X')]);
        await store.append(stream('case'), 2n, [event('C', { n: 3 }), event('D', { n: 4 })]);
      });

      it('verifies an untouched log', async () => {
        const report = await verifyChains(pagesOf(await readMine()));
        expect(report).toMatchObject({ ok: true, eventsChecked: 5, streamsChecked: 2 });
      });

      it('finds a changed event', async () => {
        const events = await readMine();
        const changed = events.map((e) => (e.type === 'B' ? { ...e, data: { n: 20 } } : e));
        const report = await verifyChains(pagesOf(changed));
        expect(report.firstBrokenLink).toMatchObject({ streamId: stream('case'), version: 2n, check: 'hash' });
      });

      it('finds a removed event', async () => {
        const events = await readMine();
        const report = await verifyChains(pagesOf(events.filter((e) => e.type !== 'C')));
        expect(report.firstBrokenLink).toMatchObject({
          streamId: stream('case'),
          version: 4n,
          check: 'version',
          expected: '3',
          found: '4',
        });
      });

      it('finds two events swapped, even with their versions renumbered', async () => {
        const events = await readMine();
        const [b, c] = [events.find((e) => e.type === 'B')!, events.find((e) => e.type === 'C')!];
        const swapped = events.map((e) =>
          e === b ? { ...c, version: b.version, position: b.position } : e === c ? { ...b, version: c.version, position: c.position } : e,
        );
        const report = await verifyChains(pagesOf(swapped));
        expect(report.ok).toBe(false);
        expect(report.firstBrokenLink).toMatchObject({ streamId: stream('case'), version: 2n });
      });

      it('finds a forged hash that was recomputed without its predecessor', async () => {
        const events = await readMine();
        const forged = events.map((e) => (e.type === 'C' ? { ...e, prevHash: '0'.repeat(64) } : e));
        const report = await verifyChains(pagesOf(forged));
        expect(report.firstBrokenLink).toMatchObject({ version: 3n, check: 'prevHash' });
      });
    });
  });
}

async function* pagesOf(events: StoredEvent[]): AsyncIterable<StoredEvent[]> {
  for (let i = 0; i < events.length; i += 2) yield events.slice(i, i + 2);
}

function event(type: string, data: unknown = { at: type }, extra: Partial<NewEvent['metadata']> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: type === 'Large' ? 3 : 1,
    data,
    metadata: {
      actor: { userId: 'u-1', displayName: 'Ada Lovelace', agency: 'Police', roles: ['business-unit'] },
      partnershipId: 'leicester',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
      ...extra,
    },
  };
}
