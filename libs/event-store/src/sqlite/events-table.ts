import type { SqliteDatabase } from './open-sqlite';

/**
 * The log's one table. Event ids are unique across the store, but the index that finds them is
 * on a 32-bit key of the id (`eventKey`), not on the 36-character id itself, and the store
 * checks the id in full before each insert.
 *
 * Why: ids are random, so every append lands in a random leaf of that index, and a group commit
 * of 32 appends rewrote about 30 of its 4 KB pages to the WAL; the commit's fsync waits on those
 * bytes. A key of 4 bytes instead of 36 makes the index about a quarter of the size, so more of a
 * batch's appends share a leaf (12.0k -> 14.0k appends/s at 32 writers over 20,000 events).
 */
const createTable = (name: string): string => `
CREATE TABLE ${name} (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id       TEXT    NOT NULL,
  event_key      INTEGER NOT NULL,
  stream_id      TEXT    NOT NULL,
  version        INTEGER NOT NULL CHECK (version > 0),
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  prev_hash      TEXT    NOT NULL,
  hash           TEXT    NOT NULL,
  UNIQUE (stream_id, version)
);`;

const CREATE_KEY_INDEX = 'CREATE INDEX events_by_event_key ON events (event_key);';

/** The columns every version of the table has, in order. */
const COMMON_COLUMNS =
  'position, event_id, stream_id, version, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

/**
 * A 32-bit FNV-1a hash of the id's UTF-16 code units. Not a secret and not unique: two ids may
 * share a key, and the store compares the ids themselves. Fixed forever, as it is stored.
 */
export function eventKey(eventId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < eventId.length; i++) {
    hash ^= eventId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * Creates the table in a new file, or rebuilds one from before event keys: its ids were kept
 * unique by an index on the ids themselves, which SQLite cannot drop without rebuilding the
 * table. The rebuild copies every row with its position, in one transaction, so a crash leaves
 * the old table whole; it is done once, at the first start of an upgraded service.
 */
export function prepareEventsTable(db: SqliteDatabase): void {
  const columns = (db.pragma('table_info(events)') as Array<{ name: string }>).map((c) => c.name);
  if (columns.includes('event_key')) return;
  db.transaction(() => {
    if (columns.length === 0) {
      db.exec(createTable('events'));
    } else {
      rebuildWithEventKeys(db);
    }
    db.exec(CREATE_KEY_INDEX);
  }).immediate();
}

function rebuildWithEventKeys(db: SqliteDatabase): void {
  const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as
    { seq: bigint } | undefined;
  db.function('casetrail_event_key', { deterministic: true }, (id) => eventKey(String(id)));
  db.exec(createTable('events_with_keys'));
  db.exec(
    `INSERT INTO events_with_keys (${COMMON_COLUMNS}, event_key)
     SELECT ${COMMON_COLUMNS}, casetrail_event_key(event_id) FROM events ORDER BY position`,
  );
  db.exec('DROP TABLE events');
  db.exec('ALTER TABLE events_with_keys RENAME TO events');
  // The counter of positions handed out is the last position (events are never deleted), but
  // it is carried over rather than assumed.
  if (sequence)
    db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(sequence.seq);
}
