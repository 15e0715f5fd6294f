import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportFacts } from '../report-facts';
import {
  buildRecommendationRegister,
  type RecommendationKind,
  type RecommendationRegister,
} from './recommendation-register';

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
  constructor(private readonly facts: ReportFacts) {}

  async execute(query: GetRecommendationRegister): Promise<RecommendationRegisterAsOf> {
    const { asOf, mode, kind, page, pageSize } = query;
    const { recommendations, actions } = this.facts.recommendationRegister(asOf, mode);
    const register = buildRecommendationRegister(asOf, recommendations, actions, {
      kind,
      page,
      pageSize,
    });
    return { asOf, mode, page, pageSize, ...register };
  }
}
