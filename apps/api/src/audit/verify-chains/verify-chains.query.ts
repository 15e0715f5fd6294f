import { Query } from '@nestjs/cqrs';

export interface ChainReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  /** Versions and positions as strings: they are bigints in the log. */
  firstBrokenLink: {
    streamId: string;
    version: string;
    position: string;
    check: 'hash' | 'prevHash' | 'version';
    expected: string;
    found: string;
  } | null;
}

export class VerifyChains extends Query<ChainReport> {}
