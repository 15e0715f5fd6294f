import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BusinessDate } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportFacts } from '../report-facts';
import { buildLearningThemes, type LearningThemesRegister } from './learning-themes';

export type LearningThemesAsOf = LearningThemesRegister & { asOf: BusinessDate; mode: AsOfMode };

export class GetLearningThemes extends Query<LearningThemesAsOf> {
  constructor(
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
  ) {
    super();
  }
}

@QueryHandler(GetLearningThemes)
export class GetLearningThemesHandler implements IQueryHandler<
  GetLearningThemes,
  LearningThemesAsOf
> {
  constructor(private readonly facts: ReportFacts) {}

  async execute({ asOf, mode }: GetLearningThemes): Promise<LearningThemesAsOf> {
    return { asOf, mode, ...buildLearningThemes(this.facts.learningRegister(asOf, mode)) };
  }
}
