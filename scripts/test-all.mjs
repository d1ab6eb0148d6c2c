#!/usr/bin/env node
// `npm test`: every runner of the project, one after the other, ending with one line
// `N passed, N failed` that sums them all. Exits non-zero when anything failed.
//   1. lint (module boundaries included) of every project, in one ESLint run + the boundary probes (tools/check-boundaries.mjs)
//   2. unit tests (Jest, all projects)
//   3. API tests against a real PostgreSQL (scripts/pg-test-server.sh starts and stops it)
//   4. the same API tests against the embedded database (PGlite)
//   5. the production build: the server killed with SIGKILL under load and restarted (scripts/crash-test.mjs),
//      then Playwright e2e in Debian's Chromium against it
// TEST_ONLY=lint,unit,api-pg,api-embedded,e2e runs a subset; STRESS=1 runs the reliability tests at full counts.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureProjectGraph, SKIPPED_RULE_WARNING } from '../tools/project-graph.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const only = (process.env.TEST_ONLY ?? '').split(',').filter(Boolean);
const want = (name) => only.length === 0 || only.includes(name);
const outDir = path.join(root, 'tmp', 'test-results');
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

const results = [];
const started = Date.now();
let phaseStart = Date.now();
const secs = (ms) => `${Math.round(ms / 1000)} s`;
function record(runner, passed, failed, note = '', took = Date.now() - phaseStart) {
  phaseStart = Date.now();
  results.push({ runner, passed, failed, note, took });
  console.log(`\n[${runner}] ${passed} passed, ${failed} failed${note ? ` (${note})` : ''} in ${secs(took)}\n`);
}

function run(cmd, args, opts = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...(opts.env ?? {}) }, cwd: root, timeout: opts.timeout });
  return r.status ?? 1;
}

function capture(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...(opts.env ?? {}) }, cwd: root });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function readJestJson(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, 'utf8'));
    // a suite that fails to run (syntax error…) has no test results: count it as a failure
    const brokenSuites = j.testResults.filter((t) => t.status === 'failed' && t.assertionResults.length === 0).length;
    return { passed: j.numPassedTests, failed: j.numFailedTests + brokenSuites + (j.numTotalTests === 0 ? 1 : 0) };
  } catch {
    return { passed: 0, failed: 1 };
  }
}

const nx = path.join(root, 'node_modules', '.bin', 'nx');
const jest = path.join(root, 'node_modules', '.bin', 'jest');

// 1. lint: one ESLint process over apps/ and libs/, each file under its project's own eslint.config.mjs
// (the nearest one, as `nx run <project>:lint` does), so the plugins load once instead of once per project
if (want('lint')) {
  const projectFiles = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (e.isDirectory() && e.name !== 'node_modules' && !e.name.startsWith('.')) walk(path.join(dir, e.name));
      else if (e.name === 'project.json') projectFiles.push(path.join(dir, e.name));
    }
  };
  walk('apps');
  walk('libs');
  const projects = projectFiles
    .map((f) => ({ root: path.dirname(f), name: JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')).name }))
    .sort((a, b) => b.root.length - a.root.length); // the deepest project root owns a file
  ensureProjectGraph(root);
  const report = path.join(outDir, 'eslint.json');
  const eslintBin = path.join(root, 'node_modules', '.bin', 'eslint');
  const r = spawnSync(eslintBin, ['--flag', 'v10_config_lookup_from_file', '--format', 'json', '-o', report, 'apps', 'libs'], {
    cwd: root,
    encoding: 'utf8',
  });
  process.stdout.write((r.stdout ?? '') + (r.stderr ?? ''));
  const failedProjects = new Set();
  let files = [];
  try {
    files = JSON.parse(fs.readFileSync(report, 'utf8'));
  } catch {
    failedProjects.add('(eslint did not report)');
  }
  for (const f of files) {
    const rel = path.relative(root, f.filePath);
    for (const m of f.messages) {
      const level = m.severity === 2 ? 'error' : 'warning';
      console.log(`${rel}:${m.line ?? 0}:${m.column ?? 0}  ${level}  ${m.message}  ${m.ruleId ?? ''}`);
    }
    if (f.errorCount > 0 || f.fatalErrorCount > 0) {
      failedProjects.add(projects.find((p) => rel.startsWith(p.root + '/'))?.name ?? rel);
    }
  }
  if (r.status !== 0 && r.status !== 1) failedProjects.add(`(eslint exit ${r.status})`);
  // the boundary rule must have run: without the project graph it skips itself with only a warning
  if (`${r.stdout}${r.stderr}`.includes(SKIPPED_RULE_WARNING)) failedProjects.add('(module boundaries not checked)');
  let failed = failedProjects.size;
  let passed = projects.filter((p) => !failedProjects.has(p.name)).length;
  console.log(`eslint: ${files.length} files of ${projects.length} projects; failing: ${[...failedProjects].join(', ') || 'none'}`);
  const probes = capture(process.execPath, ['tools/check-boundaries.mjs']);
  process.stdout.write(probes.stdout + probes.stderr);
  const m = /boundaries: (\d+) passed, (\d+) failed/.exec(probes.stdout);
  passed += m ? Number(m[1]) : 0;
  failed += m ? Number(m[2]) : 1;
  record('lint', passed, failed, `${projects.length} projects + boundary probes`);
}

// 2. unit tests
if (want('unit')) {
  const file = path.join(outDir, 'unit.json');
  run(jest, ['-c', 'jest.config.ts', '--ci', '--json', `--outputFile=${file}`, '--testPathIgnorePatterns', '\\.e2e-spec\\.ts$']);
  const r = readJestJson(file);
  record('unit', r.passed, r.failed);
}

/**
 * The API tests of one database, in the background: its output goes to a log file that is printed
 * when it ends (the two databases run side by side, one core each, and their output must not mix).
 */
function apiTests(name, env) {
  const file = path.join(outDir, `${name}.json`);
  const log = path.join(outDir, `${name}.log`);
  const out = fs.openSync(log, 'w');
  const t0 = Date.now();
  // PGlite loads its WASM with a dynamic import, which Jest's VM needs this flag for
  const args = ['-c', 'apps/api/jest.e2e.config.cts', '--ci', '--runInBand', '--json', `--outputFile=${file}`];
  console.log(`\n$ ${jest} ${args.join(' ')}   (${name}, output in ${path.relative(root, log)})`);
  const child = spawn(jest, args, {
    cwd: root,
    stdio: ['ignore', out, out],
    env: { ...process.env, ...env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim() },
  });
  return new Promise((resolve) => {
    child.on('close', () => {
      fs.closeSync(out);
      console.log(`\n----- ${name} (${secs(Date.now() - t0)}) -----`);
      process.stdout.write(fs.readFileSync(log, 'utf8'));
      resolve({ name, ...readJestJson(file), took: Date.now() - t0 });
    });
  });
}

// 3 + 4. API tests on a real PostgreSQL and on the embedded database, side by side
// (the PDF exports need the CJK font, their tests read PDFs back with pdftotext: both installed when missing)
if (want('api-pg') || want('api-embedded')) run('bash', ['scripts/ensure-fonts.sh', '--test']);
const apiRuns = [];
let stopPg = () => undefined;
let embeddedDir;
if (want('api-pg')) {
  const started = capture('bash', ['scripts/pg-test-server.sh', 'start']);
  process.stderr.write(started.stderr);
  const url = /DATABASE_URL=(\S+)/.exec(started.stdout)?.[1];
  if (started.status !== 0 || !url) {
    apiRuns.push(Promise.resolve({ name: 'api-pg', passed: 0, failed: 1, note: 'PostgreSQL could not be started' }));
  } else {
    stopPg = () => capture('bash', ['scripts/pg-test-server.sh', 'stop']);
    apiRuns.push(apiTests('api-pg', { DATABASE_URL: url, TEST_DB: 'postgres' }));
  }
}
if (want('api-embedded')) {
  embeddedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-embedded-'));
  apiRuns.push(apiTests('api-embedded', { DATABASE_URL: '', TEST_DB: 'embedded', TEST_DATA_DIR: embeddedDir }));
}
if (apiRuns.length > 0) {
  try {
    const done = await Promise.all(apiRuns);
    for (const r of done) record(r.name, r.passed, r.failed, r.note ?? (done.length > 1 ? 'side by side with the other database' : ''), r.took);
  } finally {
    stopPg();
    if (embeddedDir) fs.rmSync(embeddedDir, { recursive: true, force: true });
  }
}

// 5. Playwright e2e in Chromium against the production build
if (want('e2e')) {
  const chromium = run('bash', ['scripts/ensure-chromium.sh']);
  const built = chromium === 0 ? run(nx, ['run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=stream']) : 1;
  if (built !== 0) {
    record('e2e', 0, 1, chromium !== 0 ? 'Chromium could not be installed' : 'build failed');
  } else {
    // the production server killed with SIGKILL under load, then restarted: consistency checks (issue 6)
    const t0 = Date.now();
    const crash = capture(process.execPath, ['scripts/crash-test.mjs']);
    process.stdout.write(crash.stdout + crash.stderr);
    const cm = /crash: (\d+) passed, (\d+) failed/.exec(crash.stdout);
    record('crash', cm ? Number(cm[1]) : 0, cm ? Number(cm[2]) : 1, 'server SIGKILL under load', Date.now() - t0);
    const file = path.join(outDir, 'e2e.json');
    run(path.join(root, 'node_modules', '.bin', 'playwright'), ['test', '-c', 'apps/web-e2e/playwright.config.mts'], {
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: file },
    });
    try {
      const j = JSON.parse(fs.readFileSync(file, 'utf8'));
      const s = j.stats;
      const failed = s.unexpected + (s.flaky ?? 0) + (j.errors?.length ?? 0) + (s.expected + s.unexpected === 0 ? 1 : 0);
      record('e2e', s.expected, failed, s.skipped ? `${s.skipped} skipped` : '');
    } catch {
      record('e2e', 0, 1, 'no Playwright report');
    }
  }
}

const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log('\nSummary');
for (const r of results) console.log(`  ${r.runner.padEnd(14)} ${String(r.passed).padStart(5)} passed, ${r.failed} failed  ${secs(r.took).padStart(6)}${r.note ? `  (${r.note})` : ''}`);
console.log(`  total time ${secs(Date.now() - started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
