import { Controller, Get, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { CaseIdPipe } from '../../cases/case-id.pipe';
import { ReadModelConsistency } from '../../consistency/read-model-consistency';
import { InvalidInput } from '../../http/problem-details';
import { historyCsv } from './case-history';
import { GetCaseHistoryDto } from './get-case-history.dto';
import { GetCaseHistory } from './get-case-history.query';

const DEFAULT_PAGE_SIZE = 100;

/** Auditors' trail of one case (domain.md §6.3), as JSON pages or a CSV download. */
@Controller('api/cases')
export class GetCaseHistoryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadModelConsistency,
  ) {}

  /**
   * JSON is paged (100 a page unless asked). CSV is the export: every matching entry, unless
   * page or pageSize is given.
   */
  @Get(':caseId/history')
  async history(
    @Param('caseId', CaseIdPipe) caseId: string,
    @QueryParams() query: GetCaseHistoryDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { minPosition, waitMs, type, actor, from, to, page, pageSize, format } = query;
    if (from && to && from > to)
      throw new InvalidInput([{ field: 'to', reason: `must not be before from (${from})` }]);
    await this.consistency.awaitPosition({ minPosition, waitMs });
    const csv = format === 'csv';
    const paging =
      csv && page === undefined && pageSize === undefined
        ? undefined
        : { page: page ?? 1, pageSize: pageSize ?? DEFAULT_PAGE_SIZE };
    const result = await this.queries.execute(
      new GetCaseHistory(caseId, { types: type, actor, from, to }, paging),
    );
    if (!csv) return result;
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', `attachment; filename="case-${caseId}-history.csv"`);
    res.header('X-Total-Count', String(result.total));
    return historyCsv(result.items);
  }
}
