import type { ExpectedVersion } from './event-store';

/** The stream was not at the expected version; nothing was appended. */
export class WrongExpectedVersion extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: bigint,
  ) {
    super(`Stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersion';
  }
}

/** An event id is already stored elsewhere (another stream, or another append). */
export class EventIdAlreadyUsed extends Error {
  readonly code = 'EVENT_ID_ALREADY_USED';
  constructor(
    readonly eventId: string,
    readonly streamId: string,
    readonly storedOnStreamId: string,
  ) {
    super(`Event ${eventId} is already stored on stream ${storedOnStreamId}, not ${streamId}`);
    this.name = 'EventIdAlreadyUsed';
  }
}

/** The store cannot guarantee its durability promises and refuses to start. */
export class StoreMisconfigured extends Error {
  readonly code = 'STORE_MISCONFIGURED';
  constructor(message: string) {
    super(message);
    this.name = 'StoreMisconfigured';
  }
}

/** The store could not be reached or did not answer; the outcome of a write is unknown. */
export class StoreUnavailable extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailable';
  }
}

export class InvalidAppend extends Error {
  readonly code = 'INVALID_APPEND';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppend';
  }
}

/** An idempotency key came back with a different request; the first one's answer stands. */
export class IdempotencyKeyReused extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor(readonly commandId: string) {
    super(`This Idempotency-Key was already used for a different request`);
    this.name = 'IdempotencyKeyReused';
  }
}
