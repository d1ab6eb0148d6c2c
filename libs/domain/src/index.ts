export * from './lib/types';
export * from './lib/decimal';
export * from './lib/frameworks';
export * from './lib/target-value';
export * from './lib/checks';
export * from './lib/scoring';
export * from './lib/monitoring';
export * from './lib/roles';
