import { Module } from '@nestjs/common';
import { ReadModelConsistency } from '../../consistency/read-model-consistency';
import { CasesQueryController } from './cases-query.controller';
import { GetCaseHandler } from './get-case.handler';
import { ListCasesHandler } from './list-cases.handler';

/** The case queries, registered as one module so the app module changes by one line. */
@Module({
  controllers: [CasesQueryController],
  providers: [ReadModelConsistency, ListCasesHandler, GetCaseHandler],
})
export class CasesQueryModule {}
