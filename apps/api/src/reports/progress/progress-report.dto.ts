import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ClientId, OptionalCalendarDate } from '../../cases/commands/dto-fields';
import { ConsistencyQuery } from '../../consistency/consistency.query';

/** GET /api/reports/progress: the Executive progress report as effective or as known on a date. */
export class ProgressReportDto extends ConsistencyQuery {
  /** Defaults to today; a future date is refused. */
  @OptionalCalendarDate() asOf?: string;
  /** The date of the last report: each review drawn then says what moved since (§6.4). */
  @OptionalCalendarDate() since?: string;
  @IsOptional() @IsIn(['effective', 'known']) mode?: AsOfMode;
  /** One review only; every section is then drawn from that case alone. */
  @IsOptional() @ClientId() caseId?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize: number = 20;
}
