import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BackgroundCheckpoints } from '@casetrail/event-store';
import { temporaryDirectories } from '@casetrail/event-store/testing/temporary-directory';
import { ReadModelStore } from './read-model-store';

const dirs = temporaryDirectories('casetrail-read-models-');
afterAll(() => dirs.cleanup());

describe('the read-model store', () => {
  it('checkpoints from a worker when asked, as the service does', async () => {
    const path = join(dirs.make(), 'read-models.sqlite');
    const checkpoints = new BackgroundCheckpoints();
    const readModels = new ReadModelStore(path, { checkpoints });
    expect(readModels.checkpointing).toBe('running');
    expect(readModels.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000n);
    const before = statSync(path).size;
    readModels.db.exec('CREATE TABLE notes (text TEXT)');
    const insert = readModels.db.prepare('INSERT INTO notes VALUES (?)');
    for (let i = 0; i < 50; i++) insert.run('x'.repeat(4_000));
    const deadline = Date.now() + 5_000;
    while (statSync(path).size < before + 50 * 4_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statSync(path).size).toBeGreaterThanOrEqual(before + 50 * 4_000);
    readModels.close();
    await checkpoints.close();
  });
});
