export * from './target-fixtures';
export * from './target-bed';
