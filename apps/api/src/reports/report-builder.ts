import type { Type } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { buildReport, type ReportName, type ReportOf, type ReportQuery } from './report-builds';
import type { ReportFacts } from './report-facts';

/** Builds the reports that read every case's facts (REPORT_BUILDS), wherever that happens. */
export abstract class ReportBuilder {
  abstract build<N extends ReportName>(name: N, query: ReportQuery<N>): Promise<ReportOf<N>>;
  /** Lets go of whatever it runs on; a build asked for afterwards is refused. */
  abstract stop(): Promise<void>;
}

/** Builds each report on the thread that asks for it (CASETRAIL_REPORTS_THREAD=main). */
export class ReportsInThread extends ReportBuilder {
  constructor(private readonly facts: ReportFacts) {
    super();
  }

  async build<N extends ReportName>(name: N, query: ReportQuery<N>): Promise<ReportOf<N>> {
    return buildReport(this.facts, name, query);
  }

  async stop(): Promise<void> {}
}

/**
 * The query handler of a report in REPORT_BUILDS, which hands its query to the ReportBuilder:
 * all each report's handler class had to say.
 */
export function reportHandler<N extends ReportName>(
  query: Type<ReportQuery<N>>,
  name: N,
): Type<IQueryHandler> {
  @QueryHandler(query)
  class BuildsReport {
    constructor(private readonly reports: ReportBuilder) {}

    execute(asked: ReportQuery<N>): Promise<ReportOf<N>> {
      return this.reports.build(name, asked);
    }
  }
  // Named for its query, as Nest's logs and errors name providers.
  Object.defineProperty(BuildsReport, 'name', { value: `${query.name}Handler` });
  return BuildsReport;
}
