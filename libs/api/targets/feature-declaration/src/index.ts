export * from './lib/declaration.module';
export * from './lib/declaration.service';
export * from './lib/detail-fast-path';
