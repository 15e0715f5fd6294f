import { Controller, Get, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ReadModelConsistency } from '../../consistency/read-model-consistency';
import { InvalidInput } from '../../http/problem-details';
import { Clock } from '../../infrastructure/clock';
import { GetCaseAsOf } from './get-case-as-of.query';
import { GetCaseDto } from './get-case.dto';
import { GetCase } from './get-case.query';
import { ListCasesDto } from './list-cases.dto';
import { ListCases } from './list-cases.query';

@Controller('api/cases')
export class CasesQueryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadModelConsistency,
    private readonly clock: Clock,
  ) {}

  /** The status board (domain.md §6.1), filtered and paged. */
  @Get()
  async list(@QueryParams() query: ListCasesDto) {
    const { minPosition, waitMs, page, pageSize, ...filters } = query;
    await this.consistency.awaitPosition({ minPosition, waitMs });
    return this.queries.execute(new ListCases(filters, page, pageSize));
  }

  /**
   * One case with its clocks; the ETag is the stream version a command sends back as If-Match.
   * With asOf and/or mode (defaults: today, effective), the case as it stood then, replayed from
   * the log; that answer carries no version ETag, since a past state is no basis for a command.
   */
  @Get(':caseId')
  async get(
    @Param('caseId') caseId: string,
    @QueryParams() { asOf, mode, ...consistency }: GetCaseDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    await this.consistency.awaitPosition(consistency);
    if (asOf !== undefined || mode !== undefined) {
      const today = this.clock.today();
      if (asOf !== undefined && asOf > today)
        throw new InvalidInput([{ field: 'asOf', reason: `must not be after today (${today})` }]);
      return this.queries.execute(new GetCaseAsOf(caseId, asOf ?? today, mode ?? 'effective'));
    }
    const detail = await this.queries.execute(new GetCase(caseId));
    res.header('ETag', `"${detail.version}"`);
    return detail;
  }
}
