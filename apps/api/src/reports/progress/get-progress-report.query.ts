import { Query } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import type { ReviewMovement } from './movement';
import type { ProgressReport, ReviewProgress } from './progress-report';

export interface ProgressReportPage extends Omit<ProgressReport, 'reviews'> {
  asOf: BusinessDate;
  mode: AsOfMode;
  since?: BusinessDate;
  reviews: {
    items: (ReviewProgress & { movement?: ReviewMovement })[];
    page: number;
    pageSize: number;
    total: number;
  };
}

export class GetProgressReport extends Query<ProgressReportPage> {
  constructor(
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
    readonly caseId: string | undefined,
    readonly page: number,
    readonly pageSize: number,
    /** Each review drawn also says what moved since this date. */
    readonly since?: BusinessDate,
  ) {
    super();
  }
}
