import { IsIn, IsOptional } from 'class-validator';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ConsistencyQuery } from '../../consistency/consistency.query';
import { OptionalCalendarDate } from '../commands/dto-fields';

/** GET /api/cases/:caseId: with asOf or mode, the case as it stood, replayed from the log. */
export class GetCaseDto extends ConsistencyQuery {
  @OptionalCalendarDate() asOf?: string;
  @IsOptional() @IsIn(['effective', 'known']) mode?: AsOfMode;
}
