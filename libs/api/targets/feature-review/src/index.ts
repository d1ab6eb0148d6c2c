export * from './lib/review.module';
export * from './lib/review.service';
export * from './lib/target-review';
export * from './lib/evaluation-review';
