import baseConfig, { depConstraints } from '../../eslint.config.mjs';

// Tests and the fixture extraction script read the reference files from disk: they may use Node built-ins,
// the library code itself may not (it runs in the browser too).
const testConstraints = depConstraints.map((c) =>
  c.sourceTag === 'type:domain'
    ? { ...c, bannedExternalImports: c.bannedExternalImports.filter((m) => !['node:*', 'fs', 'path'].includes(m)) }
    : c,
);

export default [
  ...baseConfig,
  {
    files: ['**/*.spec.ts', 'src/fixtures/extract-reference-values.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'], depConstraints: testConstraints },
      ],
    },
  },
];
