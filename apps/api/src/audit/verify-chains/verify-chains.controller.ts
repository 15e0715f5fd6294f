import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { VerifyChains } from './verify-chains.query';

@Controller('api/audit')
export class VerifyChainsController {
  constructor(private readonly queries: QueryBus) {}

  /** Every stream's hash chain, walked once through the whole log; the first broken link if any. */
  @Get('verify')
  verify() {
    return this.queries.execute(new VerifyChains());
  }
}
