export * from './lib/demo.module';
export * from './lib/demo-seed.service';
export * from './lib/demo-orgs';
