import type { Statement } from 'better-sqlite3';
import { EventIdAlreadyUsed, WrongExpectedVersion } from '../errors';
import { type AppendResult, type ExpectedVersion, satisfiesExpected } from '../event-store';
import { envelopeOf, GENESIS_HASH, hashEnvelope, type SerialisedEvent } from '../hash-chain';
import { eventKey } from './events-table';
import type { SqliteDatabase } from './open-sqlite';

/** One append of a group commit, as it crosses to whichever thread commits it. */
export interface AppendRequest {
  streamId: string;
  expected: ExpectedVersion;
  events: readonly SerialisedEvent[];
  /** When the store took the append: every event of it is recorded at this time. */
  recordedAt: string;
}

/** Where an event id is stored. */
interface StoredId {
  stream_id: string;
  version: bigint;
  position: bigint;
}

/**
 * Writes group commits to the events table over one connection: the store's own, or a commit
 * thread's. Appends given together are committed in one transaction. Each is checked against its
 * own expected version and answered on its own; one that fails leaves nothing behind (a
 * savepoint, or a single insert, is undone) and the others go on.
 */
export class SqliteAppender {
  private readonly statements: Record<'insert' | 'streamTip' | 'byEventId', Statement>;
  private readonly appendOne: (request: AppendRequest) => AppendResult;
  /**
   * Commits the appends together (BEGIN IMMEDIATE … COMMIT, fsynced at the connection's
   * synchronous setting): an outcome per append. Throws if the commit itself failed (disk full,
   * I/O error): then nothing of the batch was written.
   */
  readonly commit: (batch: readonly AppendRequest[]) => Array<AppendResult | Error>;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = {
      insert: db.prepare(
        `INSERT INTO events (event_id, event_key, stream_id, version, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      streamTip: db.prepare(
        'SELECT version, hash FROM events WHERE stream_id = ? ORDER BY version DESC LIMIT 1',
      ),
      byEventId: db.prepare(
        'SELECT stream_id, version, position FROM events WHERE event_key = ? AND event_id = ?',
      ),
    };
    const inSavepoint = db.transaction((request: AppendRequest) => this.write(request));
    // One insert is atomic on its own: SQLite undoes a failed statement, so a single-event
    // append needs no savepoint (which cost a tenth of an append's CPU).
    this.appendOne = (request) =>
      request.events.length === 1 ? this.write(request) : inSavepoint(request);
    this.commit = db.transaction((batch: readonly AppendRequest[]) =>
      batch.map((request) => {
        try {
          return this.appendOne(request);
        } catch (error) {
          // Disk full or an I/O error can end the whole transaction; later appends must not
          // run in autocommit, so the batch fails as a whole.
          if (!db.inTransaction) throw error;
          return error instanceof Error ? error : new Error(String(error));
        }
      }),
    ).immediate;
  }

  /**
   * Throwing undoes this append only: its inserts run in a savepoint, or are one statement.
   * Each event id is looked up before it is inserted (see events-table.ts); a retried append is
   * recognised when its first id, or its expected version, is taken.
   */
  private write({ streamId, expected, events, recordedAt }: AppendRequest): AppendResult {
    const tip = this.statements.streamTip.get(streamId) as
      { version: bigint; hash: string } | undefined;
    const current = tip?.version ?? 0n;
    if (!satisfiesExpected(expected, current)) {
      const retried = this.previousAppendOf(streamId, events);
      if (retried) return retried;
      throw new WrongExpectedVersion(streamId, expected, current);
    }

    let prevHash = tip?.hash ?? GENESIS_HASH;
    let version = current;
    let position = 0n;
    for (const [i, event] of events.entries()) {
      version += 1n;
      const envelope = envelopeOf(event, streamId, version, recordedAt, prevHash);
      const key = eventKey(envelope.eventId);
      const taken = this.storedEvent(envelope.eventId, key);
      if (taken) {
        // Nothing of this append is written yet, so a retry can still be answered.
        const retried = i === 0 ? this.previousAppendOf(streamId, events) : undefined;
        if (retried) return retried;
        throw new EventIdAlreadyUsed(envelope.eventId, streamId, taken.stream_id);
      }
      const hash = hashEnvelope(envelope);
      const info = this.statements.insert.run(
        envelope.eventId,
        key,
        streamId,
        version,
        envelope.type,
        envelope.schemaVersion,
        envelope.dataJson,
        envelope.metadataJson,
        recordedAt,
        prevHash,
        hash,
      );
      position = BigInt(info.lastInsertRowid);
      prevHash = hash;
    }
    return { version, position };
  }

  /**
   * A client retry re-sends events whose ids are stored already. The first id decides:
   * if it is stored on this stream, the whole append was committed before, and the original
   * answer is returned; ids stored on another stream are a conflict.
   */
  private previousAppendOf(
    streamId: string,
    events: readonly SerialisedEvent[],
  ): AppendResult | undefined {
    const first = this.storedEvent(events[0].eventId);
    if (!first) return undefined;
    if (first.stream_id !== streamId)
      throw new EventIdAlreadyUsed(events[0].eventId, streamId, first.stream_id);
    let last = first;
    for (const event of events.slice(1)) {
      const stored = this.storedEvent(event.eventId);
      if (!stored || stored.stream_id !== streamId || stored.version !== last.version + 1n) {
        throw new EventIdAlreadyUsed(events[0].eventId, streamId, first.stream_id);
      }
      last = stored;
    }
    return { version: last.version, position: last.position };
  }

  private storedEvent(eventId: string, key = eventKey(eventId)): StoredId | undefined {
    return this.statements.byEventId.get(key, eventId) as StoredId | undefined;
  }
}
