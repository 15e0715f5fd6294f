import type { EventStore, StoredEvent } from '@casetrail/event-store';
import type { Projection, ProjectionHandler } from './projection';
import { ProjectionFailed } from './projection-failed';
import { ReadModelStore } from './read-model-store';

export type StepOutcome = 'applied' | 'idle' | 'failed' | 'gone';

/**
 * Feeds one generation of one projection from the global log, a batch at a time. Each batch
 * commits together with its checkpoint, and only if the checkpoint is still where this feeder
 * read it (compare-and-set): a rebuild or a second process can never double-apply a batch.
 */
export class GenerationFeeder {
  private readonly handle: ProjectionHandler;
  private readonly handles: (type: string) => boolean;

  constructor(
    private readonly store: EventStore,
    private readonly readModels: ReadModelStore,
    readonly projection: Projection,
    readonly generation: bigint,
    private readonly batchSize: number,
  ) {
    this.handle = projection.bind(readModels.db, ReadModelStore.tableNames(projection, generation));
    const types = new Set(projection.handles === 'all' ? [] : projection.handles);
    this.handles = projection.handles === 'all' ? () => true : (type) => types.has(type);
  }

  async step(): Promise<StepOutcome> {
    const row = this.readModels.generation(this.projection.name, this.generation);
    if (!row) return 'gone';
    if (row.failure) return 'failed';
    const page = await this.store.readAll({ after: row.position, limit: this.batchSize });
    if (page.length === 0) return 'idle';
    return this.commit(row.position, page);
  }

  /**
   * Applies a page read by someone else (a rebuild feeding several generations from one read),
   * on the same terms: only if this generation's checkpoint is still at `from`.
   */
  commit(from: bigint, page: readonly StoredEvent[]): StepOutcome {
    // Synchronous from start to end: the batch, the checkpoint and any failure in one transaction.
    const { db } = this.readModels;
    let failure: ProjectionFailed | undefined;
    const applyAll = db.transaction((events: readonly StoredEvent[]): boolean => {
      const row = this.readModels.generation(this.projection.name, this.generation);
      if (!row || row.failure || row.position !== from) return false;
      for (const event of events) this.apply(event);
      this.endBatch(events);
      const last = events[events.length - 1];
      return this.readModels.compareAndSetCheckpoint(this.projection.name, this.generation, from, last.position, last.recordedAt);
    });
    try {
      return applyAll.immediate(page) ? 'applied' : 'gone';
    } catch (error) {
      if (!(error instanceof ProjectionFailed)) throw error;
      failure = error;
    }
    // Keep what came before the poison event, and stop at it with the error on record.
    const failedAt = page.indexOf(failure.event);
    db.transaction(() => {
      if (failedAt > 0 && !applyAll(page.slice(0, failedAt))) return;
      this.readModels.recordFailure(this.projection.name, this.generation, {
        position: failure.event.position.toString(),
        eventId: failure.event.eventId,
        eventType: failure.event.type,
        error: failure.message,
        at: new Date().toISOString(),
      });
    }).immediate();
    return 'failed';
  }

  private endBatch(events: readonly StoredEvent[]): void {
    try {
      this.handle.endBatch?.();
    } catch (error) {
      // A projection names the event its deferred work failed on; failing that, stop at the batch's first.
      throw error instanceof ProjectionFailed
        ? error
        : new ProjectionFailed(this.projection.name, events[0], error);
    }
  }

  private apply(event: StoredEvent): void {
    if (!this.handles(event.type)) return;
    try {
      this.handle(event);
    } catch (error) {
      throw new ProjectionFailed(this.projection.name, event, error);
    }
  }
}
