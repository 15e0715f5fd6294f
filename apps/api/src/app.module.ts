import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Settings } from '@casetrail/settings';
import { ActionPlanCommandsController } from './action-plans/action-plan-commands.controller';
import { ActionPlanFacts } from './action-plans/action-plan-facts';
import { AutoEscalator } from './action-plans/auto-escalator';
import { ActionQueriesController } from './action-plans/queries/action-queries.controller';
import { ActionViews } from './action-plans/queries/action-views';
import { AuditModule } from './audit/audit.module';
import { AuthenticationGuard } from './auth/authentication.guard';
import { BenchBaselineController } from './bench/bench-baseline.controller';
import { ExecuteOnStreamHandler } from './commands/execute-on-stream';
import { ReadModelConsistency } from './consistency/read-model-consistency';
import { CaseCommandsController } from './cases/commands/case-commands.controller';
import { CasesQueryModule } from './cases/queries/cases-query.module';
import { HealthController } from './health/health.controller';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import {
  InfrastructureModule,
  type InfrastructureOverrides,
} from './infrastructure/infrastructure.module';
import { ReportsModule } from './reports/reports.module';
import { GetEventCountsController } from './stats/get-event-counts/get-event-counts.controller';
import { GetEventCountsHandler } from './stats/get-event-counts/get-event-counts.handler';

@Module({})
export class AppModule {
  static forSettings(settings: Settings, overrides: InfrastructureOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        InfrastructureModule.forSettings(settings, overrides),
        CasesQueryModule,
        ReportsModule,
        AuditModule,
      ],
      controllers: [
        HealthController,
        GetEventCountsController,
        CaseCommandsController,
        ActionPlanCommandsController,
        ActionQueriesController,
        ...(settings.benchEndpoints ? [BenchBaselineController] : []),
      ],
      providers: [
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        ReadModelConsistency,
        GetEventCountsHandler,
        ExecuteOnStreamHandler,
        ActionPlanFacts,
        ActionViews,
        AutoEscalator,
      ],
    };
  }
}
