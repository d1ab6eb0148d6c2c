export * from './lib/library.routes';
