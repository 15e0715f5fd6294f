import {
  ANY as ESDB_ANY,
  type AppendExpectedRevision,
  BACKWARDS,
  type CurrentRevision,
  END,
  FORWARDS,
  NO_STREAM as ESDB_NO_STREAM,
  type ReadRevision,
  type RecordedEvent,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
} from '@eventstore/db-client';
import { InvalidAppend, StoreMisconfigured } from '../errors';
import {
  ANY,
  type EventMetadata,
  type ExpectedVersion,
  NO_STREAM,
  type NewEvent,
  type ReadStreamOptions,
  STREAM_EXISTS,
  type StoredEvent,
} from '../event-store';

/*
 * Pure translations between the port's vocabulary and EventStoreDB's, kept apart from the
 * adapter so they can be checked without a server. Our versions are counts (first event = 1);
 * ESDB revisions are 0-based indexes of the last event.
 */

/** The key under which the chain fields ride in ESDB's custom metadata. */
export const CHAIN_KEY = '$casetrail';

/** Streams that hold one claim each, recording which stream owns an event id. */
export const CLAIM_STREAM_PREFIX = 'eventIdClaim-';
export const CLAIM_EVENT_TYPE = 'EventIdClaimed';

const NO_LIMIT = BigInt(Number.MAX_SAFE_INTEGER);
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const revisionOf = (version: bigint): bigint => version - 1n;
export const versionOf = (revision: bigint): bigint => revision + 1n;

/** What to send ESDB as `expectedRevision` for one of our expectations. */
export function expectedRevisionOf(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case NO_STREAM:
      return ESDB_NO_STREAM;
    case STREAM_EXISTS:
      return ESDB_STREAM_EXISTS;
    case ANY:
      return ESDB_ANY;
    default:
      if (expected < 0n) throw new InvalidAppend(`Expected version ${expected} is negative`);
      return expected === 0n ? ESDB_NO_STREAM : revisionOf(expected);
  }
}

/** The stream's version (our count) from the revision ESDB reports in a conflict. */
export const actualVersionOf = (current: CurrentRevision): bigint =>
  current === ESDB_NO_STREAM ? 0n : versionOf(current);

/** Only these expectations may be re-checked against a fresher tip after losing a race. */
export const retriesOnConflict = (expected: ExpectedVersion): boolean => expected === ANY || expected === STREAM_EXISTS;

export interface ChainFields {
  recordedAt: string;
  prevHash: string;
  hash: string;
  schemaVersion: number;
}

export type EsdbMetadata = Record<string, unknown> & { [CHAIN_KEY]: ChainFields };

export const toEsdbMetadata = (metadata: EventMetadata, chain: ChainFields): EsdbMetadata => ({
  ...metadata,
  [CHAIN_KEY]: chain,
});

/** Splits stored ESDB metadata back into ours and the chain fields; undefined if we did not write it. */
export function fromEsdbMetadata(raw: unknown): { metadata: EventMetadata; chain: ChainFields } | undefined {
  if (!isRecord(raw)) return undefined;
  const { [CHAIN_KEY]: chain, ...metadata } = raw;
  if (!isChainFields(chain)) return undefined;
  return { metadata: metadata as unknown as EventMetadata, chain };
}

/** Our event from ESDB's, or undefined for anything this adapter did not write as an event. */
export function toStoredEvent(recorded: RecordedEvent): StoredEvent | undefined {
  if (!isOwnStream(recorded.streamId) || recorded.type.startsWith('$') || !recorded.isJson) return undefined;
  const split = fromEsdbMetadata(recorded.metadata);
  if (!split) return undefined;
  if (!recorded.position) {
    throw new StoreMisconfigured('EventStoreDB 22.6 or later is required: events read back carry no log position');
  }
  return {
    eventId: recorded.id,
    streamId: recorded.streamId,
    version: versionOf(recorded.revision),
    position: recorded.position.commit,
    type: recorded.type,
    schemaVersion: split.chain.schemaVersion,
    data: recorded.data,
    metadata: split.metadata,
    recordedAt: split.chain.recordedAt,
    prevHash: split.chain.prevHash,
    hash: split.chain.hash,
  };
}

/** System streams and our claim streams are not part of the log the port exposes. */
export const isOwnStream = (streamId: string): boolean =>
  !streamId.startsWith('$') && !streamId.startsWith(CLAIM_STREAM_PREFIX);

export const claimStreamOf = (eventId: string): string => `${CLAIM_STREAM_PREFIX}${eventId}`;

export function ownerInClaim(data: unknown): string | undefined {
  return isRecord(data) && typeof data.streamId === 'string' ? data.streamId : undefined;
}

/** Why an append cannot be sent to ESDB as given, or undefined if it can. */
export function appendProblem(
  streamId: string,
  expected: ExpectedVersion,
  events: readonly NewEvent[],
): string | undefined {
  if (events.length === 0) return 'An append needs at least one event';
  if (typeof expected === 'bigint' && expected < 0n) return `Expected version ${expected} is negative`;
  if (!isOwnStream(streamId)) return `Stream ${streamId} is reserved`;
  for (const event of events) {
    // ESDB ids are UUIDs and come back lowercase; anything else would not match its own hash.
    if (!CANONICAL_UUID.test(event.eventId)) return `Event id ${event.eventId} is not a lowercase UUID`;
    if (event.type.startsWith('$')) return `Event type ${event.type} is reserved`;
  }
  return undefined;
}

/** An id given twice in one append, which SQLite's unique index refuses too. */
export function repeatedEventId(events: readonly NewEvent[]): string | undefined {
  const seen = new Set<string>();
  for (const { eventId } of events) {
    if (seen.has(eventId)) return eventId;
    seen.add(eventId);
  }
  return undefined;
}

export interface StreamRead {
  direction: typeof FORWARDS | typeof BACKWARDS;
  fromRevision: ReadRevision;
  maxCount: bigint;
  /** Inclusive version bounds, applied again to what comes back. */
  lowest: bigint;
  highest: bigint;
}

/** The ESDB read for our stream options, or undefined when the range is empty. */
export function streamReadOf(options: ReadStreamOptions): StreamRead | undefined {
  const limit = options.limit === undefined ? NO_LIMIT : BigInt(options.limit);
  if (options.direction === 'backwards') {
    const lowest = max(options.to ?? 1n, 1n);
    if (options.from === undefined) {
      return positive({ direction: BACKWARDS, fromRevision: END, maxCount: limit, lowest, highest: NO_LIMIT });
    }
    const highest = options.from;
    return positive({
      direction: BACKWARDS,
      fromRevision: revisionOf(highest),
      maxCount: min(limit, highest - lowest + 1n),
      lowest,
      highest,
    });
  }
  const lowest = max(options.from ?? 1n, 1n);
  const highest = options.to ?? NO_LIMIT;
  return positive({
    direction: FORWARDS,
    fromRevision: revisionOf(lowest),
    maxCount: min(limit, highest - lowest + 1n),
    lowest,
    highest,
  });
}

/** Connection strings may carry a password; health details must not. */
export const redactConnectionString = (connectionString: string): string =>
  connectionString.replace(/\/\/[^@/]*@/, '//***@');

const positive = (read: StreamRead): StreamRead | undefined =>
  read.maxCount > 0n && read.highest >= read.lowest ? read : undefined;
const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function isChainFields(value: unknown): value is ChainFields {
  return (
    isRecord(value) &&
    typeof value.recordedAt === 'string' &&
    typeof value.prevHash === 'string' &&
    typeof value.hash === 'string' &&
    typeof value.schemaVersion === 'number'
  );
}
