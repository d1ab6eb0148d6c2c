export * from './lib/attachments.component';
export * from './lib/attachments-client';
export * from './lib/attachment-rules';
