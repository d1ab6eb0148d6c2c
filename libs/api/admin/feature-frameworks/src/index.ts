export * from './lib/admin-frameworks.module';
