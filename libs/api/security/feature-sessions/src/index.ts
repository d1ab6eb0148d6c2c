export * from './lib/security-sessions.module';
