import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportFacts } from '../report-facts';
import { GetProgressReport, type ProgressReportPage } from './get-progress-report.query';
import { movementSince } from './movement';
import { PortfolioToday } from './portfolio-today';
import {
  buildProgressReport,
  drawReviews,
  ProgressPortfolio,
  type ProgressReport,
  type ReviewPage,
  type ReviewProgress,
} from './progress-report';

/** Facts are read this many cases at a time: at national scale, every action at once took 1.3 GB. */
const CASES_AT_ONCE = 200;

@QueryHandler(GetProgressReport)
export class GetProgressReportHandler implements IQueryHandler<
  GetProgressReport,
  ProgressReportPage
> {
  constructor(
    private readonly facts: ReportFacts,
    private readonly today: PortfolioToday,
  ) {}

  async execute({
    asOf,
    mode,
    caseId,
    page,
    pageSize,
    since,
  }: GetProgressReport): Promise<ProgressReportPage> {
    const report =
      caseId === undefined
        ? this.portfolio(asOf, mode, page, pageSize)
        : this.oneReview(asOf, mode, caseId, { page, pageSize });
    const { summary, reviews, byAgency, byTheme, byMonitoringBody } = report;
    const items = since === undefined ? reviews : this.withMovement(reviews, since, mode);
    return {
      asOf,
      mode,
      ...(since !== undefined && { since }),
      summary,
      reviews: { items, page, pageSize, total: summary.reviews },
      byAgency,
      byTheme,
      byMonitoringBody,
    };
  }

  /**
   * Every review: from the totals kept by the portfolio projection when the date is after the
   * last fact (today, usually), else counted from every case's facts as they stood then.
   */
  private portfolio(asOf: BusinessDate, mode: AsOfMode, page: number, pageSize: number) {
    const drawn = (caseIds: string[]) => this.facts.forProgress(asOf, mode, caseIds);
    const today = this.today.read(asOf, page, pageSize);
    if (today) return today.totals.report(today.ranking, drawReviews(today.ranking.pageIds, drawn));
    const cases = this.facts.progressCases();
    // Numbers of recommendations repeat across reviews ("1", "2"…): each review lists its own.
    const portfolio = new ProgressPortfolio({ numbered: false });
    for (let i = 0; i < cases.length; i += CASES_AT_ONCE) {
      portfolio.add(this.facts.forProgressTotals(asOf, mode, cases.slice(i, i + CASES_AT_ONCE)));
    }
    return portfolio.report({ page, pageSize }, drawn);
  }

  /** The reviews drawn, each with what moved since the earlier date: they are drawn then too. */
  private withMovement(reviews: ReviewProgress[], since: BusinessDate, mode: AsOfMode) {
    const then = drawReviews(
      reviews.map((r) => r.caseId),
      (caseIds) => this.facts.forProgress(since, mode, caseIds),
    );
    const byId = new Map(then.map((r) => [r.caseId, r]));
    return reviews.map((r) => ({ ...r, movement: movementSince(since, r, byId.get(r.caseId)) }));
  }

  /** One review: its facts are read once, for its totals and to draw it. */
  private oneReview(
    asOf: BusinessDate,
    mode: AsOfMode,
    caseId: string,
    reviewPage: ReviewPage,
  ): ProgressReport {
    return buildProgressReport(this.facts.forProgress(asOf, mode, [caseId]), reviewPage);
  }
}
