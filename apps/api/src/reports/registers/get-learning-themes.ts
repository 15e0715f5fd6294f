import { Query } from '@nestjs/cqrs';
import type { BusinessDate, Theme } from '@casetrail/domain';
import type { AsOfMode } from '../../action-plans/queries/action-views';
import type { LearningThemesRegister } from './learning-themes';

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
