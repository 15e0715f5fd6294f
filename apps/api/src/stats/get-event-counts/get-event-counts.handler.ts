import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReadModelStore } from '@casetrail/projections';
import { type EventCount, GetEventCounts } from './get-event-counts.query';

@QueryHandler(GetEventCounts)
export class GetEventCountsHandler implements IQueryHandler<GetEventCounts, EventCount[]> {
  constructor(private readonly readModels: ReadModelStore) {}

  async execute(): Promise<EventCount[]> {
    const rows = this.readModels
      .prepared('SELECT event_type, count FROM event_counts ORDER BY event_type')
      .all() as Array<{ event_type: string; count: bigint }>;
    return rows.map((r) => ({ eventType: r.event_type, count: Number(r.count) }));
  }
}
