export * from './lib/audit-model';
export * from './lib/security-failure';
export * from './lib/security.api';
export * from './lib/audit.api';
export * from './lib/role.guards';
