import { Worker } from 'node:worker_threads';
import { errorFromThread, workerScript } from '@casetrail/event-store';
import { ReportsBusy } from '../http/problem-details';
import { ReportBuilder } from './report-builder';
import type { ReportName, ReportOf, ReportQuery } from './report-builds';
import type { FromReportWorker, ReportWorkerData, ToReportWorker } from './report-worker';

/** Distinct builds that may wait their turn; past that, a request is refused at once (503). */
const MAX_WAITING = 16;
/**
 * How long an idle worker is kept. Ending it gives back the memory its last build held (a few
 * hundred MB after an annual report at 1M events); the next build starts another in a few
 * hundred milliseconds.
 */
const IDLE_MS = 30_000;

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
  idleMs?: number;
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
 * fails the build it was on; the next build starts another, as it does after an idle worker is
 * ended.
 */
export class ReportThread extends ReportBuilder {
  private worker: Worker | undefined;
  private readonly waiting: Build[] = [];
  private running: { build: Build; on: Worker } | undefined;
  private nextId = 1;
  private stopped = false;
  private idle: NodeJS.Timeout | undefined;

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
    clearTimeout(this.idle);
    for (const build of this.waiting.splice(0))
      fail(build, new Error('The report thread has stopped'));
    // Its exit fails the build it was on.
    await this.worker?.terminate();
  }

  private startNext(): void {
    if (this.running || this.stopped) return;
    clearTimeout(this.idle);
    const build = this.waiting.shift();
    if (!build) {
      this.idle = setTimeout(() => this.endIdleWorker(), this.options.idleMs ?? IDLE_MS).unref();
      return;
    }
    const worker = this.worker ?? this.spawn();
    this.running = { build, on: worker };
    const message: ToReportWorker = { id: build.id, name: build.name, query: build.query };
    worker.postMessage(message);
  }

  private endIdleWorker(): void {
    const worker = this.worker;
    // Forgotten first: a build asked for while it ends starts another.
    this.worker = undefined;
    void worker?.terminate();
  }

  private spawn(): Worker {
    const worker =
      this.options.spawn?.() ??
      new Worker(workerScript(__dirname, 'report-worker.js'), { workerData: this.data });
    let failure: Error | undefined;
    worker.on('message', (message: FromReportWorker) => {
      const build = this.running?.build;
      if (build?.id !== message.id) return;
      this.running = undefined;
      if ('error' in message) fail(build, errorFromThread(message.error));
      else for (const asker of build.askers) asker.resolve(message.report);
      this.startNext();
    });
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = undefined;
      if (this.running?.on !== worker) return;
      const { build } = this.running;
      this.running = undefined;
      const why = failure?.message ?? `exit code ${code}`;
      fail(build, new Error(`The report thread ended while building ${build.name}: ${why}`));
      this.startNext();
    });
    this.worker = worker;
    return worker;
  }
}

function fail(build: Build, error: Error): void {
  for (const asker of build.askers) asker.reject(error);
}
