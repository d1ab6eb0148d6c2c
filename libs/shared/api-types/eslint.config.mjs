import baseConfig from '../../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // plain data for the web and the api: validation decorators belong to @pt/shared/contracts (api only)
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'class-validator', message: 'api-types is imported by the web at runtime: DTO classes go to @pt/shared/contracts.' },
            { name: 'class-transformer', message: 'api-types is imported by the web at runtime: DTO classes go to @pt/shared/contracts.' },
            { name: '@pt/shared/contracts', message: 'api-types must not depend on the api-only contracts.' },
          ],
          patterns: ['class-validator/*', 'class-transformer/*'],
        },
      ],
    },
  },
];
