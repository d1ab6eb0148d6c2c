export * from './lib/session.module';
