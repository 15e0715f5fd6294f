import {
  MessageChannel,
  type MessagePort,
  receiveMessageOnPort,
  Worker,
} from 'node:worker_threads';
import { StoreUnavailable } from '../errors';
import type { AppendResult } from '../event-store';
import { errorFromThread, type ThreadError } from '../thread-errors';
import { workerScript } from '../worker-script';
import type { AppendRequest } from './sqlite-appender';

/** What the commit worker is given when it starts. */
export interface CommitWorkerData {
  path: string;
  /** Where the worker sends its answers (FromCommitWorker). */
  answers: MessagePort;
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
  worker: Worker;
  resolve(outcomes: Array<AppendResult | Error>): void;
  reject(error: Error): void;
}

/**
 * Commits the store's group commits on a thread of its own, over its own connection to the file
 * (synchronous=FULL, read back as the store's is). A commit waits for its fsync, a millisecond
 * or two and at times ten or more; on the thread that answers requests, nothing else could run
 * meanwhile. The store hands over each batch as it forms; the worker commits together every
 * batch it was given while its last commit waited, and starts on them as soon as that returns,
 * not once this thread has heard back and sent more. Its answers come on a port of their own,
 * which the store also reads whenever it is called (`takeAnswers`): under load, an answer
 * delivered as an event waited behind every request this thread had yet to handle, three times
 * as long as the commit itself.
 *
 * A worker that dies fails the batches it had: whether they were written is unknown, as after
 * a lost connection (StoreUnavailable), and a client's retry with the same event ids is answered
 * from what was stored. The next batch starts another worker.
 */
export class CommitThread {
  private worker: Worker | undefined;
  private answers: MessagePort | undefined;
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly path: string) {
    // Started now, so the first append does not wait for a thread to load.
    this.spawn();
  }

  /** The outcome of each append of the batch, or a rejection if the commit as a whole failed. */
  commit(batch: readonly AppendRequest[]): Promise<Array<AppendResult | Error>> {
    if (this.closed) return Promise.reject(new StoreUnavailable('The commit thread is closed'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.inFlight.set(id, { worker, resolve, reject });
      // Held while batches are under way, so their callers hear back; let go when idle.
      worker.ref();
      this.answers?.ref();
      worker.postMessage({ type: 'commit', id, batch } satisfies ToCommitWorker);
    });
  }

  /** Takes the answers the worker has sent that this thread's event loop has not delivered yet. */
  takeAnswers(): void {
    if (this.answers && this.inFlight.size > 0) this.takeFrom(this.answers);
  }

  private takeFrom(port: MessagePort): void {
    for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) {
      this.answer(m.message as FromCommitWorker);
    }
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
    const answers = new MessageChannel();
    const worker = new Worker(workerScript(__dirname, 'sqlite-commit-worker.js'), {
      workerData: { path: this.path, answers: answers.port2 } satisfies CommitWorkerData,
      transferList: [answers.port2],
    });
    answers.port1.on('message', (message: FromCommitWorker) => this.answer(message));
    // 'error' is followed by 'exit'; the exit fails what was under way.
    worker.on('error', (error) => {
      this.failInFlight(
        worker,
        new StoreUnavailable(`The commit thread failed: ${error.message}`, { cause: error }),
      );
    });
    worker.once('exit', (code) => {
      // Answers it sent before it ended are delivered first.
      this.takeFrom(answers.port1);
      answers.port1.close();
      if (this.worker === worker) [this.worker, this.answers] = [undefined, undefined];
      this.failInFlight(
        worker,
        new StoreUnavailable(
          `The commit thread stopped (exit code ${code}); the outcome of its last commits is unknown`,
        ),
      );
    });
    worker.unref();
    answers.port1.unref();
    [this.worker, this.answers] = [worker, answers.port1];
    return worker;
  }

  private answer(message: FromCommitWorker): void {
    const inFlight = this.inFlight.get(message.id);
    if (!inFlight) return;
    this.inFlight.delete(message.id);
    if (this.inFlight.size === 0) {
      this.worker?.unref();
      this.answers?.unref();
    }
    if (message.type === 'failed') inFlight.reject(errorFromThread(message.error));
    else
      inFlight.resolve(
        message.outcomes.map((o) => ('error' in o ? errorFromThread(o.error) : o.result)),
      );
  }

  /** Fails the batches a worker had (the others were given to its successor). */
  private failInFlight(worker: Worker, error: Error): void {
    for (const [id, inFlight] of this.inFlight) {
      if (inFlight.worker !== worker) continue;
      this.inFlight.delete(id);
      inFlight.reject(error);
    }
  }
}
