import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventStore, globalLogPages, verifyChains } from '@casetrail/event-store';
import { type ChainReport, VerifyChains } from './verify-chains.query';

/** The same check as `npm run verify`, over the running service's store. */
@QueryHandler(VerifyChains)
export class VerifyChainsHandler implements IQueryHandler<VerifyChains, ChainReport> {
  constructor(@Inject(EventStore) private readonly store: EventStore) {}

  async execute(): Promise<ChainReport> {
    const {
      ok,
      eventsChecked,
      streamsChecked,
      firstBrokenLink: link,
    } = await verifyChains(globalLogPages(this.store));
    return {
      ok,
      eventsChecked,
      streamsChecked,
      firstBrokenLink: link
        ? { ...link, version: link.version.toString(), position: link.position.toString() }
        : null,
    };
  }
}
