import { randomUUID } from 'node:crypto';
import { BACKWARDS, END, FORWARDS, type RecordedEvent } from '@eventstore/db-client';
import { InvalidAppend } from '../errors';
import { ANY, type EventMetadata, type ExpectedVersion, NO_STREAM, type NewEvent, STREAM_EXISTS } from '../event-store';
import {
  actualVersionOf,
  appendProblem,
  CHAIN_KEY,
  claimStreamOf,
  expectedRevisionOf,
  fromEsdbMetadata,
  redactConnectionString,
  repeatedEventId,
  retriesOnConflict,
  revisionOf,
  streamReadOf,
  toEsdbMetadata,
  toStoredEvent,
  versionOf,
} from './esdb-mapping';
import { normalise } from '../hash-chain';
import { satisfiesExpected } from '../event-store';

describe('EventStoreDB mapping', () => {
  describe('when versions cross the boundary', () => {
    it('makes version n revision n - 1 and back', () => {
      expect(revisionOf(1n)).toBe(0n);
      expect(revisionOf(42n)).toBe(41n);
      expect(versionOf(0n)).toBe(1n);
      expect(versionOf(revisionOf(7n))).toBe(7n);
    });
  });

  describe('when an expected version is sent to ESDB', () => {
    const cases: Array<[ExpectedVersion, ReturnType<typeof expectedRevisionOf>]> = [
      [0n, 'no_stream'],
      [NO_STREAM, 'no_stream'],
      [1n, 0n],
      [3n, 2n],
      [STREAM_EXISTS, 'stream_exists'],
      [ANY, 'any'],
    ];
    it.each(cases)('sends %p as %p', (expected, revision) => {
      expect(expectedRevisionOf(expected)).toBe(revision);
    });

    it('refuses a negative count', () => {
      expect(() => expectedRevisionOf(-1n)).toThrow(InvalidAppend);
    });
  });

  describe('when ESDB reports a conflict', () => {
    it('reads a missing stream as version 0', () => {
      expect(actualVersionOf('no_stream')).toBe(0n);
    });

    it('reads revision r as version r + 1', () => {
      expect(actualVersionOf(0n)).toBe(1n);
      expect(actualVersionOf(4n)).toBe(5n);
    });

    it('retries against a fresher tip only for any and stream exists', () => {
      const expectations: ExpectedVersion[] = [ANY, STREAM_EXISTS, NO_STREAM, 0n, 2n];
      expect(expectations.map((expected) => retriesOnConflict(expected))).toEqual([true, true, false, false, false]);
    });
  });

  describe('when an expectation is checked against the tip', () => {
    const cases: Array<[ExpectedVersion, bigint, boolean]> = [
      [NO_STREAM, 0n, true],
      [NO_STREAM, 2n, false],
      [STREAM_EXISTS, 0n, false],
      [STREAM_EXISTS, 2n, true],
      [ANY, 0n, true],
      [0n, 0n, true],
      [2n, 2n, true],
      [1n, 2n, false],
      [5n, 2n, false],
    ];
    it.each(cases)('%p on a stream at %p is %p', (expected, current, ok) => {
      expect(satisfiesExpected(expected, current)).toBe(ok);
    });
  });

  describe('when metadata is stored in ESDB', () => {
    it('carries the chain fields beside ours and gives ours back unchanged', () => {
      const stored = toEsdbMetadata(fixtureMetadata, chain);
      expect(stored[CHAIN_KEY]).toEqual(chain);
      const restored = fromEsdbMetadata(JSON.parse(JSON.stringify(stored)));
      expect(restored).toEqual({ metadata: fixtureMetadata, chain });
      expect(restored?.metadata).not.toHaveProperty(CHAIN_KEY);
    });

    it('does not recognise metadata it did not write', () => {
      expect(fromEsdbMetadata(undefined)).toBeUndefined();
      expect(fromEsdbMetadata(fixtureMetadata)).toBeUndefined();
      expect(fromEsdbMetadata({ [CHAIN_KEY]: { recordedAt: 'x' } })).toBeUndefined();
      expect(fromEsdbMetadata(new Uint8Array([1, 2]))).toBeUndefined();
    });
  });

  describe('when an ESDB event is read back', () => {
    it('restores exactly the stored event the SQLite adapter would return', () => {
      const stored = toStoredEvent(recorded());
      expect(stored).toEqual({
        eventId,
        streamId: 'case-1',
        version: 3n,
        position: 9_007_199_254_741_000n,
        type: 'CaseReferred',
        data: { n: 1 },
        metadata: fixtureMetadata,
        ...chain,
      });
    });

    it('skips system events, claims and events written without chain metadata', () => {
      expect(toStoredEvent(recorded({ type: '$metadata' }))).toBeUndefined();
      expect(toStoredEvent(recorded({ streamId: '$settings' }))).toBeUndefined();
      expect(toStoredEvent(recorded({ streamId: claimStreamOf(eventId) }))).toBeUndefined();
      expect(toStoredEvent(recorded({ metadata: fixtureMetadata }))).toBeUndefined();
    });
  });

  describe('when an append is checked before it is sent', () => {
    it('accepts lowercase UUIDs on an ordinary stream', () => {
      expect(appendProblem('case-1', NO_STREAM, [newEvent()])).toBeUndefined();
    });

    it('refuses what ESDB cannot store faithfully', () => {
      expect(appendProblem('case-1', NO_STREAM, [])).toMatch(/at least one/);
      expect(appendProblem('case-1', -1n, [newEvent()])).toMatch(/negative/);
      expect(appendProblem('$case-1', NO_STREAM, [newEvent()])).toMatch(/reserved/);
      expect(appendProblem(claimStreamOf(eventId), NO_STREAM, [newEvent()])).toMatch(/reserved/);
      expect(appendProblem('case-1', NO_STREAM, [newEvent({ eventId: 'not-a-uuid' })])).toMatch(/UUID/);
      expect(appendProblem('case-1', NO_STREAM, [newEvent({ eventId: eventId.toUpperCase() })])).toMatch(/UUID/);
      expect(appendProblem('case-1', NO_STREAM, [newEvent({ type: '$Sneaky' })])).toMatch(/reserved/);
    });

    it('finds an id given twice in one append', () => {
      const event = newEvent();
      expect(repeatedEventId([event, newEvent()])).toBeUndefined();
      expect(repeatedEventId([event, newEvent(), event])).toBe(event.eventId);
    });

    it('normalises data and metadata through JSON as the hash sees them', () => {
      const envelope = normalise(
        newEvent({ data: { at: new Date('2026-01-02T03:04:05.000Z'), gone: undefined } }),
        'case-1',
        1n,
        chain.recordedAt,
        chain.prevHash,
      );
      expect(envelope.data).toEqual({ at: '2026-01-02T03:04:05.000Z' });
      expect(normalise(newEvent({ data: undefined }), 'case-1', 1n, chain.recordedAt, chain.prevHash).data).toBeNull();
    });
  });

  describe('when a stream is read between versions', () => {
    it('reads forwards from revision from - 1 for at most the range', () => {
      expect(streamReadOf({})).toMatchObject({ direction: FORWARDS, fromRevision: 0n, lowest: 1n });
      expect(streamReadOf({ from: 2n, to: 4n })).toMatchObject({ fromRevision: 1n, maxCount: 3n });
      expect(streamReadOf({ from: 2n, limit: 2 })).toMatchObject({ fromRevision: 1n, maxCount: 2n });
    });

    it('reads backwards from the end or from a version down to a floor', () => {
      expect(streamReadOf({ direction: 'backwards' })).toMatchObject({ direction: BACKWARDS, fromRevision: END });
      expect(streamReadOf({ direction: 'backwards', limit: 1 })).toMatchObject({ fromRevision: END, maxCount: 1n });
      expect(streamReadOf({ direction: 'backwards', from: 4n, to: 2n })).toMatchObject({
        fromRevision: 3n,
        maxCount: 3n,
        lowest: 2n,
        highest: 4n,
      });
    });

    it('does not read an empty range at all', () => {
      expect(streamReadOf({ to: 0n })).toBeUndefined();
      expect(streamReadOf({ from: 5n, to: 4n })).toBeUndefined();
      expect(streamReadOf({ direction: 'backwards', from: 0n })).toBeUndefined();
      expect(streamReadOf({ limit: 0 })).toBeUndefined();
    });
  });

  describe('when the connection is reported', () => {
    it('hides credentials', () => {
      expect(redactConnectionString('esdb+discover://admin:changeit@cluster.dns.name:2113')).toBe(
        'esdb+discover://***@cluster.dns.name:2113',
      );
      expect(redactConnectionString('esdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
    });
  });
});

const eventId = randomUUID();

const fixtureMetadata: EventMetadata = {
  actor: { userId: 'u-1', displayName: 'Ada Lovelace', agency: 'Police', roles: ['business-unit'] },
  partnershipId: 'leicester',
  correlationId: 'c-1',
  causationId: 'c-0',
  commandId: 'cmd-1',
  knownOn: '2016-06-13',
};

const chain = {
  recordedAt: '2026-11-23T10:00:00.000Z',
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
  schemaVersion: 2,
};

function recorded(overrides: Partial<{ streamId: string; type: string; metadata: unknown }> = {}): RecordedEvent {
  return {
    streamId: overrides.streamId ?? 'case-1',
    id: eventId,
    isJson: true,
    revision: 2n,
    type: overrides.type ?? 'CaseReferred',
    created: new Date(),
    data: { n: 1 },
    metadata: (overrides.metadata ?? toEsdbMetadata(fixtureMetadata, chain)) as Record<string, unknown>,
    position: { commit: 9_007_199_254_741_000n, prepare: 9_007_199_254_741_000n },
  };
}

function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'CaseReferred',
    schemaVersion: 1,
    data: { n: 1 },
    metadata: fixtureMetadata,
    ...overrides,
  };
}
