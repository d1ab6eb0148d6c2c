#!/usr/bin/env node
// The benchmark suite (issue 7): realistic data on a real PostgreSQL, the production server, autocannon over loopback,
// a raw `pg` + bare `http` baseline of the detail query and the physical limit (each project's own answer by primary
// key), budgets, and BENCHMARKS.md with the figures.
//
//   npm run bench               the full run (2,000 projects × 30 indicators, 15–30 s per scenario) → BENCHMARKS.md
//   npm run bench -- --quick    a smaller run (400 projects, 4 s per scenario) in under two minutes → tmp/bench/BENCHMARKS.quick.md
//   npm run bench -- --scale N[,N2…]  the budgets on the base data, then after growing it to each size in turn, in one
//                               run (scripts/bench/scale*.mjs) → tmp/bench/SCALE-<sizes>.md and its scale section of BENCHMARKS.md
//
// Everything runs on this machine: the load generator (this process), the API server, the raw baseline server and
// PostgreSQL (started and stopped with scripts/pg-test-server.sh). Plain Node ESM, no build step of its own. The parts
// are in scripts/bench/: the processes, the generated data, the simulated users, the raw baseline, the scenarios, the
// measurements, the budgets and the report.
//
// For looking into a change (no report is written with BENCH_ONLY or BENCH_HOLD):
//   BENCH_ONLY=rawMax,physMax,detailMax,detailRated,listMax,listRated,putRated,transitionsMax,loginMax,exportsLoad,embeddedExport,web
//   BENCH_HOLD=1                 set up servers, data and sessions, print them, and wait (Ctrl-C ends)
//   BENCH_API_MAIN=path/main.js  benchmark another build of the API (e.g. of an earlier commit)
//   BENCH_COMPARE_MAIN=path/main.js  a second API server (another build) on the same data: its detail in the same rounds
//   BENCH_ROUNDS=n               rounds of the alternating maximum-throughput rounds (raw, physical limit, API, comparison)
//   BENCH_MAX_CONN=16            connections of the maximum-throughput rounds
//   BENCH_SERVER_NODE_ARGS=…     extra node options of the API server; BENCH_SIGNAL_SCENARIOS=1 sends it SIGWINCH at the
//                                start and the end of every scenario (to toggle a profiler loaded with --require)
//   BENCH_PG_STATE=/tmp/x.state  the state file of the bench's own PostgreSQL (default /tmp/pt-bench.state; two benches at once)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { INDICATORS } from './bench-common.mjs';
import { attachmentsMemory } from './bench/attachments.mjs';
import { budgets, webBundle } from './bench/budgets.mjs';
import { log, OUT_DIR, ROOT } from './bench/context.mjs';
import { describeData, generate } from './bench/generate.mjs';
import { rssOf } from './bench/measure.mjs';
import { report } from './bench/report.mjs';
import { runScale, scaleSections } from './bench/scale-run.mjs';
import { runScenarios } from './bench/scenarios.mjs';
import { BenchProcesses, buildApi } from './bench/servers.mjs';
import { prepareWorkload } from './bench/workload.mjs';

async function main() {
  const quick = process.argv.includes('--quick');
  const scaleAt = process.argv.indexOf('--scale');
  // --scale N or N1,N2,…: the sizes to grow the data to in turn, one run
  const scaleNs = scaleAt >= 0 ? String(process.argv[scaleAt + 1]).split(',').map(Number) : null;
  if (scaleNs && !scaleNs.every((n, i) => n > 0 && (i === 0 || n > scaleNs[i - 1]))) throw new Error('--scale N[,N2…]: ascending target counts (more than the base data holds)');
  const scaleN = scaleNs ? scaleNs.at(-1) : null;
  const P = quick
    ? { projectsPerUnit: 2, warm: 3, max: 4, rounds: 1, maxRound: 4, rated: 4, write: 4, login: 3, exportYear: 2025 }
    : { projectsPerUnit: 10, warm: 5, max: 15, rounds: 3, maxRound: 8, rated: 30, write: 30, login: 10, exportYear: 2025 };
  const runStarted = Date.now();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const processes = new BenchProcesses();
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      processes.cleanup();
      process.exit(130);
    });
  }

  try {
    // 1. the production build (BENCH_API_MAIN: another build of the API, e.g. of an earlier commit, for a before/after comparison)
    const mainJs = buildApi();
    // the web app (built before the server starts, which serves it): its initial bundle, from the Angular build's report
    // (not for --scale or BENCH_ONLY, which report no web figures)
    const web = scaleN || process.env.BENCH_ONLY ? null : webBundle(quick);
    // 2. PostgreSQL (a throw-away server of its own)
    const DATABASE_URL = processes.startPostgres();
    // 3. the production server: migrations and demo data on the empty database
    const { server, base, bootMs } = await processes.startApi(mainJs, DATABASE_URL);

    // 4. the data
    const db = await processes.connect(DATABASE_URL);
    log(`generating data: 20 departments, 200 units, ${200 * P.projectsPerUnit} projects × ${INDICATORS.length} indicators`);
    const genMs = await generate(db, P, base);
    const { counts, byStatus, pgVersion, pgSettings } = await describeData(db);
    log(`data generated in ${(genMs / 1000).toFixed(1)} s:`, JSON.stringify(counts), JSON.stringify(byStatus));

    // 5. the simulated users, the projects they read and write, their requests
    const workload = await prepareWorkload(db, base);

    // BENCH_HOLD=1: keep the servers and the data up for a look by hand (Ctrl-C ends)
    if (process.env.BENCH_HOLD === '1') {
      log(`holding: DATABASE_URL=${DATABASE_URL} API=${base} czj token=${workload.czjSessions[0].token}`);
      await new Promise(() => undefined);
    }

    // --scale N: the budgets at the base size and at N targets, and their growth
    if (scaleN) {
      await runScale({ Ns: scaleNs, P, db, base, server, workload });
      return;
    }

    // 6. the raw baseline and the scenarios
    const { results, only } = await runScenarios({ P, quick, db, base, server, DATABASE_URL, mainJs, workload, processes });
    // 佐证材料: ten 20 MB uploads and downloads at once keep the server's extra RSS under 100 MB (BENCH_ONLY=attachments)
    if (!only || only.has('attachments')) results.attachments = await attachmentsMemory({ base, pid: server.pid, say: log });
    if (only) return;
    const rssEnd = rssOf(server.pid);

    // the writes left the data consistent: every pool project's version is the one the last answer gave
    const { pool } = workload;
    const check = (await db.query(`SELECT id, version FROM project WHERE id = ANY($1::uuid[])`, [pool.map((p) => p.id)])).rows;
    // (a request still in flight when a scenario stopped has no answer to compare with: those are left out)
    const mismatched = check.filter((r) => {
      const p = pool.find((x) => x.id === r.id);
      return !p.busy && p.version !== r.version;
    }).length;
    const auditRows = (await db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    await processes.disconnect();

    // 7. the report
    const totalS = (Date.now() - runStarted) / 1000;
    const machine = {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      ram: os.totalmem(),
      os: `${os.type()} ${os.release()} (${os.arch()})`,
      node: process.version,
      pg: pgVersion,
      pgSettings,
    };
    const md = report({ quick, P, machine, counts, byStatus, results, bootMs, genMs, totalS, web, rssEnd, mismatched, auditRows });
    const file = quick ? path.join(OUT_DIR, 'BENCHMARKS.quick.md') : path.join(ROOT, 'BENCHMARKS.md');
    // the scale section (written by --scale N) is carried over
    const kept = scaleSections(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
    fs.writeFileSync(file, kept ? `${md.trimEnd()}\n\n${kept}\n` : md);
    log(`wrote ${path.relative(ROOT, file)} (total ${totalS.toFixed(0)} s)`);
    const failed = budgets(results, web).filter((b) => !b.met);
    if (failed.length) log(`budgets not met: ${failed.map((b) => b.name).join('; ')}`);
    else log('every budget met');
  } finally {
    processes.cleanup();
  }
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  // (a failed run may leave a timer or socket behind: the run is over either way)
  .finally(() => process.exit());
