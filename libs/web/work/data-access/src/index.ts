export * from './lib/work.api';
export * from './lib/work-labels';
export * from './lib/workbench.store';
export * from './lib/batch-results';
export * from './lib/batch-review';
export * from './lib/inbox-batch';
