export * from './lib/security.routes';
