import type { StoredEvent } from '@casetrail/event-store';

const RECORDED_AT = '2026-11-23T12:00:00.000Z';
let position = 0n;

/**
 * An event as the store returns it, recorded by Ada today (2026-11-23) at the next position,
 * for readers tested without a store. `knownOn` marks history entered after the fact.
 */
export function storedEvent(
  streamId: string,
  version: number,
  event: { type: string; data: unknown },
  knownOn?: string,
): StoredEvent {
  return {
    eventId: `${streamId}-${version}`,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: {
      actor: {
        userId: 'ada',
        displayName: 'Ada Lovelace',
        agency: 'Leicestershire Police',
        roles: ['business-unit'],
      },
      partnershipId: 'leicester',
      correlationId: 'c',
      causationId: 'c',
      commandId: 'c',
      ...(knownOn && { knownOn }),
    },
    streamId,
    version: BigInt(version),
    position: ++position,
    recordedAt: RECORDED_AT,
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
  };
}
