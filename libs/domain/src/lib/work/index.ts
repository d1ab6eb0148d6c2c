export * from './task-progress';
