import { Worker } from 'node:worker_threads';
import { type EventStore, workerScript } from '@casetrail/event-store';
import {
  activateMissing,
  allProjections,
  Projections,
  type ReadModelStore,
  type RunnerLogger,
} from '@casetrail/projections';
import type {
  FromProjectionWorker,
  ProjectionWorkerData,
  ToProjectionWorker,
} from './projection-worker';

const RESTART_AFTER_MS = 1_000;
const STOP_WITHIN_MS = 10_000;

/**
 * Runs the projections on a worker thread (projection-worker.ts) for the embedded store. Under
 * a stream of commands, applying events and committing the read models took a quarter of the
 * request thread's time; there it delayed the requests queued behind it. Status and positions
 * are read here from the read-model file, as the runner would, and the worker's progress wakes
 * whoever waits for a position. The worker cannot see this thread's appends happen, so each new
 * head of the log is passed on. A worker that dies is started again.
 */
export class ProjectionThread extends Projections {
  private worker: Worker | undefined;
  private rebuilding = new Set<string>();
  private stopping = false;
  private readonly abort = new AbortController();
  private forwarding: Promise<void> | undefined;

  constructor(
    store: EventStore,
    readModels: ReadModelStore,
    private readonly data: ProjectionWorkerData,
    private readonly logger: RunnerLogger,
  ) {
    super(store, readModels, allProjections, () => new Date());
  }

  start(): void {
    // Here, before the first request: the worker starts a moment later.
    activateMissing(this.readModels, allProjections);
    this.spawn();
    this.forwarding = this.forwardAppends();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.forwarding;
    const worker = this.worker;
    if (!worker) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => void worker.terminate(), STOP_WITHIN_MS);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.send({ type: 'stop' });
    });
  }

  protected isRebuilding(name: string): boolean {
    return this.rebuilding.has(name);
  }

  private spawn(): void {
    const worker = new Worker(workerScript(__dirname, 'projection-worker.js'), {
      workerData: this.data,
    });
    worker.on('message', (message: FromProjectionWorker) => {
      if (message.type === 'progress') this.notifyProgress();
      if (message.type === 'rebuilding') this.rebuilding = new Set(message.names);
      if (message.type === 'log') this.logger[message.level](message.message);
    });
    worker.on('error', (error) =>
      this.logger.error(`Projection thread failed: ${error.stack ?? error.message}`),
    );
    worker.on('exit', (code) => {
      this.worker = undefined;
      this.rebuilding.clear();
      if (this.stopping) return;
      this.logger.error(
        `Projection thread ended (exit code ${code}); starting it again in ${RESTART_AFTER_MS} ms`,
      );
      setTimeout(() => {
        if (!this.stopping) this.spawn();
      }, RESTART_AFTER_MS);
    });
    this.worker = worker;
  }

  /** Tells the worker of every new head of the log, once per group commit. */
  private async forwardAppends(): Promise<void> {
    const { signal } = this.abort;
    let head = await this.store.headPosition();
    while (!signal.aborted) {
      await this.store.waitForEvents(head, 60_000, signal);
      const now = await this.store.headPosition();
      if (now > head) {
        head = now;
        this.send({ type: 'appended' });
      }
    }
  }

  private send(message: ToProjectionWorker): void {
    this.worker?.postMessage(message);
  }
}
