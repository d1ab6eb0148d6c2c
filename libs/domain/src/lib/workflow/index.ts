export * from './labels';
export * from './review';
export * from './structured-review';
export * from './rectification';
