export * from './lib/attachments.module';
