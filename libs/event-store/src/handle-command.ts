import { type Decider, type DomainEvent, fold } from '@casetrail/domain';
import { WrongExpectedVersion } from './errors';
import { eventIdFor } from './event-ids';
import { type AppendResult, type EventMetadata, EventStore, NO_STREAM, streamVersionOf } from './event-store';

export interface CommandContext {
  /** The client's idempotency key (or a fresh id): event ids derive from it. */
  commandId: string;
  metadata: EventMetadata;
  /** The version the client last saw (HTTP If-Match); absent means "whatever is current". */
  expectedVersion?: bigint;
  schemaVersionOf?: (eventType: string) => number;
}

export interface CommandResult<Event> extends AppendResult {
  events: Event[];
}

const MAX_ATTEMPTS = 3;

/**
 * Read the stream, fold it, decide, append with the version that was read.
 *
 * With an expected version, the stream is folded only up to that version, so a retried
 * command decides exactly as it did the first time, produces the same event ids, and the
 * store answers with the original result instead of appending twice. Without one, a
 * concurrent writer is met by re-reading and deciding again, a bounded number of times.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  context: CommandContext,
): Promise<CommandResult<Event>> {
  for (let attempt = 1; ; attempt++) {
    const history = await store.readStream(streamId, { to: context.expectedVersion });
    const readVersion = streamVersionOf(history);
    if (context.expectedVersion !== undefined && readVersion !== context.expectedVersion) {
      throw new WrongExpectedVersion(streamId, context.expectedVersion, readVersion);
    }
    const state = fold(decider, history.map((e) => ({ type: e.type, data: e.data }) as Event));
    const events = decider.decide(command, state);
    if (events.length === 0) return { version: readVersion, position: 0n, events };
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
      return { ...result, events };
    } catch (error) {
      const retryable =
        error instanceof WrongExpectedVersion && context.expectedVersion === undefined && attempt < MAX_ATTEMPTS;
      if (!retryable) throw error;
    }
  }
}
