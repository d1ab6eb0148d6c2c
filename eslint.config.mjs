import nx from '@nx/eslint-plugin';

/**
 * Module boundaries (see README "Architecture"): scope:{api,web,shared} × type:{app,shell,feature,data-access,ui,util,domain}.
 * Every project carries one tag of each; there is no `* → *` rule. A feature library never imports another feature
 * library: what two features share belongs in a data-access / ui / util library (or the domain), and only the
 * composing projects (the apps, and the web shell whose routes load every web feature) import features.
 */
export const depConstraints = [
  // scopes: the api and the web app never import each other; shared code imports only shared code
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'] },
  { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'] },
  {
    sourceTag: 'scope:shared',
    onlyDependOnLibsWithTags: ['scope:shared'],
    bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm', 'ng-zorro-antd', 'ng-zorro-antd/*', 'express', 'pg'],
  },
  // types: layers only point downwards
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:shell', 'type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:domain'] },
  { sourceTag: 'type:shell', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:domain'] },
  // features do not import each other
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util', 'type:domain'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:domain'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:domain'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:domain'] },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: ['@nestjs/*', '@angular/*', 'typeorm', 'rxjs', 'rxjs/*', 'class-validator', 'class-transformer', 'pg', 'express', 'node:*', 'fs', 'path'],
  },
];

/**
 * Template rules of every web library: ng-zorro's form controls count as controls of a label, and a label that is
 * itself an ng-zorro radio / checkbox wrapper (`<label nz-radio-button>`) holds its own input.
 */
export const templateRules = {
  '@angular-eslint/template/label-has-associated-control': [
    'error',
    {
      controlComponents: ['nz-select', 'nz-input-number', 'nz-date-picker', 'nz-range-picker', 'nz-switch', 'nz-tree-select', 'nz-cascader'],
      labelComponents: [{ selector: 'label', inputs: ['for', 'htmlFor', 'nz-radio', 'nz-radio-button', 'nz-checkbox'] }],
    },
  ],
};

const baseConfig = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', '**/.nx', '**/test-results', '**/playwright-report', 'tmp/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints,
        },
      ],
    },
  },
];

export default baseConfig;

/** The Angular projects' config (the web app and every web library re-export it, so it is written once). */
export function angularConfig() {
  return [
    ...nx.configs['flat/angular'],
    ...nx.configs['flat/angular-template'],
    ...baseConfig,
    {
      files: ['**/*.ts'],
      rules: {
        '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'pt', style: 'camelCase' }],
        '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'pt', style: 'kebab-case' }],
      },
    },
    { files: ['**/*.html'], rules: templateRules },
  ];
}
