export * from './lib/workbench.module';
