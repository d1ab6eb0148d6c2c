export * from './lib/admin-model';
export * from './lib/admin-failure';
export * from './lib/admin.api';
export * from './lib/sysadmin.guard';
