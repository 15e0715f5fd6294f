import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ConsistencyQuery } from '../../consistency/consistency.query';
import { ReadModelConsistency } from '../../consistency/read-model-consistency';
import { GetEventCounts } from './get-event-counts.query';

@Controller('api/stats')
export class GetEventCountsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadModelConsistency,
  ) {}

  /** How many events of each type the log holds, from the event_counts read model. */
  @Get('event-counts')
  async eventCounts(@QueryParams() consistency: ConsistencyQuery) {
    await this.consistency.awaitPosition(consistency);
    return { counts: await this.queries.execute(new GetEventCounts()) };
  }
}
