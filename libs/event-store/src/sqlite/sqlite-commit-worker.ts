import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { errorToThread } from '../thread-errors';
import { type CommitWorkerData, type FromCommitWorker, type ToCommitWorker } from './commit-thread';
import { openSqlite } from './open-sqlite';
import { SqliteAppender } from './sqlite-appender';

/**
 * The commit thread (commit-thread.ts): its own connection to the events file, checked for WAL
 * and synchronous=FULL as the store's is. Every batch given while a commit waits for its fsync is
 * committed together next, in the order given, and each batch is answered with its appends'
 * outcomes once that commit is on disk.
 */
const { path, answers } = workerData as CommitWorkerData;
const db = openSqlite(path, { synchronous: 'FULL' });
const appender = new SqliteAppender(db);
const port = parentPort!;
type Batch = Extract<ToCommitWorker, { type: 'commit' }>;
const taken = () => receiveMessageOnPort(port)?.message as ToCommitWorker | undefined;

port.on('message', (message: ToCommitWorker) => {
  // Whatever else was handed over while the last commit waited has queued behind this one:
  // taken now, it is committed with it.
  const batches: Batch[] = [];
  let closing = false;
  for (let next: ToCommitWorker | undefined = message; next; next = taken()) {
    if (next.type === 'close') closing = true;
    else batches.push(next);
  }
  if (batches.length > 0) commit(batches);
  if (closing) {
    db.close();
    answers.close();
    port.close();
  }
});

function commit(batches: readonly Batch[]): void {
  let outcomes: ReturnType<SqliteAppender['commit']>;
  try {
    outcomes = appender.commit(batches.flatMap((b) => b.batch));
  } catch (error) {
    // Nothing of any of them was written.
    const failed = errorToThread(error);
    for (const { id } of batches)
      answers.postMessage({ type: 'failed', id, error: failed } satisfies FromCommitWorker);
    return;
  }
  let next = 0;
  for (const { id, batch } of batches) {
    const mine = outcomes.slice(next, (next += batch.length));
    answers.postMessage({
      type: 'committed',
      id,
      outcomes: mine.map((o) => (o instanceof Error ? { error: errorToThread(o) } : { result: o })),
    } satisfies FromCommitWorker);
  }
}
