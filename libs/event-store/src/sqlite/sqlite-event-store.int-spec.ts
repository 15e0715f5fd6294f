import { join } from 'node:path';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { temporaryDirectories } from '../testing/temporary-directory';
import { SqliteEventStore } from './sqlite-event-store';

const dirs = temporaryDirectories('casetrail-contract-');
afterAll(() => dirs.cleanup());

describeEventStoreContract('SQLite', {
  async open() {
    return new SqliteEventStore({ path: join(dirs.make(), 'events.sqlite') });
  },
});
