// The scenarios of a run, in order: warm-up, the batch export on a quiet server, the raw baseline against the API's
// detail, the rated and maximum-throughput rounds, exports under load, the embedded database's memory, the web app.
import { freePort, sleep } from '../bench-common.mjs';
import { embeddedExportMemory, exportsUnderLoad } from '../bench-exports.mjs';
import { benchWeb } from '../bench-web.mjs';
import { log, mib, ROOT } from './context.mjs';
import { load, PIDS, rssOf, rssSampler, summarize } from './measure.mjs';
import { checkPhysicalLimit, startPhysicalServer, storeDetailBodies } from './physical-limit.mjs';
import { checkRawBaseline, startRawServer } from './raw-baseline.mjs';

/**
 * Runs the scenarios against the API server `server` at `base`; their figures by key. With BENCH_ONLY=key,… only
 * those scenarios run (`only` is then the set of keys, and the caller writes no report).
 */
export async function runScenarios({ P, quick, db, base, server, DATABASE_URL, mainJs, workload, processes }) {
  const { czjSessions, detailTargets, requests } = workload;
  const common = { url: base, headers: { accept: 'application/json' } };
  const pid = server.pid;
  PIDS.server = pid;
  const results = {};

  // the raw baseline server
  const rawPort = await freePort();
  const raw = await startRawServer(rawPort, DATABASE_URL, processes.children);
  PIDS.raw = raw.pid;
  await checkRawBaseline(rawPort, base, detailTargets);
  // the physical limit: every project's own answer, stored, from one primary-key lookup
  const stored = await storeDetailBodies(db, base, detailTargets);
  log(`physical limit: the API's answers of ${stored.projects} projects stored (${(stored.bytes / 1048576).toFixed(1)} MiB, ${(stored.bytes / stored.projects / 1024).toFixed(1)} KiB each)`);
  const physPort = await freePort();
  const phys = await startPhysicalServer(physPort, DATABASE_URL, processes.children);
  PIDS.phys = phys.pid;
  await checkPhysicalLimit(physPort, base, stored.stored);
  results.bodyBytes = stored.bytes / stored.projects;

  // BENCH_COMPARE_MAIN=path/main.js: a second API server (another build, e.g. the commit before a change) on the same
  // database and sessions, its detail measured in the same alternating rounds — a before/after in the same minutes
  const compareMain = process.env.BENCH_COMPARE_MAIN;
  const compare = compareMain ? await processes.startApi(compareMain, DATABASE_URL, 'server-compare.log') : null;
  if (compare) {
    log(`comparison server ${compareMain} (pid ${compare.server.pid})`);
    await load('warm-up detail (comparison server)', { ...common, url: compare.base, requests: requests.detail, connections: 8, duration: P.warm }, compare.server.pid);
  }

  log('warm-up');
  await load('warm-up detail', { ...common, requests: requests.detail, connections: 8, duration: P.warm }, pid);
  await load('warm-up list', { ...common, requests: requests.list, connections: 8, duration: P.warm }, pid);

  // the batch export, on a quiet server
  log(`batch export: GET /api/exports?year=${P.exportYear}&form=declaration&format=xlsx`);
  const exportCount = (await db.query(`SELECT count(*)::int AS n FROM project WHERE year = $1`, [P.exportYear])).rows[0].n;
  await sleep(1000);
  const exportSampler = rssSampler(pid, 20);
  if (process.env.BENCH_SIGNAL_SCENARIOS === '1') process.kill(pid, 'SIGWINCH');
  const exportStarted = Date.now();
  const exRes = await fetch(`${base}/api/exports?year=${P.exportYear}&form=declaration&format=xlsx`, { headers: { authorization: `Bearer ${czjSessions[0].token}` } });
  let exportBytes = 0;
  for await (const chunk of exRes.body) exportBytes += chunk.length;
  const exportMs = Date.now() - exportStarted;
  if (process.env.BENCH_SIGNAL_SCENARIOS === '1') process.kill(pid, 'SIGWINCH');
  const exRss = exportSampler.stop();
  results.export = { status: exRes.status, projects: exportCount, ms: exportMs, bytes: exportBytes, rssBefore: exRss.start, rssPeak: exRss.peak, growth: exRss.peak - exRss.start };
  log(`export: ${exRes.status}, ${exportCount} projects, ${(exportBytes / 1048576).toFixed(1)} MiB in ${exportMs} ms, RSS ${mib(exRss.start)} → peak ${mib(exRss.peak)} (+${mib(exRss.peak - exRss.start)})`);

  log('detail: raw baseline vs API at maximum throughput');
  // BENCH_ONLY=detailMax,listRated,…: only these scenarios, no report (for profiling a change)
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
  const scenario = async (key, ...args) => {
    if (!only || only.has(key)) results[key] = await load(...args);
  };
  // the raw baseline and the API's detail in alternating rounds, so that a disturbance of the machine falls on both
  // (and the physical limit), so that a disturbance of the machine falls on all three
  if (!only || only.has('rawMax') || only.has('physMax') || only.has('detailMax')) {
    const conns = Number(process.env.BENCH_MAX_CONN ?? 16);
    const rawOpts = { url: `http://127.0.0.1:${rawPort}`, requests: requests.raw, connections: conns, duration: P.maxRound };
    const physOpts = { url: `http://127.0.0.1:${physPort}`, requests: requests.phys, connections: conns, duration: P.maxRound };
    const apiOpts = { ...common, requests: requests.detail, connections: conns, duration: P.maxRound };
    const rawRuns = [];
    const physRuns = [];
    const apiRuns = [];
    const compareRuns = [];
    const compareOpts = compare ? { ...apiOpts, url: compare.base } : null;
    const rounds = Number(process.env.BENCH_ROUNDS ?? P.rounds);
    for (let i = 0; i < rounds; i++) {
      rawRuns.push((await load(`raw baseline detail (max), round ${i + 1}`, rawOpts, raw.pid)).runs[0]);
      physRuns.push((await load(`physical limit detail (max), round ${i + 1}`, physOpts, phys.pid)).runs[0]);
      apiRuns.push((await load(`detail (max), round ${i + 1}`, apiOpts, pid)).runs[0]);
      const rps = (x) => x.times.length / x.elapsed;
      // CPU ms per answer of the server under test and PostgreSQL: steadier than req/s on a machine others share
      const cost = (x) => `${((((x.cpu.server + x.cpu.raw + x.cpu.pg) / 100) * 1000) / rps(x)).toFixed(2)}`;
      if (compare) {
        // (its CPU counted as the server's for the round)
        PIDS.server = compare.server.pid;
        compareRuns.push((await load(`detail (max), comparison server, round ${i + 1}`, compareOpts, compare.server.pid)).runs[0]);
        PIDS.server = pid;
      }
      log(
        `round ${i + 1}: API / physical limit ${((rps(apiRuns[i]) / rps(physRuns[i])) * 100).toFixed(1)} %, API / raw baseline ${((rps(apiRuns[i]) / rps(rawRuns[i])) * 100).toFixed(1)} %` +
          (compare ? `, comparison server / physical limit ${((rps(compareRuns[i]) / rps(physRuns[i])) * 100).toFixed(1)} %, API / comparison server ${((rps(apiRuns[i]) / rps(compareRuns[i])) * 100).toFixed(1)} %` : '') +
          `; CPU ms per answer (server + PostgreSQL): raw ${cost(rawRuns[i])}, physical limit ${cost(physRuns[i])}, API ${cost(apiRuns[i])}${compare ? `, comparison server ${cost(compareRuns[i])}` : ''}`,
      );
    }
    if (compare) results.detailMaxCompare = summarize('detail (max), comparison server', compareOpts, compareRuns);
    results.rawMax = summarize('raw baseline detail (max)', rawOpts, rawRuns);
    results.physMax = summarize('physical limit detail (max)', physOpts, physRuns);
    results.detailMax = summarize('detail (max)', apiOpts, apiRuns);
    log(`detail throughput: API / physical limit ${((results.detailMax.rps / results.physMax.rps) * 100).toFixed(1)} %, API / raw baseline ${((results.detailMax.rps / results.rawMax.rps) * 100).toFixed(1)} %`);
    if (compare) log(`detail throughput: comparison server / physical limit ${((results.detailMaxCompare.rps / results.physMax.rps) * 100).toFixed(1)} %, API / comparison server ${((results.detailMax.rps / results.detailMaxCompare.rps) * 100).toFixed(1)} %`);
  }
  await scenario('detailRated', 'detail @300 req/s', { ...common, requests: requests.detail, connections: 10, overallRate: 300, duration: P.rated }, pid);
  await scenario('listMax', 'list (max)', { ...common, requests: requests.list, connections: 16, duration: P.max }, pid);
  await scenario('listRated', 'list @200 req/s', { ...common, requests: requests.list, connections: 10, overallRate: 200, duration: P.rated }, pid);
  await scenario('putRated', 'PUT indicators @50 req/s', { ...common, requests: requests.put, connections: 5, overallRate: 50, duration: P.write }, pid);
  await scenario('transitionsMax', 'transitions submit/withdraw (max)', { ...common, requests: requests.transition, connections: 8, duration: P.max }, pid);
  await scenario('loginMax', 'login (max)', { ...common, requests: requests.login, connections: 4, duration: P.login }, pid);
  // issue 13: the finance reviewer queues ten whole-year PDF exports while a department reviewer reads projects
  if (!only || only.has('exportsLoad')) {
    log('exports under load: ten queued whole-year PDF exports while another user reads (scripts/bench-exports.mjs)');
    results.exportsLoad = await exportsUnderLoad({
      base,
      token: czjSessions[1].token,
      year: P.exportYear,
      requests: requests.other,
      run: (name, opts) => load(name, opts, pid),
      merge: summarize,
      rss: () => rssOf(pid),
      common,
      quick,
      say: log,
    });
  }
  // the embedded database's memory after large exports (a server of its own on a throw-away DATA_DIR)
  if (!only || only.has('embeddedExport')) {
    log('embedded database: memory after three large exports in a row');
    results.embeddedExport = await embeddedExportMemory({ mainJs, root: ROOT, count: quick ? 100 : 500, year: 2031, say: log, rss: rssOf }).catch((e) => {
      log(`embedded export measurement failed: ${e.stack ?? e}`);
      return { error: String(e.message ?? e) };
    });
  }
  // the web app in Chromium: Lighthouse of the login page and the table editor, typing into a 300-row table
  if (!only || only.has('web')) {
    log('web: Lighthouse and typing latency in Chromium (scripts/bench-web.mjs)');
    results.web = await benchWeb(base, { say: log }).catch((e) => {
      log(`web measurements failed: ${e.stack ?? e}`);
      return { error: String(e.message ?? e).split('\n')[0] };
    });
  }
  return { results, only };
}
