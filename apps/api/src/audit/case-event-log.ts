import { Inject, Injectable } from '@nestjs/common';
import { EventStore, type StoredEvent } from '@casetrail/event-store';
import { ReadModelStore } from '@casetrail/projections';

/** A case's own stream and the streams of its actions and escalations, as the log holds them. */
export interface CaseStreams {
  caseEvents: StoredEvent[];
  actions: StoredEvent[][];
  escalations: StoredEvent[][];
}

/**
 * Reads everything recorded about one case from the event store. The action_plans read model
 * is used only as an index (which action and escalation streams belong to the case); the facts
 * themselves always come from the log, so an audit answer cannot drift from what was appended.
 */
@Injectable()
export class CaseEventLog {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ReadModelStore) private readonly readModels: ReadModelStore,
  ) {}

  async read(caseId: string): Promise<CaseStreams> {
    const db = this.readModels;
    const actionIds = db
      .prepared('SELECT action_id AS id FROM actions WHERE case_id = ? ORDER BY action_id')
      .all(caseId) as { id: string }[];
    const escalationIds = db
      .prepared(
        'SELECT escalation_id AS id FROM escalations WHERE case_id = ? ORDER BY escalation_id',
      )
      .all(caseId) as { id: string }[];
    const streams = (category: string, ids: { id: string }[]) =>
      Promise.all(ids.map(({ id }) => this.store.readStream(`${category}-${id}`)));
    const [caseEvents, actions, escalations] = await Promise.all([
      this.store.readStream(`case-${caseId}`),
      streams('action', actionIds),
      streams('escalation', escalationIds),
    ]);
    return { caseEvents, actions, escalations };
  }
}

/** Every event of the case's streams in global log order. */
export function inLogOrder({ caseEvents, actions, escalations }: CaseStreams): StoredEvent[] {
  return [caseEvents, ...actions, ...escalations]
    .flat()
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
}
