export * from './decider';
export * from './errors';
export * from './calendar';
export * from './case';
export * from './action';
