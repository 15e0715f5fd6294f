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
