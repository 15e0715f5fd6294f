import { Worker } from 'node:worker_threads';
import { StoreUnavailable } from '../errors';
import type { AppendResult } from '../event-store';
import { errorFromThread, type ThreadError } from '../thread-errors';
import { workerScript } from '../worker-script';
import type { AppendRequest } from './sqlite-appender';

/** What the commit worker is given when it starts. */
export interface CommitWorkerData {
  path: string;
}

export type ToCommitWorker =
  { type: 'commit'; id: number; batch: readonly AppendRequest[] } | { type: 'close' };

export type FromCommitWorker =
  | {
      type: 'committed';
      id: number;
      outcomes: Array<{ result: AppendResult } | { error: ThreadError }>;
    }
  | { type: 'failed'; id: number; error: ThreadError };

interface InFlight {
  id: number;
  resolve(outcomes: Array<AppendResult | Error>): void;
  reject(error: Error): void;
}

/**
 * Commits the store's group commits on a thread of its own, over its own connection to the file
 * (synchronous=FULL, read back as the store's is). A commit waits for its fsync, a millisecond
 * or two and at times ten or more; on the thread that answers requests, nothing else could run
 * meanwhile. The store hands over one batch at a time and gathers the next while it waits.
 *
 * A worker that dies fails the batch it had: whether that batch was written is unknown, as after
 * a lost connection (StoreUnavailable), and a client's retry with the same event ids is answered
 * from what was stored. The next batch starts another worker.
 */
export class CommitThread {
  private worker: Worker | undefined;
  private inFlight: InFlight | undefined;
  private nextId = 1;
  private closed = false;

  constructor(private readonly path: string) {
    // Started now, so the first append does not wait for a thread to load.
    this.spawn();
  }

  /** The outcome of each append of the batch, or a rejection if the commit as a whole failed. */
  commit(batch: readonly AppendRequest[]): Promise<Array<AppendResult | Error>> {
    if (this.closed) return Promise.reject(new StoreUnavailable('The commit thread is closed'));
    if (this.inFlight) return Promise.reject(new Error('A commit is already under way'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.inFlight = { id, resolve, reject };
      // Held while a batch is under way, so its callers hear back; let go when idle.
      worker.ref();
      worker.postMessage({ type: 'commit', id, batch } satisfies ToCommitWorker);
    });
  }

  /** Lets the worker finish, close its connection and end. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    worker.ref();
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ type: 'close' } satisfies ToCommitWorker);
    await exited;
  }

  private spawn(): Worker {
    const worker = new Worker(workerScript(__dirname, 'sqlite-commit-worker.js'), {
      workerData: { path: this.path } satisfies CommitWorkerData,
    });
    worker.on('message', (message: FromCommitWorker) => this.answer(message));
    // 'error' is followed by 'exit'; the exit fails what was under way.
    worker.on('error', (error) => {
      this.failInFlight(
        new StoreUnavailable(`The commit thread failed: ${error.message}`, { cause: error }),
      );
    });
    worker.once('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      this.failInFlight(
        new StoreUnavailable(
          `The commit thread stopped (exit code ${code}); the outcome of its last commit is unknown`,
        ),
      );
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private answer(message: FromCommitWorker): void {
    const inFlight = this.inFlight;
    if (!inFlight || inFlight.id !== message.id) return;
    this.inFlight = undefined;
    this.worker?.unref();
    if (message.type === 'failed') inFlight.reject(errorFromThread(message.error));
    else
      inFlight.resolve(
        message.outcomes.map((o) => ('error' in o ? errorFromThread(o.error) : o.result)),
      );
  }

  private failInFlight(error: Error): void {
    const inFlight = this.inFlight;
    this.inFlight = undefined;
    inFlight?.reject(error);
  }
}
