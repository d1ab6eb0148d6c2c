// Issue 13's load test, called by scripts/bench.mjs: one user queues ten whole-year batch PDF exports at once while
// another user reads projects. The other user's detail reads are measured idle and while the jobs run; /api/health is
// polled throughout. Budgets: no 5xx, health always 200, the busy detail p97.5 within 4× the idle one, all ten done.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { api, DEMO_PASSWORD, freePort, INDICATORS, sleep, waitFor } from './bench-common.mjs';

export const EXPORT_LOAD_BUDGET = { ratio: 4, jobs: 10 };

/**
 * @param ctx.base        the API's base URL
 * @param ctx.token       the session of the user who queues the exports (the finance reviewer)
 * @param ctx.year        the year exported
 * @param ctx.requests    autocannon requests of the other user's detail reads
 * @param ctx.run         (name, opts) => one load scenario's summary (bench.mjs's `load` bound to the server)
 * @param ctx.merge       (name, opts, runs) => the summary of several runs (bench.mjs's `summarize`)
 * @param ctx.rss         () => the server's RSS in bytes
 */
export async function exportsUnderLoad({ base, token, year, requests, run, merge, rss, common, quick, say }) {
  const rate = 50;
  const window = quick ? 3 : 6;
  const opts = { ...common, requests, connections: 4, overallRate: rate, duration: window };
  const idle = await run(`other user's detail @${rate} req/s, idle`, { ...opts, duration: window * 2 });
  const rssBefore = rss();

  const health = { polls: 0, non200: 0, statuses: {} };
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const started = Date.now();
      const status = await fetch(`${base}/api/health`).then((r) => r.status, () => 'error');
      health.polls++;
      health.statuses[status] = (health.statuses[status] ?? 0) + 1;
      if (status !== 200) health.non200++;
      await sleep(Math.max(0, 250 - (Date.now() - started)));
    }
  })();

  const queued = [];
  const refused = [];
  const started = Date.now();
  await Promise.all(
    Array.from({ length: EXPORT_LOAD_BUDGET.jobs }, async () => {
      const r = await api(base, 'POST', '/api/export-jobs', { token, body: { year, form: 'declaration', format: 'pdf' } });
      if (r.status === 202) queued.push(r.json.id);
      else refused.push(r.status);
    }),
  );
  say(`queued ${queued.length} whole-year PDF exports (${refused.length} refused: ${refused.join(', ') || 'none'})`);

  const busyRuns = [];
  let jobs = [];
  const limitMs = quick ? 240_000 : 900_000;
  while (Date.now() - started < limitMs) {
    const r = await run(`other user's detail @${rate} req/s, exports running`, opts);
    busyRuns.push(...r.runs);
    jobs = (await api(base, 'GET', '/api/export-jobs', { token })).json ?? [];
    const mine = jobs.filter((j) => queued.includes(j.id));
    if (mine.every((j) => !['queued', 'running'].includes(j.status))) break;
  }
  const elapsedMs = Date.now() - started;
  polling = false;
  await poller;
  const busy = merge(`other user's detail @${rate} req/s, exports running`, opts, busyRuns);
  const mine = jobs.filter((j) => queued.includes(j.id));
  const done = mine.filter((j) => j.status === 'done');
  const result = {
    idle,
    busy,
    health,
    queued: queued.length,
    refused,
    done: done.length,
    failed: mine.filter((j) => j.status === 'failed').map((j) => j.error),
    projects: done[0]?.total ?? null,
    bytes: done[0]?.size ?? null,
    elapsedMs,
    rssBefore,
    rssAfter: rss(),
  };
  // the memory after the queue has drained and the server had a quiet moment
  await sleep(3000);
  result.rssSettled = rss();
  say(
    `exports under load: ${result.done}/${EXPORT_LOAD_BUDGET.jobs} done in ${(elapsedMs / 1000).toFixed(0)} s; other user's detail p97.5 ${busy.p975} ms vs ${idle.p975} ms idle; health ${health.polls} polls, ${health.non200} not 200`,
  );
  return result;
}

/** The budget lines of the scenario (bench.mjs's budget table). */
export function exportLoadBudgets(e, fmt) {
  if (!e) return [];
  const fivexx = (x) => Object.entries(x.codes).filter(([k]) => k.startsWith('5')).reduce((s, [, v]) => s + v, 0);
  const ratio = e.busy.p975 / Math.max(e.idle.p975, 1);
  return [
    {
      name: `ten queued whole-year PDF exports: all done, no 5xx, /api/health always 200`,
      measured: `${e.done}/${EXPORT_LOAD_BUDGET.jobs} done in ${(e.elapsedMs / 1000).toFixed(0)} s (${e.projects ?? '–'} projects each), 5xx ${fivexx(e.busy) + fivexx(e.idle)}, health ${e.health.polls - e.health.non200}/${e.health.polls} × 200`,
      met: e.done === EXPORT_LOAD_BUDGET.jobs && e.health.non200 === 0 && fivexx(e.busy) + fivexx(e.idle) === 0 && e.busy.errors === 0,
      why: `${e.failed.length} failed (${e.failed.join('; ') || '–'}), ${e.refused.length} refused, health answers ${JSON.stringify(e.health.statuses)}, detail answers ${JSON.stringify(e.busy.codes)}.`,
    },
    {
      name: `another user's detail p97.5 while they run ≤ ${EXPORT_LOAD_BUDGET.ratio}× idle`,
      measured: `${fmt(e.busy.p975)} ms vs ${fmt(e.idle.p975)} ms idle = ${ratio.toFixed(1)}× (p50 ${fmt(e.busy.p50)} vs ${fmt(e.idle.p50)} ms)`,
      met: ratio <= EXPORT_LOAD_BUDGET.ratio && e.busy.errors === 0,
      why: `the export jobs share the server's event loop with the reads: p97.5 ${fmt(e.busy.p975)} ms, p99 ${fmt(e.busy.p99)} ms, max ${fmt(e.busy.max)} ms.`,
    },
  ];
}

/**
 * The embedded database (PGlite) after large exports: its WASM memory grows to the largest working set it has
 * served and never shrinks, so what matters is that repeated exports do not keep raising it. A production server on
 * a throw-away DATA_DIR, `count` projects of 30 rows created through the API, then the same whole-year PDF export
 * queued three times one after the other; the server's RSS after each (and settled).
 */
export async function embeddedExportMemory({ mainJs, root, count, year, say, rss }) {
  const rows = (i) => INDICATORS.map(([level1, level2, name, target]) => ({ level1, level2, name, target: target.replace('{n}', String(1 + (i % 9))) }));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-embedded-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logFile = fs.openSync(path.join(root, 'tmp', 'bench', 'server-embedded.log'), 'w');
  const env = { ...process.env, DATA_DIR: dataDir, DEMO: '1', PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [mainJs], { cwd: root, env, stdio: ['ignore', logFile, logFile] });
  try {
    await waitFor(`${base}/api/health`, 240_000, server);
    const login = async (u) => (await api(base, 'POST', '/api/auth/login', { body: { username: u, password: DEMO_PASSWORD } })).json;
    const filler = await login('xining');
    const czj = (await login('czj')).accessToken;
    const created = Date.now();
    for (let i = 0; i < count; i++) {
      const p = await api(base, 'POST', '/api/projects', {
        token: filler.accessToken,
        body: { year, name: `内存测试项目${i + 1}`, orgId: filler.user.orgId, frameworkCode: 'mof-2021' },
      });
      if (p.status !== 201) throw new Error(`create project: ${p.status} ${p.text}`);
      const put = await api(base, 'PUT', `/api/projects/${p.json.id}/indicators`, {
        token: filler.accessToken,
        headers: { 'if-match': p.etag ?? `"${p.json.version}"` },
        body: { indicators: rows(i) },
      });
      if (put.status !== 200) throw new Error(`put indicators: ${put.status} ${put.text}`);
    }
    say(`embedded: ${count} projects created in ${((Date.now() - created) / 1000).toFixed(0)} s`);
    const samples = [{ step: 'before', rss: rss(server.pid) }];
    for (let k = 1; k <= 3; k++) {
      let peak = rss(server.pid);
      const timer = setInterval(() => (peak = Math.max(peak, rss(server.pid) ?? 0)), 50);
      const t0 = Date.now();
      const job = await api(base, 'POST', '/api/export-jobs', { token: czj, body: { year, form: 'declaration', format: 'pdf' } });
      if (job.status !== 202) throw new Error(`queue export: ${job.status} ${job.text}`);
      let j = job.json;
      while (j.status === 'queued' || j.status === 'running') {
        await sleep(200);
        j = (await api(base, 'GET', `/api/export-jobs/${job.json.id}`, { token: czj })).json;
      }
      clearInterval(timer);
      if (j.status !== 'done') throw new Error(`export ${k}: ${j.status} ${j.error}`);
      await sleep(2000);
      samples.push({ step: `export ${k}`, ms: Date.now() - t0 - 2000, bytes: j.size, peak, rss: rss(server.pid) });
    }
    say(`embedded export memory: ${samples.map((s) => `${s.step} ${((s.rss ?? 0) / 1048576).toFixed(0)} MiB`).join(', ')}`);
    return { count, samples };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
