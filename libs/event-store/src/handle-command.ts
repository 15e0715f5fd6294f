import { type Decider, type DomainEvent, fold } from '@casetrail/domain';
import { IdempotencyKeyReused, WrongExpectedVersion } from './errors';
import { eventIdFor } from './event-ids';
import { type AppendResult, type EventMetadata, EventStore, NO_STREAM, type StoredEvent, streamVersionOf } from './event-store';

export interface CommandContext {
  /** Unique per sender and idempotency key (or fresh per request): event ids derive from it. */
  commandId: string;
  metadata: EventMetadata;
  /** The version the client last saw (HTTP If-Match); absent means "whatever is current". */
  expectedVersion?: bigint;
  schemaVersionOf?: (eventType: string) => number;
}

export interface CommandResult<Event> extends AppendResult {
  events: Event[];
  /** True when this command had been handled before and its first answer is returned again. */
  replayed: boolean;
}

const MAX_ATTEMPTS = 3;

/**
 * Read the stream, fold it, decide, append at the version that was read.
 *
 * Idempotency lives in the log itself: if the stream already holds events of this command,
 * it was handled before (a client retry), and the first answer is returned without deciding
 * again, provided the request is the same one. Without If-Match, a concurrent writer is met by
 * re-reading and deciding again, a bounded number of times; with it, a moved stream is a conflict.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  context: CommandContext,
): Promise<CommandResult<Event>> {
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId);
    const earlier = previousAnswer(history, context);
    if (earlier) return earlier as CommandResult<Event>;

    const readVersion = streamVersionOf(history);
    if (context.expectedVersion !== undefined && readVersion !== context.expectedVersion) {
      throw new WrongExpectedVersion(streamId, context.expectedVersion, readVersion);
    }
    const state = fold(decider, history.map((e) => ({ type: e.type, data: e.data }) as Event));
    const events = decider.decide(command, state);
    if (events.length === 0) return { version: readVersion, position: 0n, events, replayed: false };
    try {
      const result = await store.append(
        streamId,
        readVersion === 0n ? NO_STREAM : readVersion,
        events.map((event, index) => ({
          eventId: eventIdFor(context.commandId, index),
          type: event.type,
          schemaVersion: context.schemaVersionOf?.(event.type) ?? 1,
          data: event.data,
          metadata: context.metadata,
        })),
      );
      return { ...result, events, replayed: false };
    } catch (error) {
      const retryable = error instanceof WrongExpectedVersion && context.expectedVersion === undefined && attempt < MAX_ATTEMPTS;
      if (!retryable) throw error;
    }
  }
}

function previousAnswer(history: readonly StoredEvent[], context: CommandContext): CommandResult<never> | undefined {
  const own = history.filter((e) => e.metadata.commandId === context.metadata.commandId);
  if (own.length === 0) return undefined;
  const last = own[own.length - 1];
  if (last.metadata.requestHash !== context.metadata.requestHash) throw new IdempotencyKeyReused(context.metadata.commandId);
  return { version: last.version, position: last.position, events: [], replayed: true };
}
