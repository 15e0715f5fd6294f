import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import {
  DATA_QUALITY_PROBLEMS,
  type DataQualityProblem,
  type Theme,
  THEMES,
} from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ClientId, OneOf, OptionalCalendarDate } from '../../cases/commands/dto-fields';
import { ConsistencyQuery } from '../../consistency/consistency.query';
import { PROCESS_STATUSES, type ProcessStatus } from './parallel-process-register';
import { RECOMMENDATION_KINDS, type RecommendationKind } from './recommendation-register';

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

/** A register too long for one answer, a page at a time. */
export class PagedRegisterDto extends RegisterDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

/** GET /api/reports/data-quality: one agency, case or problem if asked. */
export class DataQualityQueueDto extends PagedRegisterDto {
  @IsOptional() @IsString() @MaxLength(200) agency?: string;
  @IsOptional() @ClientId() caseId?: string;
  @IsOptional() @OneOf(DATA_QUALITY_PROBLEMS) problem?: DataQualityProblem;
}

/** GET /api/reports/learning-themes: one theme, with every review and spreading, if asked. */
export class LearningThemesDto extends RegisterDto {
  @IsOptional() @OneOf(THEMES) theme?: Theme;
}

/** GET /api/reports/unplanned-and-repeated-recommendations: one kind only, if asked. */
export class RecommendationRegisterDto extends PagedRegisterDto {
  @IsOptional() @OneOf(RECOMMENDATION_KINDS) kind?: RecommendationKind;
}
