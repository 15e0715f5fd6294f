import type { StoredEvent } from '@casetrail/event-store';

/** A projection threw on an event: it stops there until rebuilt or retried. */
export class ProjectionFailed extends Error {
  readonly code = 'PROJECTION_FAILED';
  constructor(
    readonly projection: string,
    readonly event: StoredEvent,
    cause: unknown,
  ) {
    super(
      `Projection ${projection} failed on ${event.type} at position ${event.position}: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
    this.name = 'ProjectionFailed';
  }
}
