/** API tests: the whole server in-process against a real database (TEST_DB=postgres|embedded; see scripts/test-all.mjs). */
module.exports = {
  displayName: `api-${process.env.TEST_DB ?? 'embedded'}`,
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
  // the embedded-only file needs the embedded database; the outage test kills a PostgreSQL server of its own
  testPathIgnorePatterns: process.env.TEST_DB === 'postgres' ? ['/node_modules/', 'embedded\\.e2e-spec\\.ts$'] : ['/node_modules/', 'outage\\.e2e-spec\\.ts$'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json', 'mjs'],
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/global-setup.ts',
};
