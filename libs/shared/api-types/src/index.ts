// Interfaces, route paths, constants and labels of the HTTP API: plain data, safe to import at runtime in the
// web app. The class-validator DTO classes that check these shapes on the server are in @pt/shared/contracts.
export * from './lib/routes';
export * from './lib/errors';
export * from './lib/formats';
export * from './lib/health';
export * from './lib/auth';
export * from './lib/admin';
export * from './lib/projects';
export * from './lib/targets';
export * from './lib/project-inputs';
export * from './lib/revisions';
export * from './lib/library';
export * from './lib/evaluation';
export * from './lib/monitoring';
export * from './lib/exports';
export * from './lib/export-jobs';
export * from './lib/frameworks';
export * from './lib/security';
export * from './lib/work';
export * from './lib/attachments';
export * from './lib/follow-up';
