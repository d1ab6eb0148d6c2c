export * from './lib/entities';
export * from './lib/attachment-store';
export * from './lib/attachment-locks';
export * from './lib/evidence-data.module';
export * from './lib/file-types';
export * from './lib/storage/pg-backend';
export * from './lib/storage/s3-backend';
export * from './lib/storage/sigv4';
