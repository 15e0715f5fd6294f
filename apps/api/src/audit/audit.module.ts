import { Module } from '@nestjs/common';
import { ReadModelConsistency } from '../consistency/read-model-consistency';
import { CaseEventLog } from './case-event-log';
import { GetCaseHistoryController } from './get-case-history/get-case-history.controller';
import { GetCaseHistoryHandler } from './get-case-history/get-case-history.handler';
import { VerifyChainsController } from './verify-chains/verify-chains.controller';
import { VerifyChainsHandler } from './verify-chains/verify-chains.handler';

/** Auditors' queries: a case's trail from the log, and the hash chains. */
@Module({
  controllers: [GetCaseHistoryController, VerifyChainsController],
  providers: [ReadModelConsistency, CaseEventLog, GetCaseHistoryHandler, VerifyChainsHandler],
  exports: [CaseEventLog],
})
export class AuditModule {}
