import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BusinessDate, DataQualityProblem } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportFacts } from '../report-facts';
import { buildDataQualityQueue, type DataQualityQueue } from './data-quality-queue';

export type DataQualityQueueAsOf = DataQualityQueue & {
  asOf: BusinessDate;
  mode: AsOfMode;
  page: number;
  pageSize: number;
};

export class GetDataQualityQueue extends Query<DataQualityQueueAsOf> {
  constructor(
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
    readonly filter: { agency?: string; caseId?: string; problem?: DataQualityProblem },
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}

@QueryHandler(GetDataQualityQueue)
export class GetDataQualityQueueHandler implements IQueryHandler<
  GetDataQualityQueue,
  DataQualityQueueAsOf
> {
  constructor(private readonly facts: ReportFacts) {}

  async execute(query: GetDataQualityQueue): Promise<DataQualityQueueAsOf> {
    const { asOf, mode, page, pageSize } = query;
    const { problem, ...filter } = query.filter;
    const { actions, reviews } = this.facts.dataQuality(asOf, mode, filter);
    const queue = buildDataQualityQueue(asOf, actions, reviews, { problem, page, pageSize });
    return { asOf, mode, page, pageSize, ...queue };
  }
}
