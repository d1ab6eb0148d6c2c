export * from './lib/routes';
export * from './lib/errors';
export * from './lib/health';
export * from './lib/auth';
export * from './lib/projects';
export * from './lib/admin';
export * from './lib/evaluation';
export * from './lib/exports';
