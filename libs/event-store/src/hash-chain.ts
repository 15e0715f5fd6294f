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

/** An event with its data and metadata already turned into the JSON text that will be stored. */
export interface SerialisedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

/**
 * Data and metadata as the JSON text a reader will parse back (undefined fields dropped, dates
 * as strings). Done where the event was made: the text crosses to a commit thread as it is.
 */
export function serialise(event: NewEvent): SerialisedEvent {
  return {
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    dataJson: JSON.stringify(event.data ?? null),
    metadataJson: JSON.stringify(event.metadata),
  };
}

/**
 * The envelope an adapter hashes and stores, from the event's JSON text: the hash is taken over
 * exactly what a reader will parse back, and the text is stored as it is (serialising it again
 * would cost a second pass over each event).
 */
export function envelopeOf(
  event: SerialisedEvent,
  streamId: string,
  version: bigint,
  recordedAt: string,
  prevHash: string,
): NormalisedEnvelope {
  return {
    eventId: event.eventId,
    streamId,
    version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.parse(event.dataJson) as unknown,
    metadata: JSON.parse(event.metadataJson) as EventMetadata,
    recordedAt,
    prevHash,
    dataJson: event.dataJson,
    metadataJson: event.metadataJson,
  };
}

/** `envelopeOf` an event not yet serialised. */
export function normalise(
  event: NewEvent,
  streamId: string,
  version: bigint,
  recordedAt: string,
  prevHash: string,
): NormalisedEnvelope {
  return envelopeOf(serialise(event), streamId, version, recordedAt, prevHash);
}
