import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReportBuilder } from '../report-builder';
import { type AnnualReportAsOf, GetAnnualReport } from './get-annual-report.query';

@QueryHandler(GetAnnualReport)
export class GetAnnualReportHandler implements IQueryHandler<GetAnnualReport, AnnualReportAsOf> {
  constructor(private readonly reports: ReportBuilder) {}

  execute(query: GetAnnualReport): Promise<AnnualReportAsOf> {
    return this.reports.build('annual', query);
  }
}
