import { Query } from '@nestjs/cqrs';
import type { HistoryFilter, HistoryItem } from './case-history';

export interface CaseHistoryPage {
  caseId: string;
  items: HistoryItem[];
  page: number;
  pageSize: number;
  total: number;
}

/** Without paging, every matching entry (the CSV export). */
export class GetCaseHistory extends Query<CaseHistoryPage> {
  constructor(
    readonly caseId: string,
    readonly filter: HistoryFilter,
    readonly paging?: { page: number; pageSize: number },
  ) {
    super();
  }
}
