import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportBuilder } from '../report-builder';
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

@QueryHandler(GetFamilyRegister)
export class GetFamilyRegisterHandler implements IQueryHandler<
  GetFamilyRegister,
  FamilyRegisterAsOf
> {
  constructor(private readonly reports: ReportBuilder) {}

  execute(query: GetFamilyRegister): Promise<FamilyRegisterAsOf> {
    return this.reports.build('families', query);
  }
}
