export * from './lib/reports.module';
export * from './lib/target-setting-report';
export * from './lib/target-setting-text';
