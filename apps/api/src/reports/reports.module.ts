import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Settings } from '@casetrail/settings';
import { ActionViews } from '../action-plans/queries/action-views';
import { ReadModelConsistency } from '../consistency/read-model-consistency';
import { SETTINGS } from '../infrastructure/tokens';
import { GetAnnualReport } from './annual/get-annual-report.query';
import { GetProgressReportHandler } from './progress/get-progress-report.handler';
import { PortfolioToday } from './progress/portfolio-today';
import { GetDataQualityQueue } from './registers/get-data-quality-queue';
import { GetFamilyRegister } from './registers/get-family-register';
import { GetLearningThemes } from './registers/get-learning-themes';
import { GetProcessRegister } from './registers/get-process-register';
import { GetRecommendationRegister } from './registers/get-recommendation-register';
import { ReportBuilder, reportHandler, ReportsInThread } from './report-builder';
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
    reportHandler(GetAnnualReport, 'annual'),
    reportHandler(GetProcessRegister, 'processes'),
    reportHandler(GetFamilyRegister, 'families'),
    reportHandler(GetDataQualityQueue, 'dataQuality'),
    reportHandler(GetRecommendationRegister, 'recommendations'),
    reportHandler(GetLearningThemes, 'learningThemes'),
  ],
})
export class ReportsModule implements OnApplicationShutdown {
  constructor(@Inject(ReportBuilder) private readonly reports: ReportBuilder) {}

  async onApplicationShutdown(): Promise<void> {
    await this.reports.stop();
  }
}
