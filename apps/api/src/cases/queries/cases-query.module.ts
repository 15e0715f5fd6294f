import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ReadModelConsistency } from '../../consistency/read-model-consistency';
import { CasesQueryController } from './cases-query.controller';
import { GetCaseAsOfHandler } from './get-case-as-of.handler';
import { GetCaseHandler } from './get-case.handler';
import { ListCasesHandler } from './list-cases.handler';

/** The case queries, registered as one module so the app module changes by one line. */
@Module({
  imports: [AuditModule],
  controllers: [CasesQueryController],
  providers: [ReadModelConsistency, ListCasesHandler, GetCaseHandler, GetCaseAsOfHandler],
})
export class CasesQueryModule {}
