#!/usr/bin/env node
// Issue 6, acceptance 5 (second half): the production server (dist/apps/api/main.js) is killed with SIGKILL
// while clients write, then started again; every consistency check must pass:
//   - every write the clients saw acknowledged is there, each stored edit is exactly one version;
//   - every transition is its status, its history row and its audit row, or none of them;
//   - the audit log's hash chain verifies;
//   - the restarted server answers at once.
// Prints `crash: N passed, N failed`. Needs a build (npm test builds before the e2e tests) and PostgreSQL
// (scripts/pg-test-server.sh, started here with PG_DURABLE=1).
import { spawn, spawnSync } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const state = `/tmp/pt-crash-${process.pid}.state`;
const pgEnv = { ...process.env, PG_TEST_STATE: state, PG_DURABLE: '1' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const results = [];
const check = (name, ok, detail = '') => {
  results.push(ok);
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const started = spawnSync('bash', [path.join(root, 'scripts/pg-test-server.sh'), 'start'], { env: pgEnv, encoding: 'utf8' });
const url = /DATABASE_URL=(\S+)/.exec(started.stdout)?.[1];
if (!url) {
  console.error(started.stderr);
  console.log('crash: 0 passed, 1 failed');
  process.exit(1);
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const serverEnv = { ...process.env, DATABASE_URL: url, PORT: String(port), DEMO: '1', LOG_LEVEL: 'error' };

async function startServer() {
  const child = spawn(process.execPath, [path.join(root, 'dist/apps/api/main.js')], { cwd: root, env: serverEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const t0 = Date.now();
  while (Date.now() - t0 < 60_000) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return { child, ms: Date.now() - t0 };
    } catch {
      // not yet listening
    }
    await sleep(100);
  }
  throw new Error('the server did not start');
}

async function api(token, method, p, body, headers = {}) {
  const r = await fetch(`${base}${p}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, etag: r.headers.get('etag'), body: text ? JSON.parse(text) : null };
}

let server;
try {
  server = (await startServer()).child;
  const login = async (u) => (await api(null, 'POST', '/api/auth/login', { username: u, password: 'Demo@2026' })).body.accessToken;
  const tok = await login('xining');
  const me = (await api(tok, 'GET', '/api/auth/me')).body;
  const rows = [
    { level1: '产出指标', level2: '数量指标', name: '接待团组数量', target: '≥60个' },
    { level1: '产出指标', level2: '质量指标', name: '公务用车保障率', target: '>=90%' },
    { level1: '效益指标', level2: '社会效益指标', name: '合作交流工作支撑作用', target: '支撑作用明显' },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', target: '≥90%' },
  ];
  const ids = [];
  for (let i = 0; i < 8; i++) {
    const p = await api(tok, 'POST', '/api/projects', { year: 2027, name: `崩溃测试 ${i}`, orgId: me.orgId, frameworkCode: 'mof-2021' });
    await api(tok, 'PUT', `/api/projects/${p.body.id}/indicators`, { indicators: rows }, { 'If-Match': '"1"' });
    ids.push(p.body.id);
  }
  const edited = ids.slice(0, 4);
  const moved = ids.slice(4);
  const acked = Object.fromEntries(edited.map((id) => [id, []]));
  let running = true;
  let n = 0;
  let answered = 0;
  const worker = async (k) => {
    while (running) {
      const id = ids[k];
      try {
        const cur = await api(tok, 'GET', `/api/projects/${id}`);
        if (cur.status !== 200) break;
        if (k < 4) {
          const marker = `m${n++}`;
          const r = await api(tok, 'PATCH', `/api/projects/${id}`, { overview: `${cur.body.overview ?? ''}|${marker}` }, { 'If-Match': cur.etag });
          if (r.status === 200) acked[id].push(marker);
        } else {
          await api(tok, 'POST', `/api/projects/${id}/transitions`, { action: cur.body.status === 'submitted' ? 'withdraw' : 'submit' }, { 'If-Match': cur.etag });
        }
        answered++;
      } catch {
        break; // the server is gone
      }
    }
  };
  const workers = ids.map((_, k) => worker(k));
  await sleep(1500);
  server.kill('SIGKILL');
  await new Promise((r) => server.once('exit', r));
  running = false;
  await Promise.all(workers);
  check('load before the kill', answered > 50, `${answered} answers`);

  const again = await startServer();
  server = again.child;
  check('the server starts again after SIGKILL (same database)', again.ms < 60_000, `ready in ${again.ms} ms`);
  const tok2 = await login('xining');
  for (const id of edited) {
    const p = (await api(tok2, 'GET', `/api/projects/${id}`)).body;
    const kept = (p.overview ?? '').split('|').filter(Boolean);
    const lost = acked[id].filter((m) => !kept.includes(m));
    check(`acknowledged edits of project ${id.slice(0, 8)} are all there`, lost.length === 0, `${acked[id].length} acknowledged, ${kept.length} stored${lost.length ? `, lost ${lost.join(',')}` : ''}`);
    check(`each stored edit of ${id.slice(0, 8)} is one version`, p.version === 2 + kept.length, `version ${p.version}`);
  }
  for (const id of moved) {
    const p = (await api(tok2, 'GET', `/api/projects/${id}`)).body;
    const history = (await api(tok2, 'GET', `/api/projects/${id}/history`)).body.filter((h) => h.action === 'submit' || h.action === 'withdraw');
    const last = history.length ? history[history.length - 1].toStatus : 'draft';
    check(`transitions of ${id.slice(0, 8)}: status, history and versions agree`, history.length === p.version - 2 && last === p.status, `${history.length} transitions, version ${p.version}, ${p.status}`);
  }
  const auditor = await login('auditor');
  const items = [];
  for (let pg = 1; ; pg++) {
    const page = (await api(auditor, 'GET', `/api/audit?event=project.&pageSize=200&page=${pg}`)).body;
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  // the transitions' own rows (writes and refused attempts are in the log too, under their own events and results)
  const perProject = (id) => items.filter((i) => i.objectId === id && i.result === 'ok' && (i.event === 'project.submit' || i.event === 'project.withdraw')).length;
  for (const id of moved) {
    const history = (await api(tok2, 'GET', `/api/projects/${id}/history`)).body.filter((h) => h.action === 'submit' || h.action === 'withdraw');
    check(`every transition of ${id.slice(0, 8)} has its audit row`, perProject(id) === history.length, `${perProject(id)} audit rows`);
  }
  const verify = (await api(auditor, 'GET', '/api/audit/verify')).body;
  check('the audit hash chain verifies', verify.ok === true, `${verify.rows} rows`);
  // the command line check of the chain (npm run audit:verify) says the same
  const cli = spawnSync(process.execPath, [path.join(root, 'dist/apps/api/main.js'), 'audit-verify'], { cwd: root, env: serverEnv, encoding: 'utf8' });
  check('npm run audit:verify says the chain is intact', cli.status === 0 && cli.stdout.includes(`${verify.rows} rows`), cli.stdout.trim() || cli.stderr.trim());
} catch (e) {
  check('crash test ran', false, e.message);
} finally {
  server?.kill('SIGKILL');
  spawnSync('bash', [path.join(root, 'scripts/pg-test-server.sh'), 'stop'], { env: pgEnv });
}
const passed = results.filter(Boolean).length;
console.log(`crash: ${passed} passed, ${results.length - passed} failed`);
process.exit(results.every(Boolean) ? 0 : 1);
