import { Query } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import type { ProgressReport, ReviewProgress } from './progress-report';

export interface ProgressReportPage extends Omit<ProgressReport, 'reviews'> {
  asOf: BusinessDate;
  mode: AsOfMode;
  reviews: { items: ReviewProgress[]; page: number; pageSize: number; total: number };
}

export class GetProgressReport extends Query<ProgressReportPage> {
  constructor(
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
    readonly caseId: string | undefined,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}
