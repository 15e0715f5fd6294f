import { Controller, Get, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EventStore } from '@casetrail/event-store';
import { Projections } from '@casetrail/projections';
import { Public } from '../auth/public.decorator';

/**
 * `ok`: the store answers and every projection runs. `degraded`: a projection has stopped on
 * an event (the service still takes commands). `down` (503): the store cannot be reached.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly store: EventStore,
    private readonly projections: Projections,
  ) {}

  @Public()
  @Get()
  async health(@Res({ passthrough: true }) response: FastifyReply) {
    const store = await this.store.health().catch((error: unknown) => ({
      adapter: 'unknown',
      reachable: false,
      details: { error: error instanceof Error ? error.message : String(error) },
    }));
    const projections = store.reachable ? await this.projections.status() : [];
    const status = !store.reachable ? 'down' : projections.some((p) => p.failure) ? 'degraded' : 'ok';
    if (status === 'down') response.status(503);
    return { status, store, projections };
  }
}
