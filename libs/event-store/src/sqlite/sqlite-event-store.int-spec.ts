import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EventIdAlreadyUsed } from '../errors';
import type { NewEvent, StoredEvent } from '../event-store';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { sampleEvent } from '../testing/sample-events';
import { temporaryDirectories } from '../testing/temporary-directory';
import { globalLogPages, verifyChains } from '../verify';
import { eventKey } from './events-table';
import { openSqlite, type SqliteDatabase } from './open-sqlite';
import { SqliteEventStore } from './sqlite-event-store';

const dirs = temporaryDirectories('casetrail-contract-');
afterAll(() => dirs.cleanup());

describeEventStoreContract('SQLite', {
  async open() {
    return new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite') });
  },
});

describeEventStoreContract('SQLite, committing on a worker thread,', {
  async open() {
    return new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite'), commits: 'worker' });
  },
});

describe('SQLite event store, when the disk fills during a group commit', () => {
  const event = (data: unknown): NewEvent => ({
    eventId: randomUUID(),
    type: 'Noted',
    schemaVersion: 1,
    data,
    metadata: {
      actor: { userId: 'u', displayName: 'U', agency: 'Police', roles: [] },
      partnershipId: 'p',
      correlationId: randomUUID(),
      causationId: randomUUID(),
      commandId: randomUUID(),
    },
  });

  it('fails every append of the batch and writes none of them, not the ones after the failure', async () => {
    const store = new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite') });
    await store.append('seed', 'no_stream', [event({})]);
    // SQLITE_FULL rolls the whole transaction back. Appends queued after the one that hit it
    // would otherwise run in autocommit: stored, yet answered with the batch's failure.
    const db = (store as unknown as { db: SqliteDatabase }).db;
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 2}`);

    const outcomes = await Promise.allSettled([
      store.append('before', 'no_stream', [event({ n: 1 })]),
      store.append('huge', 'no_stream', [event({ text: 'x'.repeat(200_000) })]),
      store.append('after', 'no_stream', [event({ n: 2 })]),
    ]);

    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    for (const stream of ['before', 'huge', 'after'])
      expect(await store.readStream(stream)).toEqual([]);
    db.pragma('max_page_count = 1073741823');
    await expect(store.append('after', 'no_stream', [event({ n: 3 })])).resolves.toMatchObject({
      version: 1n,
    });
    await store.close();
  });
});

describe('SQLite event store, event ids found by their key', () => {
  const withId = (eventId: string, type = 'Noted'): NewEvent => ({ ...sampleEvent(type), eventId });

  it('keeps two ids that share a key apart, and recognises each on retry', async () => {
    const [one, two] = ['collision-568819', 'collision-2156904'];
    expect(eventKey(one)).toBe(eventKey(two));
    const store = new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite') });
    const first = await store.append('one', 'no_stream', [withId(one)]);
    const second = await store.append('two', 'no_stream', [withId(two)]);

    expect(await store.append('one', 'any', [withId(one)])).toEqual(first);
    expect(await store.append('two', 'any', [withId(two)])).toEqual(second);
    await expect(store.append('three', 'no_stream', [withId(two)])).rejects.toBeInstanceOf(
      EventIdAlreadyUsed,
    );
    expect((await store.readAll()).map((e) => e.eventId)).toEqual([one, two]);
    await store.close();
  });

  it('refuses an append that carries one id twice, and stores none of it', async () => {
    const store = new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite') });
    const id = randomUUID();
    await expect(
      store.append('case', 'no_stream', [withId(id, 'A'), withId(id, 'B')]),
    ).rejects.toBeInstanceOf(EventIdAlreadyUsed);
    expect(await store.readStream('case')).toEqual([]);
    await store.close();
  });
});

describe('SQLite event store, opening a file from before event keys', () => {
  /** The table as it was: ids unique by an index on the ids themselves. */
  const OLD_TABLE = `
    CREATE TABLE events (
      position INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version > 0), type TEXT NOT NULL, schema_version INTEGER NOT NULL,
      data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL, prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL, UNIQUE (stream_id, version))`;
  const COLUMNS =
    'position, event_id, stream_id, version, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

  /** Writes events through today's store, then puts them back into the old table. */
  async function oldFile(): Promise<{ path: string; events: StoredEvent[] }> {
    const path = join(dirs.make(), 'events.sqlite');
    const store = new SqliteEventStore({ path });
    await store.append('case-a', 'no_stream', [sampleEvent('A'), sampleEvent('B')]);
    await store.append('case-b', 'no_stream', [sampleEvent('C')]);
    const events = await store.readAll();
    await store.close();
    const db = openSqlite(path, { synchronous: 'FULL' });
    db.exec(`ALTER TABLE events RENAME TO events_new; ${OLD_TABLE};
      INSERT INTO events (${COLUMNS}) SELECT ${COLUMNS} FROM events_new; DROP TABLE events_new;`);
    // The counter of positions handed out is the last position in practice (events are never
    // deleted); set apart here, so the test sees the upgrade keep it rather than work it out.
    db.exec("UPDATE sqlite_sequence SET seq = 7 WHERE name = 'events'");
    expect(db.pragma('index_list(events)')).toContainEqual(
      expect.objectContaining({ unique: 1n, origin: 'u' }),
    );
    db.close();
    return { path, events };
  }

  it('rebuilds the table with event keys, keeping every event, its position and the hash chain', async () => {
    const { path, events } = await oldFile();
    const store = new SqliteEventStore({ path });
    expect(await store.readAll()).toEqual(events);
    await expect(verifyChains(globalLogPages(store))).resolves.toEqual({
      ok: true,
      eventsChecked: 3,
      streamsChecked: 2,
    });

    const db = openSqlite(path, { synchronous: 'FULL' });
    const indexes = db.pragma('index_list(events)') as Array<{ name: string }>;
    expect(indexes.map((i) => i.name).sort()).toEqual([
      'events_by_event_key',
      'sqlite_autoindex_events_1',
    ]);
    expect(db.pragma('index_info(sqlite_autoindex_events_1)')).toEqual([
      expect.objectContaining({ name: 'stream_id' }),
      expect.objectContaining({ name: 'version' }),
    ]);
    db.close();
    await store.close();
  });

  it('goes on from the old position counter, and still knows the old ids', async () => {
    const { path, events } = await oldFile();
    const store = new SqliteEventStore({ path });
    const old = events[0];
    await expect(
      store.append('case-c', 'no_stream', [{ ...sampleEvent('X'), eventId: old.eventId }]),
    ).rejects.toBeInstanceOf(EventIdAlreadyUsed);
    expect(await store.append('case-a', 2n, [sampleEvent('D')])).toEqual({
      version: 3n,
      position: 8n,
    });
    await store.close();
    // A second start finds the table current and leaves it be.
    const again = new SqliteEventStore({ path });
    expect((await again.readAll()).map((e) => e.position)).toEqual([1n, 2n, 3n, 8n]);
    await again.close();
  });
});
