import {
  type AppendResult,
  EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type StoreHealth,
} from './event-store';

/**
 * Keeps the streams read most recently in memory, so reading a long stream again (a case's
 * history, an as-of replay, the fold before a command) costs one index probe for whatever was
 * appended since, instead of reading and parsing every event again. Where reading the log's head
 * is cheap (SQLite: one index lookup, a quarter of a probe), a stream is not probed at all while
 * the head has not moved since it was: nothing can have been appended to it. A case replay reads
 * some sixty streams. EventStoreDB finds its head by scanning $all, so there it is not used.
 *
 * Sound without invalidation because events are immutable and a stream only grows: what is
 * cached is always a prefix of the stream, whoever appended after it (this process, the CLI,
 * another node). Bounded by a number of events; the stream read least recently goes first.
 * Cached events are frozen and every answer is a fresh array, so no reader can change what the
 * next one is given. Only whole forward reads are cached; any other read goes to the store.
 */
export class StreamCache extends EventStore {
  /** In Map order, least recently read first. */
  private readonly streams = new Map<string, CachedStream>();
  private cachedEvents = 0;
  private turnHead: Promise<bigint> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly maxEvents: number,
    private readonly options: StreamCacheOptions = {},
  ) {
    super();
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const whole =
      options.direction !== 'backwards' &&
      options.from === undefined &&
      options.to === undefined &&
      options.limit === undefined;
    if (!whole || this.maxEvents <= 0) return this.store.readStream(streamId, options);
    // Read before the probe: whatever the probe misses was appended after it, and moves the head.
    const head = this.options.headIsCheap ? await this.headThisTurn() : undefined;
    const known = this.streams.get(streamId);
    if (known && head !== undefined && known.checkedAt === head) {
      this.remember(streamId, known);
      return [...known.events];
    }
    const after = known?.events.at(-1)?.version ?? 0n;
    const appended = await this.store.readStream(streamId, { from: after + 1n });
    // While this read waited, another may have cached more of the stream, or it may have been
    // evicted: either way both are prefixes of the stream, and the longer one is kept.
    const cached = this.streams.get(streamId)?.events ?? [];
    const prefix = cached.length > (known?.events.length ?? 0) ? cached : (known?.events ?? []);
    const last = prefix.at(-1)?.version ?? 0n;
    const newer = appended.filter((e) => e.version > last).map(deepFreeze);
    const events = newer.length > 0 ? [...prefix, ...newer] : prefix;
    if (events.length > 0 && events.length <= this.maxEvents) {
      this.remember(streamId, { events, checkedAt: head });
    }
    return [...events];
  }

  append(
    streamId: string,
    expected: ExpectedVersion,
    events: readonly NewEvent[],
  ): Promise<AppendResult> {
    return this.store.append(streamId, expected, events);
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.store.readAll(options);
  }

  /** Where the head is cheap, the one the stream reads of this turn use, so both agree. */
  headPosition(): Promise<bigint> {
    return this.options.headIsCheap ? this.headThisTurn() : this.store.headPosition();
  }

  countAfter(position: bigint, cap: number): Promise<number> {
    return this.store.countAfter(position, cap);
  }

  waitForEvents(position: bigint, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return this.store.waitForEvents(position, timeoutMs, signal);
  }

  health(): Promise<StoreHealth> {
    return this.store.health();
  }

  close(): Promise<void> {
    this.streams.clear();
    this.cachedEvents = 0;
    return this.store.close();
  }

  /**
   * The log's head, read once for every stream read started in the same synchronous turn (a case
   * replay starts some sixty at once): it was read during the turn, so after any append whose
   * acknowledgement could have led to these reads, and a head read earlier than the probe is
   * still read before it. The next turn reads it again.
   */
  private headThisTurn(): Promise<bigint> {
    if (!this.turnHead) {
      this.turnHead = this.store.headPosition();
      queueMicrotask(() => (this.turnHead = undefined));
    }
    return this.turnHead;
  }

  private remember(streamId: string, stream: CachedStream): void {
    this.cachedEvents -= this.streams.get(streamId)?.events.length ?? 0;
    this.streams.delete(streamId);
    this.streams.set(streamId, stream);
    this.cachedEvents += stream.events.length;
    for (const [oldest, dropped] of this.streams) {
      if (this.cachedEvents <= this.maxEvents) break;
      this.streams.delete(oldest);
      this.cachedEvents -= dropped.events.length;
    }
  }
}

export interface StreamCacheOptions {
  /** Skip the probe while the log's head has not moved: only where reading the head is cheap. */
  headIsCheap?: boolean;
}

interface CachedStream {
  events: readonly StoredEvent[];
  /** The log's head read just before the stream was last probed, if it was read. */
  checkedAt: bigint | undefined;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
