import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { EventMetadata, NewEvent } from './event-store';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers: everything about an event except its global position,
 * which EventStoreDB only assigns after the write. */
export interface HashedEnvelope {
  eventId: string;
  streamId: string;
  version: bigint;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: EventMetadata;
  recordedAt: string;
  prevHash: string;
}

/** SHA-256 over RFC 8785 canonical JSON, so any adapter or an auditor's own script
 * recomputes the same value from the same facts. */
export function hashEnvelope(envelope: HashedEnvelope): string {
  const canonical = canonicalize({
    eventId: envelope.eventId,
    streamId: envelope.streamId,
    version: envelope.version.toString(),
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    data: envelope.data,
    metadata: envelope.metadata,
    recordedAt: envelope.recordedAt,
    prevHash: envelope.prevHash,
  });
  if (canonical === undefined) throw new Error('Envelope cannot be canonicalised');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * The envelope an adapter hashes and stores. Data and metadata are stored as JSON, so the hash
 * is taken over exactly what a reader will parse back (undefined fields dropped, dates as strings).
 */
export function normalise(
  event: NewEvent,
  streamId: string,
  version: bigint,
  recordedAt: string,
  prevHash: string,
): HashedEnvelope {
  return {
    eventId: event.eventId,
    streamId,
    version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(JSON.stringify(event.data ?? null)) as unknown,
    metadata: JSON.parse(JSON.stringify(event.metadata)) as EventMetadata,
    recordedAt,
    prevHash,
  };
}
