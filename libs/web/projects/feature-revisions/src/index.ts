export * from './lib/revisions.routes';
export * from './lib/revisions.api';
