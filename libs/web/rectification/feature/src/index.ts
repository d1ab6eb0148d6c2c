export * from './lib/rectification.routes';
