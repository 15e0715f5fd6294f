import { Query } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import type { AnnualReport, Period } from './annual-report';

export type AnnualReportAsOf = AnnualReport & { asOf: BusinessDate; mode: AsOfMode };

export class GetAnnualReport extends Query<AnnualReportAsOf> {
  constructor(
    readonly period: Period,
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
  ) {
    super();
  }
}
