/**
 * The event-store port. Every adapter (embedded SQLite, EventStoreDB) implements this
 * contract and passes the shared suite in ./testing. Versions are counts: a stream's
 * version is the number of events in it, and an event's version is the stream's version
 * once it was appended (the first event is version 1). Positions in the global log are
 * bigint from end to end.
 */

export const NO_STREAM = 'no_stream';
export const STREAM_EXISTS = 'stream_exists';
export const ANY = 'any';

/** A count of events already in the stream, or one of the three named expectations. */
export type ExpectedVersion = bigint | typeof NO_STREAM | typeof STREAM_EXISTS | typeof ANY;

export interface Actor {
  userId: string;
  displayName: string;
  agency: string;
  roles: readonly string[];
}

export interface EventMetadata {
  actor: Actor;
  partnershipId: string;
  correlationId: string;
  causationId: string;
  /** The command (idempotency key) that produced the event; event ids derive from it. */
  commandId: string;
  /** A digest of the request that carried the command: the same key with another body is refused. */
  requestHash?: string;
  /** For history entered after the fact: the date the board knew it (domain.md §0.3 item 8). */
  knownOn?: string;
  /** Where the fact came from: UI, IMPORT, or a document reference for migrated data. */
  source?: string;
}

export interface NewEvent<Data = unknown> {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
}

export interface StoredEvent<Data = unknown> extends NewEvent<Data> {
  streamId: string;
  /** 1-based version of this event in its stream. */
  version: bigint;
  /** Position in the global log; strictly increasing, not necessarily dense. */
  position: bigint;
  /** The real moment the store appended it (ISO 8601, UTC). Never set by a client. */
  recordedAt: string;
  /** Hash of the previous event in the same stream (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over the canonical envelope, prevHash included. */
  hash: string;
}

export interface AppendResult {
  /** The stream's version after the append. */
  version: bigint;
  /** Global position of the last event appended. */
  position: bigint;
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** First version to read (inclusive). Defaults to the start (forwards) or the end (backwards). */
  from?: bigint;
  /** Last version to read (inclusive). */
  to?: bigint;
  limit?: number;
}

export interface ReadAllOptions {
  /** Read strictly after this position; 0n (the default) reads from the start. */
  after?: bigint;
  limit?: number;
}

export interface StoreHealth {
  adapter: 'sqlite' | 'esdb';
  reachable: boolean;
  details: Record<string, string | number | boolean>;
}

export abstract class EventStore {
  abstract append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
  ): Promise<AppendResult>;

  /** A stream that does not exist reads as empty (version 0). */
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;

  /** One page of the global log, in order. */
  abstract readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;

  /** Position of the last event in the global log (0n when empty). */
  abstract headPosition(): Promise<bigint>;

  /** How many events lie after a position, counting no further than `cap`. */
  abstract countAfter(position: bigint, cap: number): Promise<number>;

  /**
   * Resolves once the log may hold events after `position`, or when `timeoutMs` passes,
   * whichever comes first. Followers call readAll afterwards; a spurious wake-up is harmless.
   */
  abstract waitForEvents(position: bigint, timeoutMs: number, signal?: AbortSignal): Promise<void>;

  abstract health(): Promise<StoreHealth>;

  abstract close(): Promise<void>;
}

export const streamVersionOf = (events: readonly StoredEvent[]): bigint =>
  events.length === 0 ? 0n : events[events.length - 1].version;

/** Whether a stream at version `current` meets an append's expectation; the same rule for every adapter. */
export function satisfiesExpected(expected: ExpectedVersion, current: bigint): boolean {
  return (
    expected === ANY ||
    (expected === NO_STREAM && current === 0n) ||
    (expected === STREAM_EXISTS && current > 0n) ||
    (typeof expected === 'bigint' && expected === current)
  );
}
