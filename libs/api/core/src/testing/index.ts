export * from './start-test-database';
