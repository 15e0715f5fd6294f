import { IsIn, IsOptional } from 'class-validator';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { OneOf, OptionalCalendarDate } from '../../cases/commands/dto-fields';
import { ConsistencyQuery } from '../../consistency/consistency.query';
import { PROCESS_STATUSES, type ProcessStatus } from './parallel-process-register';

/** A register (§6.7) as effective or as known on a date. */
export class RegisterDto extends ConsistencyQuery {
  /** Defaults to today; a future date is refused. */
  @OptionalCalendarDate() asOf?: string;
  @IsOptional() @IsIn(['effective', 'known']) mode?: AsOfMode;
}

/** GET /api/reports/parallel-processes: open or concluded ones only, if asked. */
export class ProcessRegisterDto extends RegisterDto {
  @IsOptional() @OneOf(PROCESS_STATUSES) status?: ProcessStatus;
}
