export * from './lib/admin-model';
export * from './lib/admin-failure';
export * from './lib/admin.api';
export * from './lib/sysadmin.guard';
export * from './lib/frameworks.api';
export * from './lib/frameworks-form';
