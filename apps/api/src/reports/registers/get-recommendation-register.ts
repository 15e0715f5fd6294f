import { Query } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
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
