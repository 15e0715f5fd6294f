import { Query } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import type { FamilyRegister } from './family-involvement';

export type FamilyRegisterAsOf = FamilyRegister & { asOf: BusinessDate; mode: AsOfMode };

export class GetFamilyRegister extends Query<FamilyRegisterAsOf> {
  constructor(
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
  ) {
    super();
  }
}
