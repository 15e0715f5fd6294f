import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReportFacts } from '../report-facts';
import { GetProgressReport, type ProgressReportPage } from './get-progress-report.query';
import { buildProgressReport } from './progress-report';

@QueryHandler(GetProgressReport)
export class GetProgressReportHandler implements IQueryHandler<
  GetProgressReport,
  ProgressReportPage
> {
  constructor(private readonly facts: ReportFacts) {}

  async execute({
    asOf,
    mode,
    caseId,
    page,
    pageSize,
  }: GetProgressReport): Promise<ProgressReportPage> {
    const { summary, reviews, byAgency, byTheme, byMonitoringBody } = buildProgressReport(
      this.facts.forProgress(asOf, mode, caseId),
      { page, pageSize },
    );
    return {
      asOf,
      mode,
      summary,
      reviews: { items: reviews, page, pageSize, total: summary.reviews },
      byAgency,
      byTheme,
      byMonitoringBody,
    };
  }
}
