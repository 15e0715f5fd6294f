import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReportFacts } from '../report-facts';
import { buildAnnualReport } from './annual-report';
import { type AnnualReportAsOf, GetAnnualReport } from './get-annual-report.query';

@QueryHandler(GetAnnualReport)
export class GetAnnualReportHandler implements IQueryHandler<GetAnnualReport, AnnualReportAsOf> {
  constructor(private readonly facts: ReportFacts) {}

  async execute({ period, asOf, mode }: GetAnnualReport): Promise<AnnualReportAsOf> {
    return { asOf, mode, ...buildAnnualReport(period, this.facts.asOf(asOf, mode)) };
  }
}
