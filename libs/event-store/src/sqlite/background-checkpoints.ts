import { Worker } from 'node:worker_threads';

/**
 * How often the worker checkpoints. Under a stream of commands the read models write a thousand
 * pages in about a tenth of a second; a run with nothing to copy costs next to nothing.
 */
const INTERVAL_MS = 25;

/**
 * The worker: its own connection to the file, checkpointing (PASSIVE: never blocking the writer
 * or readers) until it has copied everything or five runs have not, every INTERVAL_MS. The
 * connection's synchronous setting decides whether a checkpoint fsyncs the database before the
 * WAL may be reused, so it must be the writer's.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = ' + workerData.synchronous);
const checkpoint = () => {
  for (let run = 0; run < 5; run++) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result.log === result.checkpointed) return;
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/**
 * Copies a WAL database's new pages back into the file from a worker thread, so that the
 * writer's own checkpoint, which SQLite runs inside the commit that takes the WAL past 1,000
 * pages, finds them copied already and only has to sync and reset the WAL. Copying them there
 * (hundreds of page writes) had cost the read models a tenth of the CPU under a stream of
 * commands and put 10–20 ms stalls into the tail.
 *
 * The worker only runs ahead: it cannot reset the WAL itself without taking the writer's lock
 * (so blocking the event loop), and a passive checkpoint rarely catches up between two commits.
 * Should it fail, the writer checkpoints exactly as it would without it.
 */
export class BackgroundCheckpoints {
  private readonly worker: Worker;
  private failure: string | undefined;
  private readonly exited: Promise<void>;

  constructor(path: string, synchronous: 'FULL' | 'NORMAL') {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        path,
        synchronous,
        intervalMs: INTERVAL_MS,
      },
    });
    this.worker.on('error', (error) => {
      this.failure = error.message;
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // A service stops by closing its stores; a forgotten store must not keep a process alive.
    this.worker.unref();
  }

  /** "running", or why the worker stopped: for health reports. */
  get state(): string {
    return this.failure === undefined ? 'running' : `failed: ${this.failure}`;
  }

  /** Runs a last checkpoint and stops the worker. */
  async close(): Promise<void> {
    // Held again while it finishes: otherwise a process with nothing else left would exit in
    // the middle of a shutdown that awaits this (and not by the signal that stopped it).
    this.worker.ref();
    this.worker.postMessage('close');
    await this.exited;
  }
}
