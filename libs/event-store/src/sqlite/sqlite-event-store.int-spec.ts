import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describeEventStoreContract('SQLite', {
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'casetrail-contract-'));
    dirs.push(dir);
    return new SqliteEventStore({ path: join(dir, 'events.sqlite') });
  },
});
