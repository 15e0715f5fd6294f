import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
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
  const canonical = canonicalJson({
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
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** A normalised envelope with the JSON text its data and metadata were normalised through. */
export interface NormalisedEnvelope extends HashedEnvelope {
  dataJson: string;
  metadataJson: string;
}

/**
 * The envelope an adapter hashes and stores. Data and metadata are stored as JSON, so the hash
 * is taken over exactly what a reader will parse back (undefined fields dropped, dates as strings).
 * The JSON text is kept: storing it again would serialise each event twice.
 */
export function normalise(
  event: NewEvent,
  streamId: string,
  version: bigint,
  recordedAt: string,
  prevHash: string,
): NormalisedEnvelope {
  const dataJson = JSON.stringify(event.data ?? null);
  const metadataJson = JSON.stringify(event.metadata);
  return {
    eventId: event.eventId,
    streamId,
    version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(dataJson) as unknown,
    metadata: JSON.parse(metadataJson) as EventMetadata,
    recordedAt,
    prevHash,
    dataJson,
    metadataJson,
  };
}
