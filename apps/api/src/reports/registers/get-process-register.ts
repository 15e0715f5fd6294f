import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportFacts } from '../report-facts';
import {
  buildProcessRegister,
  type ProcessRegister,
  type ProcessStatus,
} from './parallel-process-register';

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
  constructor(private readonly facts: ReportFacts) {}

  async execute({ asOf, mode, status }: GetProcessRegister): Promise<ProcessRegisterAsOf> {
    const { processes, pauses } = this.facts.processRegister(asOf, mode);
    return { asOf, mode, ...buildProcessRegister(asOf, processes, pauses, status) };
  }
}
