import { Query } from '@nestjs/cqrs';
import type { CaseStatus, Regime, Theme } from '@casetrail/domain';
import type { CaseStage } from '@casetrail/projections/case-status/case-status.projection';
import type { CaseSummary } from './case-views';

export interface CaseFilters {
  stage?: CaseStage;
  status?: CaseStatus;
  agency?: string;
  theme?: Theme;
  clockBreached?: boolean;
  regime?: Regime;
}

export interface CasePage {
  items: CaseSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export class ListCases extends Query<CasePage> {
  constructor(
    readonly filters: CaseFilters,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}
