import { actionPlansProjection } from './action-plans/action-plans.projection';
import { caseStatusProjection } from './case-status/case-status.projection';
import { eventCountsProjection } from './event-counts/event-counts.projection';
import { portfolioProjection } from './portfolio/portfolio.projection';
import type { Projection } from './projection';
import { reportingProjection } from './reporting/reporting.projection';

/** Every read model the service keeps. */
export const allProjections: readonly Projection[] = [
  eventCountsProjection,
  caseStatusProjection,
  actionPlansProjection,
  reportingProjection,
  portfolioProjection,
];
