export * from './labels';
export * from './review';
