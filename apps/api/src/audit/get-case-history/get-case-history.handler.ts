import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Settings } from '@casetrail/settings';
import { ResourceNotFound } from '../../http/problem-details';
import { SETTINGS } from '../../infrastructure/tokens';
import { CaseEventLog, inLogOrder } from '../case-event-log';
import { caseHistory } from './case-history';
import { type CaseHistoryPage, GetCaseHistory } from './get-case-history.query';

@QueryHandler(GetCaseHistory)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistory, CaseHistoryPage> {
  constructor(
    private readonly log: CaseEventLog,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async execute({ caseId, filter, paging }: GetCaseHistory): Promise<CaseHistoryPage> {
    const streams = await this.log.read(caseId);
    if (streams.caseEvents.length === 0) throw new ResourceNotFound(`No case ${caseId}`);
    const items = caseHistory(inLogOrder(streams), filter, this.settings.caseRules);
    if (!paging) return { caseId, items, page: 1, pageSize: items.length, total: items.length };
    const { page, pageSize } = paging;
    const slice = items.slice((page - 1) * pageSize, page * pageSize);
    return { caseId, items: slice, page, pageSize, total: items.length };
  }
}
