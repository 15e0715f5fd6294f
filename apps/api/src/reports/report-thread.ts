import { Worker } from 'node:worker_threads';
import { ReportsBusy } from '../http/problem-details';
import { workerScript } from '../infrastructure/worker-script';
import { ReportBuilder } from './report-builder';
import type { ReportName, ReportOf, ReportQuery } from './report-builds';
import type { FromReportWorker, ReportWorkerData, ToReportWorker } from './report-worker';

/** Distinct builds that may wait their turn; past that, a request is refused at once (503). */
const MAX_WAITING = 16;

interface Build {
  id: number;
  name: ReportName;
  query: unknown;
  /** The report and its query: a build waiting for its turn answers every request for it. */
  key: string;
  askers: Array<{ resolve(report: unknown): void; reject(error: Error): void }>;
}

export interface ReportThreadOptions {
  /** Starts the worker; tests give one of their own. */
  spawn?: () => Worker;
  maxWaiting?: number;
}

/**
 * Builds the reports of REPORT_BUILDS on a thread of their own (report-worker.ts), one at a time.
 * At a million events the annual report reads and counts for four seconds, and each register
 * for half a second or more; on the thread that answers requests, every other request (a
 * manager's overdue list, a command) waited behind them. Here that thread only waits for the
 * answer.
 *
 * A request for a report identical to one still waiting its turn shares that build, so many
 * people opening the same register cost one build. One already being built is not shared: it may
 * have read the read models before the asker's own command reached them. A worker that ends
 * fails the build it was on; the next build starts another.
 */
export class ReportThread extends ReportBuilder {
  private worker: Worker | undefined;
  private readonly waiting: Build[] = [];
  private running: Build | undefined;
  private nextId = 1;
  private stopped = false;

  constructor(
    private readonly data: ReportWorkerData,
    private readonly options: ReportThreadOptions = {},
  ) {
    super();
  }

  build<N extends ReportName>(name: N, query: ReportQuery<N>): Promise<ReportOf<N>> {
    if (this.stopped) return Promise.reject(new Error('The report thread has stopped'));
    return new Promise((resolve, reject) => {
      const asker = { resolve: resolve as (report: unknown) => void, reject };
      const key = `${name} ${JSON.stringify(query)}`;
      const same = this.waiting.find((build) => build.key === key);
      if (same) {
        same.askers.push(asker);
        return;
      }
      if (this.waiting.length >= (this.options.maxWaiting ?? MAX_WAITING)) {
        reject(new ReportsBusy(this.waiting.length));
        return;
      }
      this.waiting.push({ id: this.nextId++, name, query, key, askers: [asker] });
      this.startNext();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const build of this.waiting.splice(0))
      fail(build, new Error('The report thread has stopped'));
    // Its exit fails the build it was on.
    await this.worker?.terminate();
  }

  private startNext(): void {
    if (this.running || this.stopped) return;
    const build = this.waiting.shift();
    if (!build) return;
    this.running = build;
    const message: ToReportWorker = { id: build.id, name: build.name, query: build.query };
    (this.worker ?? this.spawn()).postMessage(message);
  }

  private spawn(): Worker {
    const worker =
      this.options.spawn?.() ??
      new Worker(workerScript(__dirname, 'report-worker.js'), { workerData: this.data });
    let failure: Error | undefined;
    worker.on('message', (message: FromReportWorker) => {
      const build = this.running;
      if (build?.id !== message.id) return;
      this.running = undefined;
      if ('error' in message) fail(build, Object.assign(new Error(), message.error));
      else for (const asker of build.askers) asker.resolve(message.report);
      this.startNext();
    });
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      const build = this.running;
      this.running = undefined;
      if (build) {
        const why = failure?.message ?? `exit code ${code}`;
        fail(build, new Error(`The report thread ended while building ${build.name}: ${why}`));
      }
      this.startNext();
    });
    this.worker = worker;
    return worker;
  }
}

function fail(build: Build, error: Error): void {
  for (const asker of build.askers) asker.reject(error);
}
