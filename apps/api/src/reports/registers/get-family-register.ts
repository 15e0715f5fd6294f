import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type BusinessDate, FAMILY_INVOLVEMENT } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportFacts } from '../report-facts';
import { buildFamilyRegister, type FamilyRegister } from './family-involvement';

export type FamilyRegisterAsOf = FamilyRegister & { asOf: BusinessDate; mode: AsOfMode };

export class GetFamilyRegister extends Query<FamilyRegisterAsOf> {
  constructor(
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
  ) {
    super();
  }
}

@QueryHandler(GetFamilyRegister)
export class GetFamilyRegisterHandler implements IQueryHandler<
  GetFamilyRegister,
  FamilyRegisterAsOf
> {
  constructor(private readonly facts: ReportFacts) {}

  async execute({ asOf, mode }: GetFamilyRegister): Promise<FamilyRegisterAsOf> {
    const { reviews, records } = this.facts.familyRegister(asOf, mode);
    return { asOf, mode, ...buildFamilyRegister(asOf, reviews, records, FAMILY_INVOLVEMENT) };
  }
}
