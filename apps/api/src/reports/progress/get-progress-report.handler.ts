import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReportFacts } from '../report-facts';
import { GetProgressReport, type ProgressReportPage } from './get-progress-report.query';
import { ProgressPortfolio } from './progress-report';

/** Facts are read this many cases at a time: at national scale, every action at once took 1.3 GB. */
const CASES_AT_ONCE = 200;

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
    const cases = caseId === undefined ? this.facts.progressCases() : [caseId];
    const portfolio = new ProgressPortfolio();
    for (let i = 0; i < cases.length; i += CASES_AT_ONCE) {
      portfolio.add(this.facts.forProgressTotals(asOf, mode, cases.slice(i, i + CASES_AT_ONCE)));
    }
    const { summary, reviews, byAgency, byTheme, byMonitoringBody } = portfolio.report(
      { page, pageSize },
      (pageCases) => this.facts.forProgress(asOf, mode, pageCases),
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
