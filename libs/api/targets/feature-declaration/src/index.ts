export * from './lib/declaration.module';
export * from './lib/declaration.service';
