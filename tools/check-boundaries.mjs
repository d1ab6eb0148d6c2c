#!/usr/bin/env node
// Proves that lint enforces the module boundaries of the README's Architecture section:
// each probe writes a file with one import into a project, lints it, and expects a
// boundary error (or, for the control probes, none). Prints `boundaries: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureProjectGraph } from './project-graph.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const eslint = path.join(root, 'node_modules', '.bin', 'eslint');

/** A probe in `dir` that imports `symbol` from `from`: lint must report a boundary error ('error') or nothing ('clean'). */
const importing = (name, dir, from, symbol, expect = 'error') => ({ name, dir, code: `import { ${symbol} } from '${from}';\nexport const x = ${symbol};\n`, expect });

const probes = [
  importing('apps/api → apps/web (app into app)', 'apps/api/src', '../../web/src/app/app', 'App'),
  importing('@angular/* into libs/domain', 'libs/domain/src/lib', '@angular/core', 'signal'),
  importing('@nestjs/* into libs/domain', 'libs/domain/src/lib', '@nestjs/common', 'Injectable'),
  importing('@nestjs/* into libs/shared/api-types', 'libs/shared/api-types/src/lib', '@nestjs/common', 'Injectable'),
  importing('scope:web → the DTO classes (shared contracts are api-only)', 'libs/web/dashboard/data-access/src/lib', '@pt/shared/contracts', 'LoginDto'),
  importing('scope:web → scope:api', 'libs/web/shell/feature/src/lib', '@pt/api/core', 'loadConfig'),
  importing('scope:api → scope:web', 'libs/api/core/src/lib', '@pt/web/auth/data-access', 'AuthStore'),
  importing('type:data-access → type:feature', 'libs/web/auth/data-access/src/lib', '@pt/web/auth/feature-login', 'LOGIN_ROUTES'),
  importing('type:domain → type:util (shared contracts)', 'libs/domain/src/lib', '@pt/shared/contracts', 'ApiPaths'),
  importing('api feature → api feature (features do not import features)', 'libs/api/health/src/lib', '@pt/api/account/feature-session', 'SessionModule'),
  importing('web feature → web feature (features do not import features)', 'libs/web/dashboard/feature/src/lib', '@pt/web/auth/feature-login', 'LOGIN_ROUTES'),
  importing('control: api feature → api data-access is allowed', 'libs/api/health/src/lib', '@pt/api/auth', 'AuthService', 'clean'),
  // the shell loads every feature lazily, as its routes do
  {
    name: 'control: the web shell → a web feature is allowed',
    dir: 'libs/web/shell/feature/src/lib',
    code: "export const x = () => import('@pt/web/auth/feature-login').then((m) => m.LOGIN_ROUTES);\n",
    expect: 'clean',
  },
  importing('control: scope:web feature → domain is allowed', 'libs/web/dashboard/feature/src/lib', '@pt/domain', 'FRAMEWORKS', 'clean'),
  importing('control: scope:api util → shared contracts is allowed', 'libs/api/core/src/lib', '@pt/shared/contracts', 'ApiPaths', 'clean'),
];

ensureProjectGraph(root);

// write every probe, lint them in one ESLint run, then judge each file's messages
const files = probes.map((p, i) => path.join(root, p.dir, `__boundary_probe_${i}.ts`));
probes.forEach((p, i) => fs.writeFileSync(files[i], p.code));
let report = [];
let crash = '';
try {
  const r = spawnSync(eslint, ['--no-warn-ignored', '--format', 'json', ...files], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    report = JSON.parse(r.stdout);
  } catch {
    crash = (r.stderr || r.stdout).slice(0, 500);
  }
} finally {
  for (const f of files) fs.rmSync(f, { force: true });
}
let passed = 0;
let failed = 0;
probes.forEach((p, i) => {
  const messages = report.find((x) => x.filePath === files[i])?.messages ?? [{ ruleId: 'eslint-crashed', severity: 2, message: crash }];
  const boundary = messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries');
  const ok = p.expect === 'error' ? boundary.length > 0 : messages.filter((m) => m.severity === 2).length === 0;
  if (ok) passed++;
  else failed++;
  const detail = boundary[0]?.message ?? messages.map((m) => `${m.ruleId}: ${m.message}`).join('; ');
  console.log(`${ok ? '✓' : '✗'} ${p.name}${detail ? ` — ${detail.split('\n')[0]}` : ''}`);
});
console.log(`boundaries: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
