import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ShortText } from '../cases/commands/dto-fields';

export class NoopDto {
  @ShortText() note!: string;
}

/**
 * The baseline `npm run bench` compares the command path with: the same app, guard, pipes and
 * filter, but no idempotency lookup, no decider and no append. Mounted only when
 * CASETRAIL_BENCH_ENDPOINTS=on.
 */
@Controller('api/bench')
export class BenchBaselineController {
  @Post('noop')
  @HttpCode(201)
  noop(@Body() body: NoopDto) {
    return { ok: true, note: body.note };
  }
}
