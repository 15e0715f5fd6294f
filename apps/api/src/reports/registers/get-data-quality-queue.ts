import { Query } from '@nestjs/cqrs';
import type { BusinessDate, DataQualityProblem } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import type { DataQualityQueue } from './data-quality-queue';

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
