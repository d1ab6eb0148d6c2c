export * from './lib/evaluation.module';
export * from './lib/evaluation.service';
