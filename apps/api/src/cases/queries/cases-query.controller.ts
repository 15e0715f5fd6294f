import { Controller, Get, Param, Query as QueryParams, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ConsistencyQuery } from '../../consistency/consistency.query';
import { ReadModelConsistency } from '../../consistency/read-model-consistency';
import { GetCase } from './get-case.query';
import { ListCasesDto } from './list-cases.dto';
import { ListCases } from './list-cases.query';

@Controller('api/cases')
export class CasesQueryController {
  constructor(
    private readonly queries: QueryBus,
    private readonly consistency: ReadModelConsistency,
  ) {}

  /** The status board (domain.md §6.1), filtered and paged. */
  @Get()
  async list(@QueryParams() query: ListCasesDto) {
    const { minPosition, waitMs, page, pageSize, ...filters } = query;
    await this.consistency.awaitPosition({ minPosition, waitMs });
    return this.queries.execute(new ListCases(filters, page, pageSize));
  }

  /** One case with its clocks; the ETag is the stream version a command sends back as If-Match. */
  @Get(':caseId')
  async get(
    @Param('caseId') caseId: string,
    @QueryParams() consistency: ConsistencyQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.consistency.awaitPosition(consistency);
    const detail = await this.queries.execute(new GetCase(caseId));
    res.setHeader('ETag', `"${detail.version}"`);
    return detail;
  }
}
