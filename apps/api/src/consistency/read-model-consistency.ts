import { Inject, Injectable } from '@nestjs/common';
import { Projections } from '@casetrail/projections';
import type { Settings } from '@casetrail/settings';
import { ReadModelsBehind } from '../http/problem-details';
import { SETTINGS } from '../infrastructure/tokens';
import type { ConsistencyQuery } from './consistency.query';

@Injectable()
export class ReadModelConsistency {
  constructor(
    private readonly projections: Projections,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Resolves once the read models have reached the asked position; 503 if they do not in time. */
  async awaitPosition({ minPosition, waitMs }: ConsistencyQuery): Promise<void> {
    if (minPosition === undefined) return;
    const position = BigInt(minPosition);
    const budget = Math.min(waitMs ?? this.settings.maxConsistencyWaitMs, this.settings.maxConsistencyWaitMs);
    if (!(await this.projections.waitForPosition(position, budget))) throw new ReadModelsBehind(position, budget);
  }
}
