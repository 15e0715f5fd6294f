import { parentPort, workerData } from 'node:worker_threads';
import { errorToThread } from '../thread-errors';
import { type CommitWorkerData, type FromCommitWorker, type ToCommitWorker } from './commit-thread';
import { openSqlite } from './open-sqlite';
import { SqliteAppender } from './sqlite-appender';

/**
 * The commit thread (commit-thread.ts): its own connection to the events file, checked for WAL
 * and synchronous=FULL as the store's is, committing each batch it is given and answering with
 * each append's outcome once the commit is on disk.
 */
const { path } = workerData as CommitWorkerData;
const db = openSqlite(path, { synchronous: 'FULL' });
const appender = new SqliteAppender(db);
const port = parentPort!;

port.on('message', (message: ToCommitWorker) => {
  if (message.type === 'close') {
    db.close();
    port.close();
    return;
  }
  let answer: FromCommitWorker;
  try {
    const outcomes = appender.commit(message.batch);
    answer = {
      type: 'committed',
      id: message.id,
      outcomes: outcomes.map((o) =>
        o instanceof Error ? { error: errorToThread(o) } : { result: o },
      ),
    };
  } catch (error) {
    answer = { type: 'failed', id: message.id, error: errorToThread(error) };
  }
  port.postMessage(answer);
});
