import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportBuilder } from '../report-builder';
import type { RecommendationKind, RecommendationRegister } from './recommendation-register';

export type RecommendationRegisterAsOf = RecommendationRegister & {
  asOf: BusinessDate;
  mode: AsOfMode;
  page: number;
  pageSize: number;
};

export class GetRecommendationRegister extends Query<RecommendationRegisterAsOf> {
  constructor(
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
    readonly kind: RecommendationKind | undefined,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}

@QueryHandler(GetRecommendationRegister)
export class GetRecommendationRegisterHandler implements IQueryHandler<
  GetRecommendationRegister,
  RecommendationRegisterAsOf
> {
  constructor(private readonly reports: ReportBuilder) {}

  execute(query: GetRecommendationRegister): Promise<RecommendationRegisterAsOf> {
    return this.reports.build('recommendations', query);
  }
}
