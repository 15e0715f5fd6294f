import { Worker } from 'node:worker_threads';

/**
 * How often the worker checkpoints. Under a stream of commands the read models write a thousand
 * pages in about a tenth of a second; a run with nothing to copy costs next to nothing.
 */
const INTERVAL_MS = 25;

/**
 * The worker: its own connection to each file it is given, checkpointing each (PASSIVE: never
 * blocking the writer or readers) until it has copied everything or five runs have not, every
 * INTERVAL_MS. A connection's synchronous setting decides whether its checkpoints fsync the
 * database before the WAL may be reused, so it must be the writer's. It reports a file it cannot
 * open or checkpoint, and leaves that file to its writer.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const files = new Map();
const checkpoint = (db) => {
  for (let run = 0; run < 5; run++) {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    if (result.log === result.checkpointed) return;
  }
};
const timer = setInterval(() => {
  for (const [path, db] of files) {
    try {
      checkpoint(db);
    } catch (error) {
      files.delete(path);
      db.close();
      parentPort.postMessage({ path, error: error.message });
    }
  }
}, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message.watch) {
    try {
      const db = new Database(message.watch, { fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      db.pragma('synchronous = ' + message.synchronous);
      files.set(message.watch, db);
    } catch (error) {
      parentPort.postMessage({ path: message.watch, error: error.message });
    }
    return;
  }
  clearInterval(timer);
  for (const db of files.values()) {
    try {
      checkpoint(db);
    } finally {
      db.close();
    }
  }
  parentPort.close();
});
`;

/**
 * Copies the WAL of SQLite files back into them from one worker thread, so that the writer's
 * own checkpoint, which SQLite runs inside the commit that takes the WAL past 1,000 pages, finds
 * the pages copied already and only has to sync and reset the WAL. Copying them there (hundreds
 * of page writes) had cost the read models a tenth of the CPU under a stream of commands and put
 * 10–20 ms stalls into the tail.
 *
 * The worker only runs ahead: it cannot reset a WAL itself without taking the writer's lock (so
 * blocking the event loop), and a passive checkpoint rarely catches up between two commits.
 * Where it fails, the writer checkpoints exactly as it would without it. One worker serves every
 * file: each thread costs some 10 MB.
 *
 * Close it after the stores it serves: its connections close last, so the last one checkpoints
 * and removes each WAL.
 */
export class BackgroundCheckpoints {
  private readonly worker: Worker;
  private readonly failures = new Map<string, string>();
  private failure: string | undefined;
  private readonly exited: Promise<void>;

  constructor() {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), intervalMs: INTERVAL_MS },
    });
    this.worker.on('message', ({ path, error }: { path: string; error: string }) =>
      this.failures.set(path, error),
    );
    this.worker.on('error', (error) => {
      this.failure = error.message;
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    // A service stops by closing it; one left open must not keep a process alive.
    this.worker.unref();
  }

  /** Starts checkpointing the file (WAL already on, as openSqlite leaves it). */
  watch(path: string, synchronous: 'FULL' | 'NORMAL'): void {
    this.worker.postMessage({ watch: path, synchronous });
  }

  /** "running", or why the file's checkpoints stopped: for health reports. */
  stateOf(path: string): string {
    const failure = this.failure ?? this.failures.get(path);
    return failure === undefined ? 'running' : `failed: ${failure}`;
  }

  /** Runs a last checkpoint of every file, closes their connections and stops the worker. */
  async close(): Promise<void> {
    // Held again while it finishes: otherwise a process with nothing else left would exit in
    // the middle of a shutdown that awaits this (and not by the signal that stopped it).
    this.worker.ref();
    this.worker.postMessage({ close: true });
    await this.exited;
  }
}
