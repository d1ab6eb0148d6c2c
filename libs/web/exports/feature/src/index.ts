export * from './lib/exports.routes';
