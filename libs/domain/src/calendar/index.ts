export * from './business-date';
export * from './working-days';
export * from './regimes';
export * from './clocks';
