export * from './lib/frameworks.module';
export * from './lib/framework-store.service';
export * from './lib/entities';
