import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Settings } from '@casetrail/settings';
import { ActionViews } from '../action-plans/queries/action-views';
import { ReadModelConsistency } from '../consistency/read-model-consistency';
import { SETTINGS } from '../infrastructure/tokens';
import { GetAnnualReportHandler } from './annual/get-annual-report.handler';
import { GetProgressReportHandler } from './progress/get-progress-report.handler';
import { PortfolioToday } from './progress/portfolio-today';
import { GetDataQualityQueueHandler } from './registers/get-data-quality-queue';
import { GetFamilyRegisterHandler } from './registers/get-family-register';
import { GetLearningThemesHandler } from './registers/get-learning-themes';
import { GetProcessRegisterHandler } from './registers/get-process-register';
import { GetRecommendationRegisterHandler } from './registers/get-recommendation-register';
import { ReportBuilder, ReportsInThread } from './report-builder';
import { ReportFacts } from './report-facts';
import { ReportThread } from './report-thread';
import { ReportsController } from './reports.controller';

/** The reports, registered as one module so the app module changes by one line. */
@Module({
  controllers: [ReportsController],
  providers: [
    ReadModelConsistency,
    ActionViews,
    ReportFacts,
    {
      provide: ReportBuilder,
      inject: [SETTINGS, ReportFacts],
      useFactory: (settings: Settings, facts: ReportFacts): ReportBuilder =>
        settings.reportsThread === 'worker'
          ? new ReportThread({ readModelsPath: settings.readModelsPath })
          : new ReportsInThread(facts),
    },
    PortfolioToday,
    GetProgressReportHandler,
    GetAnnualReportHandler,
    GetProcessRegisterHandler,
    GetFamilyRegisterHandler,
    GetDataQualityQueueHandler,
    GetRecommendationRegisterHandler,
    GetLearningThemesHandler,
  ],
})
export class ReportsModule implements OnApplicationShutdown {
  constructor(@Inject(ReportBuilder) private readonly reports: ReportBuilder) {}

  async onApplicationShutdown(): Promise<void> {
    await this.reports.stop();
  }
}
