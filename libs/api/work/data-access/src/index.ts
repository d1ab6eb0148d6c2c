export * from './lib/entities';
export * from './lib/step-states';
export * from './lib/task-store';
export * from './lib/todo-sources';
export * from './lib/work-data.module';
