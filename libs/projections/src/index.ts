export * from './projection';
export * from './projection-failed';
export * from './read-model-store';
export * from './generation-feeder';
export * from './projection-runner';
export * from './event-counts/event-counts.projection';
export * from './all-projections';
export * from './action-plans/action-plans.projection';
