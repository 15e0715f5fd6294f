import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { BusinessDate, Theme } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import { ReportFacts } from '../report-facts';
import { buildLearningThemes, type LearningThemesRegister } from './learning-themes';

export type LearningThemesAsOf = LearningThemesRegister & { asOf: BusinessDate; mode: AsOfMode };

export class GetLearningThemes extends Query<LearningThemesAsOf> {
  constructor(
    readonly asOf: BusinessDate,
    readonly mode: AsOfMode,
    readonly theme: Theme | undefined,
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

  async execute({ asOf, mode, theme }: GetLearningThemes): Promise<LearningThemesAsOf> {
    const facts = this.facts.learningRegister(asOf, mode);
    return { asOf, mode, ...buildLearningThemes(facts, theme) };
  }
}
