export * from './event-store';
export * from './errors';
export * from './event-ids';
export * from './hash-chain';
export * from './verify';
export * from './handle-command';
export * from './sqlite/open-sqlite';
export * from './sqlite/sqlite-event-store';
