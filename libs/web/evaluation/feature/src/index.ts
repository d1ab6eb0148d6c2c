export * from './lib/evaluation.routes';
