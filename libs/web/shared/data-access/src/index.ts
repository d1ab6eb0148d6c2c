export * from './lib/api-failure';
export * from './lib/load-state';
export * from './lib/format';
export * from './lib/format.pipes';
export * from './lib/years';
export * from './lib/form-dialog';
export * from './lib/action-runner';
