import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CASE_STATUSES,
  type CaseStatus,
  REGIMES,
  type Regime,
  THEMES,
  type Theme,
} from '@casetrail/domain';
import {
  CASE_STAGES,
  type CaseStage,
} from '@casetrail/projections/case-status/case-status.projection';
import { ConsistencyQuery } from '../../consistency/consistency.query';

// A query string carries text: 'true'/'false' become booleans, anything else fails @IsBoolean.
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** GET /api/cases filters; unknown parameters and values outside the vocabularies are a 400. */
export class ListCasesDto extends ConsistencyQuery {
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @IsOptional()
  @IsIn(CASE_STATUSES)
  status?: CaseStatus;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  agency?: string;

  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'clockBreached must be true or false' })
  clockBreached?: boolean;

  @IsOptional()
  @IsIn(REGIMES)
  regime?: Regime;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  page: number = 1;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}
