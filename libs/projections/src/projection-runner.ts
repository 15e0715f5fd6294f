import type { EventStore } from '@casetrail/event-store';
import { GenerationFeeder } from './generation-feeder';
import type { Projection } from './projection';
import { ProjectionFailed } from './projection-failed';
import { type ProjectionFailure, ReadModelStore } from './read-model-store';

export interface RunnerLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface ProjectionRunnerOptions {
  batchSize?: number;
  /** How long a caught-up projection waits for news before looking again. */
  idleWaitMs?: number;
  now?: () => Date;
  logger?: RunnerLogger;
  /** Told of every page applied and every switch to a rebuilt generation (a worker tells its host). */
  onProgress?: () => void;
  /** Told which projections are rebuilding whenever that changes. */
  onRebuilding?: (names: string[]) => void;
}

export interface ProjectionStatus {
  name: string;
  generation: string;
  version: number;
  checkpoint: string;
  eventsBehind: number;
  secondsBehind: number;
  rebuilding: boolean;
  failure: ProjectionFailure | null;
}

export interface RebuildResult {
  name: string;
  generation: string;
  checkpoint: string;
}

const LAG_COUNT_CAP = 1_000_000;
const MAX_BACKOFF_MS = 5_000;

/**
 * What the service asks of its projections, wherever they run: start and stop them, their
 * status, and whether (or when) they have reached a position of the log, for read-your-writes.
 * Status and positions are read from the read-model database, so a host that runs the
 * projections elsewhere (ProjectionThread) answers them from its own connection.
 */
export abstract class Projections {
  private readonly progressListeners = new Set<() => void>();

  constructor(
    protected readonly store: EventStore,
    readonly readModels: ReadModelStore,
    private readonly described: readonly Pick<Projection, 'name' | 'version'>[],
    protected readonly now: () => Date,
  ) {}

  abstract start(): void;
  abstract stop(): Promise<void>;
  protected abstract isRebuilding(name: string): boolean;

  async status(): Promise<ProjectionStatus[]> {
    const statuses: ProjectionStatus[] = [];
    for (const { name, version } of this.described) {
      const row = this.readModels.active(name);
      const checkpoint = row?.position ?? 0n;
      const eventsBehind = await this.store.countAfter(checkpoint, LAG_COUNT_CAP);
      let secondsBehind = 0;
      if (eventsBehind > 0) {
        const [oldestUnseen] = await this.store.readAll({ after: checkpoint, limit: 1 });
        if (oldestUnseen) {
          secondsBehind = Math.max(0, (this.now().getTime() - Date.parse(oldestUnseen.recordedAt)) / 1000);
        }
      }
      statuses.push({
        name,
        generation: String(row?.generation ?? 0n),
        version,
        checkpoint: checkpoint.toString(),
        eventsBehind,
        secondsBehind,
        rebuilding: this.isRebuilding(name),
        failure: row?.failure ?? null,
      });
    }
    return statuses;
  }

  /** True once every projection has processed the log up to `position` (read-your-writes). */
  reached(position: bigint): boolean {
    for (const { name } of this.described) {
      const row = this.readModels.active(name);
      if (!row || row.position < position) return false;
    }
    return true;
  }

  /** Waits, at most `timeoutMs`, until every projection has reached `position`. */
  async waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.reached(position)) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      // Progress wakes us at once; the poll covers a rebuild running in another process.
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.progressListeners.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(left, 50));
        this.progressListeners.add(wake);
      });
    }
    return true;
  }

  protected notifyProgress(): void {
    for (const listener of [...this.progressListeners]) listener();
  }
}

/**
 * Follows the store's global log and keeps every projection's active generation up to date.
 * Projections at the same checkpoint share each page of the log: it is read once and applied in
 * one transaction, each projection in its own savepoint with its own checkpoint, so a failing
 * projection stops alone while the others go on. The in-process event bus plays no part: the
 * log is the only source.
 */
export class ProjectionRunner extends Projections {
  private readonly byName: Map<string, Projection>;
  private readonly batchSize: number;
  private readonly idleWaitMs: number;
  private readonly logger: RunnerLogger;
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];
  private readonly rebuilding = new Set<string>();
  private readonly onProgress: () => void;
  private readonly onRebuilding: (names: string[]) => void;

  constructor(
    store: EventStore,
    readModels: ReadModelStore,
    projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    super(store, readModels, projections, options.now ?? (() => new Date()));
    this.byName = new Map(projections.map((p) => [p.name, p]));
    this.batchSize = options.batchSize ?? 500;
    this.idleWaitMs = options.idleWaitMs ?? 1_000;
    this.logger = options.logger ?? { log: () => undefined, error: () => undefined };
    this.onProgress = options.onProgress ?? (() => undefined);
    this.onRebuilding = options.onRebuilding ?? (() => undefined);
  }

  /** Gives every projection an active generation and starts following the log. */
  start(): void {
    activateMissing(this.readModels, [...this.byName.values()]);
    for (const projection of this.byName.values()) {
      const active = this.readModels.active(projection.name)!;
      if (Number(active.version) !== projection.version) {
        this.logger.log(`Projection ${projection.name} changed (v${active.version} → v${projection.version}): rebuilding`);
        void this.rebuild(projection.name).catch((e: unknown) => this.logger.error(String(e)));
      }
    }
    this.loops.push(this.follow());
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.all(this.loops);
  }

  /**
   * Replays the whole log into fresh tables while the live generation keeps serving, then
   * switches queries over in one transaction and drops the old tables.
   */
  async rebuild(name: string): Promise<RebuildResult> {
    const projection = this.projection(name);
    if (this.rebuilding.has(name)) throw new Error(`Projection ${name} is already rebuilding`);
    this.markRebuilding([name], true);
    const generation = this.readModels.createGeneration(projection);
    try {
      const feeder = new GenerationFeeder(this.store, this.readModels, projection, generation, this.batchSize);
      for (;;) {
        const outcome = await feeder.step();
        if (outcome === 'idle') break;
        if (outcome === 'gone') throw new Error(`Generation ${generation} of ${name} was removed during rebuild`);
        if (outcome === 'failed') {
          const failure = this.readModels.generation(name, generation)?.failure;
          throw new Error(`Rebuild of ${name} failed at position ${failure?.position}: ${failure?.error}`);
        }
      }
      this.readModels.activate(projection, generation);
      this.notifyProgress();
      const row = this.readModels.generation(name, generation)!;
      return { name, generation: generation.toString(), checkpoint: row.position.toString() };
    } catch (error) {
      this.readModels.db.transaction(() => this.readModels.dropGeneration(projection, generation)).immediate();
      throw error;
    } finally {
      this.markRebuilding([name], false);
    }
  }

  /**
   * Rebuilds several projections (all by default) from one pass over the log: each page is read
   * once and applied to every fresh generation, each in its own transaction with its own
   * checkpoint. They switch over together once the log is exhausted.
   */
  async rebuildAll(names: readonly string[] = [...this.byName.keys()]): Promise<RebuildResult[]> {
    const projections = names.map((name) => this.projection(name));
    for (const { name } of projections) if (this.rebuilding.has(name)) throw new Error(`Projection ${name} is already rebuilding`);
    this.markRebuilding(names, true);
    const feeders = projections.map(
      (projection) =>
        new GenerationFeeder(this.store, this.readModels, projection, this.readModels.createGeneration(projection), this.batchSize),
    );
    try {
      for (let after = 0n; ; ) {
        const page = await this.store.readAll({ after, limit: this.batchSize });
        if (page.length === 0) break;
        feeders.forEach((feeder, i) => {
          const outcome = feeder.commit(after, page);
          if (outcome === 'applied') return;
          const failure = this.readModels.generation(projections[i].name, feeder.generation)?.failure;
          throw new Error(`Rebuild of ${projections[i].name} ${outcome}${failure ? ` at position ${failure.position}: ${failure.error}` : ''}`);
        });
        after = page[page.length - 1].position;
      }
      feeders.forEach((feeder, i) => this.readModels.activate(projections[i], feeder.generation));
      this.notifyProgress();
      return feeders.map((feeder, i) => ({
        name: projections[i].name,
        generation: feeder.generation.toString(),
        checkpoint: this.readModels.generation(projections[i].name, feeder.generation)!.position.toString(),
      }));
    } catch (error) {
      this.readModels.db
        .transaction(() => feeders.forEach((feeder, i) => this.readModels.dropGeneration(projections[i], feeder.generation)))
        .immediate();
      throw error;
    } finally {
      this.markRebuilding(names, false);
    }
  }

  /** Clears a recorded failure so the projection tries the event again (after a fix). */
  retry(name: string): boolean {
    this.projection(name);
    return this.readModels.clearFailure(name);
  }

  /**
   * One loop for every projection. Those at the same checkpoint (all of them, normally) form a
   * group fed from one read of the log and one transaction: under a stream of small commands
   * that is one read, one parse and one commit per batch instead of one per projection. One that
   * is behind (retried after a failure, or switched to a rebuilt generation) forms its own group
   * until it has caught up; a failed one is left out until it is retried.
   */
  private async follow(): Promise<void> {
    const feeders = new Map<string, GenerationFeeder>();
    let backoffMs = 100;
    const { signal } = this.abort;
    while (!signal.aborted) {
      try {
        const groups = this.groupsByCheckpoint(feeders);
        if (groups.size === 0) {
          await this.sleep(this.idleWaitMs);
          continue;
        }
        let applied = false;
        for (const [from, group] of groups) {
          const page = await this.store.readAll({ after: from, limit: this.batchSize });
          if (page.length === 0) continue;
          const outcomes = this.readModels.db
            .transaction(() => group.map((feeder) => feeder.commit(from, page)))
            .immediate();
          outcomes.forEach((outcome, i) => {
            if (outcome !== 'failed') return;
            const { projection } = group[i];
            const failure = this.readModels.active(projection.name)?.failure;
            this.logger.error(`Projection ${projection.name} stopped: ${failure?.error}`);
          });
          applied = true;
        }
        if (applied) {
          this.notifyProgress();
          // The SQLite store answers reads at once, so without this a projection catching up
          // ran batch after batch as microtasks and kept every HTTP request waiting.
          await new Promise((resolve) => setImmediate(resolve));
        } else {
          // Every group is at the head.
          const [head] = groups.keys();
          await this.store.waitForEvents(head, this.idleWaitMs, signal);
        }
        backoffMs = 100;
      } catch (error) {
        if (signal.aborted) break;
        const message = error instanceof ProjectionFailed ? error.message : String(error);
        this.logger.error(`Projections could not follow the log, retrying in ${backoffMs} ms: ${message}`);
        await this.sleep(backoffMs);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
      }
    }
  }

  /** The feeders of every active generation that has not failed, by checkpoint. */
  private groupsByCheckpoint(feeders: Map<string, GenerationFeeder>): Map<bigint, GenerationFeeder[]> {
    const groups = new Map<bigint, GenerationFeeder[]>();
    for (const projection of this.byName.values()) {
      const active = this.readModels.active(projection.name);
      if (!active || active.failure) continue;
      let feeder = feeders.get(projection.name);
      if (feeder?.generation !== active.generation) {
        feeder = new GenerationFeeder(this.store, this.readModels, projection, active.generation, this.batchSize);
        feeders.set(projection.name, feeder);
      }
      const group = groups.get(active.position);
      if (group) group.push(feeder);
      else groups.set(active.position, [feeder]);
    }
    return groups;
  }

  private projection(name: string): Projection {
    const projection = this.byName.get(name);
    if (!projection) throw new UnknownProjection(name, [...this.byName.keys()]);
    return projection;
  }

  protected override notifyProgress(): void {
    super.notifyProgress();
    this.onProgress();
  }

  protected isRebuilding(name: string): boolean {
    return this.rebuilding.has(name);
  }

  private markRebuilding(names: readonly string[], rebuilding: boolean): void {
    for (const name of names) {
      if (rebuilding) this.rebuilding.add(name);
      else this.rebuilding.delete(name);
    }
    this.onRebuilding([...this.rebuilding]);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.abort.signal.addEventListener('abort', done);
    });
  }
}

/**
 * Gives each projection without one an empty active generation, so its tables exist (and fill
 * as the log is followed) before any query or command reads them.
 */
export function activateMissing(readModels: ReadModelStore, projections: readonly Projection[]): void {
  for (const projection of projections) {
    if (!readModels.active(projection.name)) readModels.activate(projection, readModels.createGeneration(projection));
  }
}

export class UnknownProjection extends Error {
  readonly code = 'UNKNOWN_PROJECTION';
  constructor(name: string, known: string[]) {
    super(`No projection named ${name}; known: ${known.join(', ')}`);
    this.name = 'UnknownProjection';
  }
}
