export * from './lib/admin-users.module';
