import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NewEvent } from '../event-store';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { temporaryDirectories } from '../testing/temporary-directory';
import type { SqliteDatabase } from './open-sqlite';
import { SqliteEventStore } from './sqlite-event-store';

const dirs = temporaryDirectories('casetrail-contract-');
afterAll(() => dirs.cleanup());

describeEventStoreContract('SQLite', {
  async open() {
    return new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite') });
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
