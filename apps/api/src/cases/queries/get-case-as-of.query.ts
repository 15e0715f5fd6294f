import { Query } from '@nestjs/cqrs';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import type { CaseAsOfDetail } from './case-as-of';

export class GetCaseAsOf extends Query<CaseAsOfDetail> {
  constructor(
    readonly caseId: string,
    readonly asOf: string,
    readonly mode: AsOfMode,
  ) {
    super();
  }
}
