export * from './target-fixtures';
