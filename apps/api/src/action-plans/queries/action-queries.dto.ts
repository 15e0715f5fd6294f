import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  DERIVED_ACTION_STATUSES,
  type DerivedActionStatus,
  MONITORING_BODIES,
  type MonitoringBody,
} from '@casetrail/domain';
import { ConsistencyQuery } from '../../consistency/consistency.query';
import { OptionalCalendarDate } from '../../cases/commands/dto-fields';

class ActionFilters extends ConsistencyQuery {
  @IsOptional() @IsString() @MaxLength(64) caseId?: string;
  @IsOptional() @IsString() @MaxLength(200) agency?: string;
  /** Matches any part of the lead's verbatim text, ignoring case. */
  @IsOptional() @IsString() @MaxLength(200) lead?: string;
  @IsOptional() @IsIn(MONITORING_BODIES) monitoringBody?: MonitoringBody;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

/** GET /api/actions/overdue: what was overdue on a business date, as effective or as then known. */
export class OverdueActionsDto extends ActionFilters {
  @OptionalCalendarDate() asOf?: string;
  @IsOptional() @IsIn(['effective', 'known']) mode?: 'effective' | 'known';
  @IsOptional() @IsIn(['daysOverdue', '-daysOverdue']) sort?: 'daysOverdue' | '-daysOverdue';
}

/** GET /api/actions: every planned action with its derived status today, or as of a date. */
export class ListActionsDto extends ActionFilters {
  @OptionalCalendarDate() asOf?: string;
  @IsOptional() @IsIn(['effective', 'known']) mode?: 'effective' | 'known';
  @IsOptional() @IsIn(DERIVED_ACTION_STATUSES) status?: DerivedActionStatus;
  @IsOptional() @IsIn(['RED', 'AMBER', 'GREEN', 'BLUE', 'GREY']) rag?: string;
  @OptionalCalendarDate() dueBefore?: string;
  @OptionalCalendarDate() dueAfter?: string;
}
