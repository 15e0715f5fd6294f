import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportBuilder } from '../report-builder';
import type { ProcessRegister, ProcessStatus } from './parallel-process-register';

export type ProcessRegisterAsOf = ProcessRegister & { asOf: BusinessDate; mode: AsOfMode };

export class GetProcessRegister extends Query<ProcessRegisterAsOf> {
  constructor(
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
    readonly status: ProcessStatus | undefined,
  ) {
    super();
  }
}

@QueryHandler(GetProcessRegister)
export class GetProcessRegisterHandler implements IQueryHandler<
  GetProcessRegister,
  ProcessRegisterAsOf
> {
  constructor(private readonly reports: ReportBuilder) {}

  execute(query: GetProcessRegister): Promise<ProcessRegisterAsOf> {
    return this.reports.build('processes', query);
  }
}
