import { IsIn, IsOptional } from 'class-validator';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { CalendarDate, OptionalCalendarDate } from '../../cases/commands/dto-fields';
import { ConsistencyQuery } from '../../consistency/consistency.query';

/**
 * GET /api/reports/annual: the statistics of a period (from ≤ to ≤ today), drawn as effective
 * or as known on `asOf` (default today; not before the period ends).
 */
export class AnnualReportDto extends ConsistencyQuery {
  @CalendarDate() from!: string;
  @CalendarDate() to!: string;
  @OptionalCalendarDate() asOf?: string;
  @IsOptional() @IsIn(['effective', 'known']) mode?: AsOfMode;
}
