export * from './lib/rectification.module';
export * from './lib/rectification.service';
