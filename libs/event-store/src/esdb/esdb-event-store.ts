/**
 * The EventStoreDB adapter (Node client v6, server 22.6 or later for event positions).
 *
 * Hash chain. Every append reads the stream's tip, chains from its hash and appends at that
 * exact revision, so two writers can never both extend one tip. Under 'any' and
 * 'stream_exists', a writer that loses the race re-reads the tip and tries again, a few times.
 *
 * Event ids. ESDB deduplicates ids only inside one stream, and has no index by id. So before
 * appending, the adapter claims each id by writing a one-event stream `eventIdClaim-<id>`
 * (expected NO_STREAM) that names the owning stream. If a claim already exists, its owner
 * decides. Another stream means EventIdAlreadyUsed. This stream means a retry: the stream is
 * searched, and if the events are there, the original result is returned. Limits:
 *  - each append costs one extra write per event (claims run in parallel), plus a read of the
 *    tip and a read-back of the last event's position. The append reply's position is the
 *    transaction's, and the port promises the last event's.
 *  - a claim outlives an append that then failed (a conflict, a crash, an outage). It names
 *    the same stream, so a retry there still works. The id can never be used on another
 *    stream, which ids derived from a command (event-ids.ts) never need.
 *  - claims are events in $all. readAll, headPosition, countAfter and the follower skip them,
 *    along with system events and any event written without our chain metadata.
 *  - reading $all needs a user allowed to read it ($admins by default on a secure cluster).
 *  - `after` positions must be ones this store handed out: ESDB cannot start a read mid-record.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type AllStreamSubscription,
  BACKWARDS,
  DeadlineExceededError,
  type Direction,
  END,
  type EventData,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  type JSONType,
  jsonEvent,
  NO_STREAM as ESDB_NO_STREAM,
  NotLeaderError,
  type Position,
  type ReadPosition,
  type ReadStreamOptions as EsdbReadStreamOptions,
  type RecordedEvent,
  START,
  type StreamingRead,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { EventIdAlreadyUsed, InvalidAppend, StoreMisconfigured, StoreUnavailable, WrongExpectedVersion } from '../errors';
import {
  type AppendResult,
  EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  satisfiesExpected,
  type StoreHealth,
  type StoredEvent,
} from '../event-store';
import { GENESIS_HASH, hashEnvelope, normalise } from '../hash-chain';
import {
  actualVersionOf,
  appendProblem,
  CLAIM_EVENT_TYPE,
  claimStreamOf,
  expectedRevisionOf,
  ownerInClaim,
  redactConnectionString,
  repeatedEventId,
  retriesOnConflict,
  revisionOf,
  streamReadOf,
  toEsdbMetadata,
  toStoredEvent,
  versionOf,
} from './esdb-mapping';

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, `esdb://n1:2113,n2:2113,n3:2113?nodePreference=leader`, `esdb+discover://…` */
  connectionString: string;
  /** Clock for recordedAt; injected so tests can pin it. */
  now?: () => Date;
}

interface Tip {
  version: bigint;
  hash: string;
}

interface Waiter {
  after: bigint;
  wake(): void;
}

const MAX_PAGE = 10_000;
const SCAN_BATCH = 512;
const TIP_ATTEMPTS = 5;
const RESUBSCRIBE_FIRST_DELAY_MS = 100;
const RESUBSCRIBE_MAX_DELAY_MS = 5_000;
const HEALTH_DEADLINE_MS = 2_000;

export class EsdbEventStore extends EventStore {
  private readonly client: EventStoreDBClient;
  private readonly now: () => Date;
  private readonly connection: string;
  private closed = false;
  private readonly waiters = new Set<Waiter>();
  /** The furthest position of ours the follower has seen; waiters behind it wake at once. */
  private lastSeen = -1n;
  private following = false;
  private subscription: AllStreamSubscription | undefined;
  private readonly stopFollowing = new AbortController();

  constructor(options: EsdbEventStoreOptions) {
    super();
    this.client = connect(options.connectionString);
    this.connection = redactConnectionString(options.connectionString);
    this.now = options.now ?? (() => new Date());
  }

  async append(streamId: string, expected: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
    this.assertOpen();
    const problem = appendProblem(streamId, expected, events);
    if (problem) throw new InvalidAppend(problem);
    const repeated = repeatedEventId(events);
    if (repeated) throw new EventIdAlreadyUsed(repeated, streamId, streamId);

    return this.translating(async () => {
      const claimedBefore = await this.claim(streamId, events);
      if (claimedBefore) {
        const retried = await this.previousAppendOf(streamId, events);
        if (retried) return retried;
      }
      try {
        return await this.appendAtTip(streamId, expected, events);
      } catch (error) {
        // A retry racing its own original: by now the original may have landed.
        if (claimedBefore && error instanceof WrongExpectedVersion) {
          const retried = await this.previousAppendOf(streamId, events);
          if (retried) return retried;
        }
        throw error;
      }
    });
  }

  /**
   * Claims every id for this stream. Returns whether some were claimed by this stream
   * already, which makes the append a possible retry.
   */
  private async claim(streamId: string, events: readonly NewEvent[]): Promise<boolean> {
    const owners = await Promise.all(events.map((event) => this.claimOne(event.eventId, streamId)));
    events.forEach((event, i) => {
      const owner = owners[i];
      if (owner !== undefined && owner !== streamId) throw new EventIdAlreadyUsed(event.eventId, streamId, owner);
    });
    return owners.some((owner) => owner === streamId);
  }

  /** Undefined when this call made the claim, else the stream named by the existing claim. */
  private async claimOne(eventId: string, streamId: string): Promise<string | undefined> {
    try {
      // A random claim id, so that ESDB's own dedup can never mistake another stream's claim for ours.
      const claim = jsonEvent({ type: CLAIM_EVENT_TYPE, data: { streamId } });
      await this.client.appendToStream(claimStreamOf(eventId), claim, { expectedRevision: ESDB_NO_STREAM });
      return undefined;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    const [first] = await readFully(this.client.readStream(claimStreamOf(eventId), { maxCount: 1 }));
    const owner = ownerInClaim(first?.event?.data);
    if (owner === undefined) throw new Error(`The claim on event id ${eventId} is unreadable`);
    return owner;
  }

  /**
   * Same rule as SQLite: the first id decides. If it is stored on this stream, the whole append
   * was committed before and its answer is returned; ids stored out of that order are a conflict.
   * Undefined when none is stored (claims left by an append that failed).
   */
  private async previousAppendOf(streamId: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const stored = new Map((await this.readStream(streamId)).map((event) => [event.eventId, event]));
    const first = stored.get(events[0].eventId);
    if (!first) {
      const other = events.find((event) => stored.has(event.eventId));
      if (other) throw new EventIdAlreadyUsed(other.eventId, streamId, streamId);
      return undefined;
    }
    const last = events.reduce<StoredEvent | undefined>((previous, event, i) => {
      const found = stored.get(event.eventId);
      return previous && found?.version === first.version + BigInt(i) ? found : undefined;
    }, first);
    if (!last) throw new EventIdAlreadyUsed(events[0].eventId, streamId, streamId);
    return { version: last.version, position: last.position };
  }

  private async appendAtTip(streamId: string, expected: ExpectedVersion, events: readonly NewEvent[]): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const tip = await this.tipOf(streamId);
      if (!satisfiesExpected(expected, tip.version)) throw new WrongExpectedVersion(streamId, expected, tip.version);
      try {
        const result = await this.client.appendToStream(streamId, this.chain(streamId, tip, events), {
          expectedRevision: expectedRevisionOf(tip.version),
        });
        const version = versionOf(result.nextExpectedRevision);
        return { version, position: await this.positionOf(streamId, version) };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const actual = actualVersionOf(error.actualVersion);
        if (!retriesOnConflict(expected) || attempt >= TIP_ATTEMPTS) {
          throw new WrongExpectedVersion(streamId, expected, actual);
        }
      }
    }
  }

  private chain(streamId: string, tip: Tip, events: readonly NewEvent[]): EventData[] {
    const recordedAt = this.now().toISOString();
    let prevHash = tip.hash;
    let version = tip.version;
    return events.map((event) => {
      version += 1n;
      const envelope = normalise(event, streamId, version, recordedAt, prevHash);
      const hash = hashEnvelope(envelope);
      const chain = { recordedAt, prevHash, hash, schemaVersion: envelope.schemaVersion };
      prevHash = hash;
      return jsonEvent({
        id: envelope.eventId,
        type: envelope.type,
        // Any JSON value: the client serialises data with JSON.stringify whatever its static type.
        data: envelope.data as JSONType,
        metadata: toEsdbMetadata(envelope.metadata, chain),
      });
    });
  }

  private async tipOf(streamId: string): Promise<Tip> {
    const [last] = await this.readRaw(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    if (!last) return { version: 0n, hash: GENESIS_HASH };
    const stored = toStoredEvent(last);
    if (!stored) throw new Error(`Stream ${streamId} ends with an event this store did not write`);
    return { version: stored.version, hash: stored.hash };
  }

  private async positionOf(streamId: string, version: bigint): Promise<bigint> {
    const [last] = await this.readRaw(streamId, { direction: BACKWARDS, fromRevision: revisionOf(version), maxCount: 1 });
    const stored = last && toStoredEvent(last);
    if (!stored) throw new Error(`Event ${version} of stream ${streamId} cannot be read back`);
    return stored.position;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const read = streamReadOf(options);
    if (!read) return [];
    const { lowest, highest, ...esdbRead } = read;
    return this.translating(async () =>
      (await this.readRaw(streamId, esdbRead))
        .map(toStoredEvent)
        .filter((event): event is StoredEvent => !!event && event.version >= lowest && event.version <= highest),
    );
  }

  /** A missing stream reads as empty; ESDB only says so while the read is iterated. */
  private async readRaw(streamId: string, options: EsdbReadStreamOptions): Promise<RecordedEvent[]> {
    try {
      return recordedIn(await readFully(this.client.readStream(streamId, options)));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    this.assertOpen();
    const limit = Math.min(options.limit ?? MAX_PAGE, MAX_PAGE);
    if (limit <= 0) return [];
    const after = options.after ?? 0n;
    return this.translating(async () => {
      const page: StoredEvent[] = [];
      for await (const event of this.scanAll(FORWARDS, after === 0n ? undefined : after, limit)) {
        page.push(event);
        if (page.length >= limit) break;
      }
      return page;
    });
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.translating(async () => {
      for await (const event of this.scanAll(BACKWARDS, undefined, 32)) return event.position;
      return 0n;
    });
  }

  async countAfter(position: bigint, cap: number): Promise<number> {
    this.assertOpen();
    if (cap <= 0) return 0;
    return this.translating(async () => {
      let count = 0;
      for await (const _event of this.scanAll(FORWARDS, position === 0n ? undefined : position, cap)) {
        if (++count >= cap) break;
      }
      return count;
    });
  }

  /**
   * Our events in $all, strictly after (forwards) or before (backwards) `from`, or from the
   * start or the end. Reads in batches until the log ends, since claims and system events
   * are skipped and a short page must not look like the end.
   */
  private async *scanAll(direction: Direction, from: bigint | undefined, batch: number): AsyncGenerator<StoredEvent> {
    const maxCount = Math.min(Math.max(batch, 32), SCAN_BATCH) + 1;
    let cursor: ReadPosition = from === undefined ? (direction === FORWARDS ? START : END) : { commit: from, prepare: from };
    let bound = from;
    for (;;) {
      const records = recordedIn(await readFully(this.client.readAll({ fromPosition: cursor, direction, maxCount })));
      for (const record of records) {
        const position = record.position.commit;
        // ESDB starts forward reads at `cursor` inclusive.
        if (bound !== undefined && (direction === FORWARDS ? position <= bound : position >= bound)) continue;
        const stored = toStoredEvent(record);
        if (stored) yield stored;
      }
      const last = records.at(-1)?.position;
      if (records.length < maxCount || !last) return;
      cursor = last;
      bound = last.commit;
    }
  }

  waitForEvents(position: bigint, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.closed || signal?.aborted) return Promise.resolve();
    this.follow();
    if (this.lastSeen > position) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const waiter: Waiter = { after: position, wake: done };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(waiter);
      signal?.addEventListener('abort', done);
    });
  }

  private seen(position: bigint): void {
    if (position <= this.lastSeen) return;
    this.lastSeen = position;
    for (const waiter of [...this.waiters]) if (waiter.after < position) waiter.wake();
  }

  /**
   * One live subscription to $all per store, started at the head on first use and kept open.
   * ESDB drops subscriptions for good (slow consumer, leader change, network), so a drop is
   * followed by a new subscription from the last position delivered, with backoff.
   */
  private follow(): void {
    if (this.following) return;
    this.following = true;
    void (async () => {
      let resumeAt: Position | undefined;
      let delay = RESUBSCRIBE_FIRST_DELAY_MS;
      while (!this.closed) {
        try {
          if (!resumeAt) {
            const head = await this.headPosition();
            this.seen(head);
            resumeAt = { commit: head, prepare: head };
          }
          if (this.closed) return;
          const subscription = this.client.subscribeToAll({
            fromPosition: resumeAt.commit === 0n ? START : resumeAt,
            filter: excludeSystemEvents(),
          });
          // A late error after unsubscribing must not become an unhandled 'error' event.
          subscription.on('error', () => undefined);
          this.subscription = subscription;
          for await (const { event } of subscription) {
            delay = RESUBSCRIBE_FIRST_DELAY_MS;
            if (!event?.position) continue;
            resumeAt = event.position;
            if (toStoredEvent(event)) this.seen(event.position.commit);
          }
        } catch {
          // Dropped or unreachable: resubscribe below. Waiters still time out on their own.
        } finally {
          this.subscription = undefined;
        }
        if (this.closed) return;
        try {
          await sleep(delay, undefined, { signal: this.stopFollowing.signal });
        } catch {
          return;
        }
        delay = Math.min(delay * 2, RESUBSCRIBE_MAX_DELAY_MS);
      }
    })();
  }

  async health(): Promise<StoreHealth> {
    const details = { connection: this.connection, following: this.subscription !== undefined };
    if (this.closed) return { adapter: 'esdb', reachable: false, details: { ...details, error: 'closed' } };
    try {
      await readFully(this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, deadline: HEALTH_DEADLINE_MS }));
      return { adapter: 'esdb', reachable: true, details };
    } catch (error) {
      return { adapter: 'esdb', reachable: false, details: { ...details, error: messageOf(error) } };
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopFollowing.abort();
    for (const waiter of [...this.waiters]) waiter.wake();
    const subscription = this.subscription;
    if (subscription) {
      await subscription.unsubscribe().catch(() => undefined);
      // Cancelling the call does not end the stream the follower is iterating; this does.
      subscription.destroy();
    }
    await this.client.dispose();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Event store is closed');
  }

  private async translating<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw translateError(error);
    }
  }
}

function connect(connectionString: string): EventStoreDBClient {
  try {
    return EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    throw new StoreMisconfigured(`Invalid EventStoreDB connection string: ${messageOf(error)}`);
  }
}

/** Vendor errors that mean "could not reach a leader in time" become the port's; the outcome of a write is unknown. */
function translateError(error: unknown): unknown {
  const unreachable =
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    error instanceof TimeoutError ||
    (error instanceof Error && error.message.startsWith('Failed to discover after'));
  return unreachable ? new StoreUnavailable(`EventStoreDB: ${messageOf(error)}`, { cause: error }) : error;
}

async function readFully<E>(read: StreamingRead<E>): Promise<E[]> {
  const items: E[] = [];
  for await (const item of read) items.push(item);
  return items;
}

const recordedIn = <R>(resolved: ReadonlyArray<{ event?: R }>): R[] =>
  resolved.flatMap(({ event }) => (event ? [event] : []));

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
