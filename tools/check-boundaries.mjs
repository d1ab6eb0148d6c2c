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

const probes = [
  { name: 'apps/api → apps/web (app into app)', dir: 'apps/api/src', code: "import { App } from '../../web/src/app/app';\nexport const x = App;\n", expect: 'error' },
  { name: '@angular/* into libs/domain', dir: 'libs/domain/src/lib', code: "import { signal } from '@angular/core';\nexport const x = signal(1);\n", expect: 'error' },
  { name: '@nestjs/* into libs/domain', dir: 'libs/domain/src/lib', code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n", expect: 'error' },
  { name: '@nestjs/* into libs/shared/api-types', dir: 'libs/shared/api-types/src/lib', code: "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n", expect: 'error' },
  { name: 'scope:web → the DTO classes (shared contracts are api-only)', dir: 'libs/web/dashboard/data-access/src/lib', code: "import { LoginDto } from '@pt/shared/contracts';\nexport const x = LoginDto;\n", expect: 'error' },
  { name: 'scope:web → scope:api', dir: 'libs/web/shell/feature/src/lib', code: "import { loadConfig } from '@pt/api/core';\nexport const x = loadConfig;\n", expect: 'error' },
  { name: 'scope:api → scope:web', dir: 'libs/api/core/src/lib', code: "import { AuthStore } from '@pt/web/auth/data-access';\nexport const x = AuthStore;\n", expect: 'error' },
  { name: 'type:data-access → type:feature', dir: 'libs/web/auth/data-access/src/lib', code: "import { LOGIN_ROUTES } from '@pt/web/auth/feature-login';\nexport const x = LOGIN_ROUTES;\n", expect: 'error' },
  { name: 'type:domain → type:util (shared contracts)', dir: 'libs/domain/src/lib', code: "import { ApiPaths } from '@pt/shared/contracts';\nexport const x = ApiPaths;\n", expect: 'error' },
  { name: 'api feature → api feature (features do not import features)', dir: 'libs/api/health/src/lib', code: "import { SessionModule } from '@pt/api/account/feature-session';\nexport const x = SessionModule;\n", expect: 'error' },
  { name: 'web feature → web feature (features do not import features)', dir: 'libs/web/dashboard/feature/src/lib', code: "import { LOGIN_ROUTES } from '@pt/web/auth/feature-login';\nexport const x = LOGIN_ROUTES;\n", expect: 'error' },
  { name: 'control: api feature → api data-access is allowed', dir: 'libs/api/health/src/lib', code: "import { AuthService } from '@pt/api/auth';\nexport const x = AuthService;\n", expect: 'clean' },
  { name: 'control: the web shell → a web feature is allowed', dir: 'libs/web/shell/feature/src/lib', code: "export const x = () => import('@pt/web/auth/feature-login').then((m) => m.LOGIN_ROUTES);\n", expect: 'clean' },
  { name: 'control: scope:web feature → domain is allowed', dir: 'libs/web/dashboard/feature/src/lib', code: "import { FRAMEWORKS } from '@pt/domain';\nexport const x = FRAMEWORKS;\n", expect: 'clean' },
  { name: 'control: scope:api util → shared contracts is allowed', dir: 'libs/api/core/src/lib', code: "import { ApiPaths } from '@pt/shared/contracts';\nexport const x = ApiPaths;\n", expect: 'clean' },
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
