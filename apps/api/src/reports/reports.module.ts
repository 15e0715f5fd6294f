import { Module } from '@nestjs/common';
import { ActionViews } from '../action-plans/queries/action-views';
import { ReadModelConsistency } from '../consistency/read-model-consistency';
import { GetAnnualReportHandler } from './annual/get-annual-report.handler';
import { GetProgressReportHandler } from './progress/get-progress-report.handler';
import { PortfolioToday } from './progress/portfolio-today';
import { GetDataQualityQueueHandler } from './registers/get-data-quality-queue';
import { GetFamilyRegisterHandler } from './registers/get-family-register';
import { GetLearningThemesHandler } from './registers/get-learning-themes';
import { GetProcessRegisterHandler } from './registers/get-process-register';
import { GetRecommendationRegisterHandler } from './registers/get-recommendation-register';
import { ReportFacts } from './report-facts';
import { ReportsController } from './reports.controller';

/** The reports, registered as one module so the app module changes by one line. */
@Module({
  controllers: [ReportsController],
  providers: [
    ReadModelConsistency,
    ActionViews,
    ReportFacts,
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
export class ReportsModule {}
