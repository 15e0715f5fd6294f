import { Query } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
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
