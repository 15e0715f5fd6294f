import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ConsistencyQuery } from '../../consistency/consistency.query';
import { OptionalCalendarDate, OptionalShortText } from '../../cases/commands/dto-fields';
import { AUDITED_EVENT_TYPES } from '../event-sentences';

/** `?type=A&type=B` and `?type=A,B` mean the same. */
const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);

/** GET /api/cases/:caseId/history: filters, paging and format; anything else is a 400. */
export class GetCaseHistoryDto extends ConsistencyQuery {
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsIn(AUDITED_EVENT_TYPES, {
    each: true,
    message: 'each type must be a case, action or escalation event type (e.g. DecisionRecorded)',
  })
  type?: string[];

  /** The userId of whoever recorded the event. */
  @OptionalShortText()
  actor?: string;

  @OptionalCalendarDate() from?: string;
  @OptionalCalendarDate() to?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize?: number;

  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
}
