#!/usr/bin/env node
// The benchmark suite (issue 7): realistic data on a real PostgreSQL, the production server, autocannon over loopback,
// a raw `pg` + bare `http` baseline of the detail query, budgets, and BENCHMARKS.md with the figures.
//
//   npm run bench               the full run (2,000 projects × 30 indicators, 15–30 s per scenario) → BENCHMARKS.md
//   npm run bench -- --quick    a smaller run (400 projects, 4 s per scenario) in under two minutes → tmp/bench/BENCHMARKS.quick.md
//
// Everything runs on this machine: the load generator (this process), the API server, the raw baseline server and
// PostgreSQL (started and stopped with scripts/pg-test-server.sh). Plain Node ESM, no build step of its own.
//
// For looking into a change (no report is written with BENCH_ONLY or BENCH_HOLD):
//   BENCH_ONLY=rawMax,detailMax,detailRated,listMax,listRated,putRated,transitionsMax,loginMax,exportsLoad,embeddedExport,web
//   BENCH_HOLD=1                 set up servers, data and sessions, print them, and wait (Ctrl-C ends)
//   BENCH_API_MAIN=path/main.js  benchmark another build of the API (e.g. of an earlier commit)
//   BENCH_MAX_CONN=16            connections of the maximum-throughput rounds
//   BENCH_SERVER_NODE_ARGS=…     extra node options of the API server; BENCH_SIGNAL_SCENARIOS=1 sends it SIGWINCH at the
//                                start and the end of every scenario (to toggle a profiler loaded with --require)
import autocannon from 'autocannon';
import { execFileSync, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import pg from 'pg';
import { api, DEMO_PASSWORD, freePort, INDICATORS, sleep, waitFor } from './bench-common.mjs';
import { embeddedExportMemory, exportLoadBudgets, exportsUnderLoad } from './bench-exports.mjs';
import { benchWeb, WEB_BUDGETS } from './bench-web.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'tmp', 'bench');
const PG_STATE = '/tmp/pt-bench.state';

// ------------------------------------------------------------------------------------------------ the detail SQL
// The same statements, in the same order, as ProjectsService.get (findVisible → toProject → loadGoals) in
// libs/api/projects/src/lib/projects.service.ts (with orgVisibleSql of org-scope.service.ts). Keep them in step.
const PROJECT_COLUMNS = `p.id, p.org_id, o.name AS org_name, d.name AS department_name, p.year, p.name, p.framework_code, p.status,
         p.nature, p.category, p.start_date::text AS start_date, p.end_date::text AS end_date,
         p.government_purchase, p.performance_type,
         p.fund_total::text AS fund_total, p.fund_fiscal::text AS fund_fiscal, p.fund_other::text AS fund_other,
         p.fund_annual_total::text AS fund_annual_total, p.fund_annual_fiscal::text AS fund_annual_fiscal,
         p.fund_carryover::text AS fund_carryover, p.fund_annual_other::text AS fund_annual_other,
         p.last_year_budget::text AS last_year_budget, p.last_year_executed::text AS last_year_executed,
         p.overview, p.basis, p.necessity, p.measures, p.plan, p.version, p.revision, p.created_at, p.updated_at`;
const PROJECT_FROM = `FROM project p JOIN org o ON o.id = p.org_id LEFT JOIN org d ON d.id = o.parent_id AND d.kind = 'department'`;
const RAW_SQL = {
  project: `SELECT ${PROJECT_COLUMNS}
    ${PROJECT_FROM} WHERE p.id = $1 AND EXISTS (WITH RECURSIVE up AS (
         SELECT id, parent_id FROM org WHERE id = p.org_id
         UNION ALL SELECT o.id, o.parent_id FROM org o JOIN up ON o.id = up.parent_id)
       SELECT 1 FROM up WHERE up.id = $2)`,
  goals: `SELECT g.id, g.project_id, g.kind, g.year, g.text,
              i.id AS i_id, i.level1, i.level2, i.name, i.target_raw, i.core, i.weight::text AS weight
         FROM project_goal g LEFT JOIN indicator i ON i.goal_id = g.id
        WHERE g.project_id = ANY($1::uuid[])
        ORDER BY g.project_id, g.kind DESC, g.year, g.id, i.position`,
  comments: `SELECT id, indicator_id, indicator_name, comment, user_name, at, action FROM review_comment WHERE project_id = $1 ORDER BY at, id`,
};

/** `node scripts/bench.mjs --raw-server PORT`: the baseline — the detail SQL with plain `pg` on a bare `http` handler. */
async function rawServer(port) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
  const server = http.createServer(async (req, res) => {
    const m = /^\/raw\/projects\/([0-9a-f-]{36})\?org=([0-9a-f-]{36})$/.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const [, id, org] = m;
    try {
      const {
        rows: [row],
      } = await pool.query(RAW_SQL.project, [id, org]);
      if (!row) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"statusCode":404}');
        return;
      }
      const { rows } = await pool.query(RAW_SQL.goals, [[id]]);
      const { rows: comments } = await pool.query(RAW_SQL.comments, [id]);
      const goals = [];
      for (const r of rows) {
        if (goals.at(-1)?.id !== r.id) goals.push({ id: r.id, projectId: r.project_id, kind: r.kind, year: r.year, text: r.text, indicators: [] });
        if (r.i_id !== null) goals.at(-1).indicators.push({ id: r.i_id, level1: r.level1, level2: r.level2, name: r.name, core: r.core, weight: r.weight, target: r.target_raw });
      }
      const body = JSON.stringify({ ...row, goals, reviewComments: comments });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: `"${row.version}"` }).end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write('raw-ready\n'));
}

// ------------------------------------------------------------------------------------------------ generated data
const DEPARTMENTS = [
  '教育局', '卫生健康委员会', '民政局', '人力资源和社会保障局', '住房和城乡建设管理委员会', '交通委员会', '生态环境局',
  '农业农村委员会', '文化和旅游局', '科学技术委员会', '商务委员会', '应急管理局', '市场监督管理局', '体育局', '统计局',
  '司法局', '水务局', '绿化和市容管理局', '规划和自然资源局', '退役军人事务局',
];
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const TOPICS = ['信息化系统运行维护经费', '办公设备购置经费', '业务培训经费', '政策宣传经费', '办公用房修缮经费', '专项课题研究经费', '公共服务购买经费', '专项活动组织经费', '对口支援项目经费', '档案数字化经费'];
const TEXT = {
  overview: '本项目围绕年度重点工作任务，保障单位履职所需的业务支出，内容包括组织实施、采购服务、培训宣传和监督检查等环节，资金按进度拨付、专款专用。',
  basis: '依据《中华人民共和国预算法》及其实施条例、《项目支出绩效评价管理办法》（财预〔2020〕10号）和本单位“三定”方案及年度工作要点。',
  necessity: '项目是落实上级部署、保障基本公共服务的必要支出，不实施将影响年度目标任务的完成和服务对象的获得感。',
  measures: '制定项目管理办法和资金管理制度，明确责任分工，建立月度调度、季度检查和年终评价机制，严格执行政府采购和合同管理规定。',
  plan: '一季度完成方案制定和采购准备，二、三季度组织实施并开展中期检查，四季度完成验收、资金结算和绩效自评。',
};

/** Generate departments, units, users and projects (with goals, indicators, history, comments, evaluations, monitoring). */
async function generate(db, { projectsPerUnit }) {
  const t0 = Date.now();
  await db.query('BEGIN');
  const {
    rows: [czj],
  } = await db.query(`SELECT id FROM org WHERE code = 'CZJ'`);
  const {
    rows: [demoUser],
  } = await db.query(`SELECT password_hash FROM app_user WHERE username = 'xining'`);
  if (!czj || !demoUser) throw new Error('demo data missing (the server must start with DEMO=1 on an empty database)');
  // 20 departments under the finance bureau, 10 units each
  await db.query(
    `INSERT INTO org (code, name, kind, parent_id)
     SELECT 'BD' || lpad(d::text, 2, '0'), '示范区' || n, 'department', $1 FROM unnest($2::text[]) WITH ORDINALITY AS x(n, d)`,
    [czj.id, DEPARTMENTS],
  );
  await db.query(
    `INSERT INTO org (code, name, kind, parent_id)
     SELECT dep.code || '-U' || lpad(u::text, 2, '0'), dep.name || '直属单位' || ($1::text[])[u], 'unit', dep.id
       FROM org dep CROSS JOIN generate_series(1, 10) u WHERE dep.code LIKE 'BD__' AND dep.kind = 'department'`,
    [CN_NUM],
  );
  // one filler per unit, one reviewer per department (the demo password, so logins are correct)
  await db.query(
    `INSERT INTO app_user (username, display_name, password_hash, roles, org_id)
     SELECT 'bench_' || lower(replace(code, '-', '_')), name || '填报人', $1, '{filler}', id FROM org WHERE code LIKE 'BD__-U%'`,
    [demoUser.password_hash],
  );
  await db.query(
    `INSERT INTO app_user (username, display_name, password_hash, roles, org_id)
     SELECT 'bench_' || lower(code), name || '审核人', $1, '{dept_reviewer}', id FROM org WHERE code LIKE 'BD__' AND kind = 'department'`,
    [demoUser.password_hash],
  );
  // projects: half of 2025 (the export's year), half of 2026; a realistic mix of statuses (30 % draft, 15 % submitted,
  // 10 % department-approved, 35 % approved, 10 % returned); funds that add up; one overall and one annual goal each
  await db.query(
    `INSERT INTO project (org_id, year, name, framework_code, status, nature, category, start_date, end_date, government_purchase,
                          performance_type, fund_total, fund_fiscal, fund_other, fund_annual_total, fund_annual_fiscal, fund_carryover,
                          fund_annual_other, last_year_budget, last_year_executed, overview, basis, necessity, measures, plan,
                          version, created_by, created_at, updated_at)
     SELECT x.org_id, x.year, x.name, 'mof-2021', x.status, '经常性项目', '一般性项目', make_date(x.year, 1, 1), make_date(x.year, 12, 31), x.k % 3 = 0,
            '业务类', 1000 * x.a * x.m, 900 * x.a * x.m, 100 * x.a * x.m, 1000 * x.a, 800 * x.a, 100 * x.a, 100 * x.a,
            950 * x.a, 900 * x.a, $2, $3, $4, $5, $6,
            CASE x.status WHEN 'draft' THEN 1 WHEN 'submitted' THEN 2 WHEN 'dept_approved' THEN 3 WHEN 'approved' THEN 4 ELSE 3 END,
            x.user_id, now() - interval '120 days', now() - ((x.n * 131 + x.k * 17) % 129600) * interval '1 minute'
       FROM (
         SELECT u.id AS org_id, au.id AS user_id, u.n, k.k, 2025 + (k.k % 2) AS year, ($1::text[])[1 + k.k % 10] AS name,
                100 + (u.n * 37 + k.k * 101) % 900 AS a, 1 + k.k % 3 AS m,
                CASE WHEN (u.n * 7 + k.k * 13) % 20 < 6 THEN 'draft' WHEN (u.n * 7 + k.k * 13) % 20 < 9 THEN 'submitted'
                     WHEN (u.n * 7 + k.k * 13) % 20 < 11 THEN 'dept_approved' WHEN (u.n * 7 + k.k * 13) % 20 < 18 THEN 'approved'
                     ELSE 'returned' END AS status
           FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM org WHERE code LIKE 'BD__-U%') u
           JOIN app_user au ON au.org_id = u.id
           CROSS JOIN generate_series(0, $7::int - 1) AS k(k)
       ) x`,
    [TOPICS, TEXT.overview, TEXT.basis, TEXT.necessity, TEXT.measures, TEXT.plan, projectsPerUnit],
  );
  const GEN = `p.org_id IN (SELECT id FROM org WHERE code LIKE 'BD__-U%')`;
  await db.query(
    `INSERT INTO project_goal (project_id, kind, year, text)
     SELECT p.id, 'overall', NULL, '通过项目实施，全面完成年度重点任务，提升公共服务质量和群众满意度。' FROM project p WHERE ${GEN}
     UNION ALL
     SELECT p.id, 'annual', p.year, p.year || '年按计划完成项目各项任务，资金执行率达到95%以上，服务对象满意度不低于90%。' FROM project p WHERE ${GEN}`,
  );
  await db.query(
    `INSERT INTO indicator (goal_id, position, level1, level2, name, target_raw, core, weight)
     SELECT g.id, r.pos, r.level1, r.level2, r.name, replace(r.target, '{n}', (10 + abs(hashtext(g.id::text)::bigint) % 80)::text), r.pos < 3, NULL
       FROM project_goal g JOIN project p ON p.id = g.project_id AND ${GEN}
       CROSS JOIN unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) AS r(pos, level1, level2, name, target)
      WHERE g.kind = 'annual'`,
    [INDICATORS.map((_, i) => i), ...[0, 1, 2, 3].map((c) => INDICATORS.map((r) => r[c]))],
  );
  // the review history as the workflow writes it, and a row comment on every returned project
  await db.query(
    `INSERT INTO project_history (project_id, at, user_id, user_name, action, from_status, to_status, comment)
     SELECT p.id, p.created_at, p.created_by, '填报人', 'create', NULL, 'draft', NULL FROM project p WHERE ${GEN}
     UNION ALL
     SELECT p.id, p.created_at + interval '1 day', p.created_by, '填报人', 'submit', 'draft', 'submitted', NULL FROM project p WHERE ${GEN} AND p.status <> 'draft'
     UNION ALL
     SELECT p.id, p.created_at + interval '3 days', NULL, '主管部门审核人', 'approve', 'submitted', 'dept_approved', NULL FROM project p WHERE ${GEN} AND p.status IN ('dept_approved', 'approved')
     UNION ALL
     SELECT p.id, p.created_at + interval '5 days', NULL, '财政审核人', 'approve', 'dept_approved', 'approved', '同意' FROM project p WHERE ${GEN} AND p.status = 'approved'
     UNION ALL
     SELECT p.id, p.created_at + interval '3 days', NULL, '主管部门审核人', 'return', 'submitted', 'returned', '请补充指标依据' FROM project p WHERE ${GEN} AND p.status = 'returned'`,
  );
  await db.query(
    `INSERT INTO review_comment (project_id, history_id, indicator_id, indicator_name, comment, user_name, action, at)
     SELECT p.id, h.id, i.id, i.name, '指标值偏低，请结合上年实际完成情况调整。', '主管部门审核人', 'return', h.at
       FROM project p JOIN project_history h ON h.project_id = p.id AND h.action = 'return'
       JOIN project_goal g ON g.project_id = p.id AND g.kind = 'annual' JOIN indicator i ON i.goal_id = g.id AND i.position = 0
      WHERE ${GEN} AND p.status = 'returned'`,
  );
  // self-evaluations of the approved 2025 projects, monitoring (June) of the approved 2026 ones; synthetic but valid
  await db.query(
    `INSERT INTO project_evaluation (project_id, status, annual_budget, executed, goal_achievement, items, execution_rate, execution_score,
                                     indicator_score, total_score, grade, updated_by)
     SELECT id, (ARRAY['draft', 'submitted', 'approved'])[(1 + s % 3)::int], fund_annual_total, round(fund_annual_total * r, 2), '年度目标基本完成。', '[]',
            round(r * 100, 2), round(r * 10, 2), isc, round(r * 10, 2) + isc,
            CASE WHEN round(r * 10, 2) + isc >= 90 THEN '优' WHEN round(r * 10, 2) + isc >= 80 THEN '良' WHEN round(r * 10, 2) + isc >= 60 THEN '中' ELSE '差' END,
            created_by
       FROM (SELECT p.*, abs(hashtext(p.id::text)::bigint) % 1000 AS s, 0.70 + (abs(hashtext(p.id::text)::bigint) % 30) / 100.0 AS r,
                    45 + abs(hashtext(p.id::text)::bigint) % 45 AS isc
               FROM project p WHERE ${GEN} AND p.status = 'approved' AND p.year = 2025) x`,
  );
  await db.query(
    `INSERT INTO project_monitoring (project_id, month, annual_budget, executed, expected_executed, items, light, budget_light, execution_rate, updated_by)
     SELECT p.id, 6, p.fund_annual_total, round(p.fund_annual_total * 0.45, 2), round(p.fund_annual_total * 0.5, 2), '[]',
            (ARRAY['green', 'green', 'yellow', 'red'])[(1 + abs(hashtext(p.id::text)::bigint) % 4)::int], 'green', 45.00, p.created_by
       FROM project p WHERE ${GEN} AND p.status = 'approved' AND p.year = 2026`,
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
  return Date.now() - t0;
}

// ------------------------------------------------------------------------------------------------ helpers
const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);


/** Resident set size of a process in bytes (Linux /proc), null elsewhere. */
function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Sample a process's RSS every `ms` until stopped; returns { start, peak, end }. */
function rssSampler(pid, ms = 50) {
  const start = rssOf(pid);
  let peak = start ?? 0;
  const timer = setInterval(() => {
    const v = rssOf(pid);
    if (v !== null && v > peak) peak = v;
  }, ms);
  return {
    stop() {
      clearInterval(timer);
      const end = rssOf(pid);
      if (end !== null && end > peak) peak = end;
      return { start, peak, end };
    },
  };
}

/** CPU seconds (user + system) of a process, from /proc/<pid>/stat; 0 when gone. */
function cpuOf(pid) {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return 0;
  }
}

/** The postmaster and its children (the backends), by pid. */
function pgPids() {
  try {
    const { DIR } = Object.fromEntries(fs.readFileSync(PG_STATE, 'utf8').trim().split('\n').map((l) => l.split('=')));
    const master = Number(fs.readFileSync(path.join(DIR, 'data/postmaster.pid'), 'utf8').split('\n')[0]);
    const kids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
      try {
        return Number(fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === master;
      } catch {
        return false;
      }
    });
    return [master, ...kids.map(Number)];
  } catch {
    return [];
  }
}

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat. */
function machineBusy() {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds so far of the bench process, the API server, the raw server and PostgreSQL (exited backends are lost). */
function cpuSnapshot(pids) {
  const u = process.cpuUsage();
  const pgList = pgPids();
  return {
    machine: machineBusy(),
    bench: (u.user + u.system) / 1e6,
    server: cpuOf(pids.server),
    raw: pids.raw ? cpuOf(pids.raw) : 0,
    pg: Object.fromEntries(pgList.map((p) => [p, cpuOf(p)])),
  };
}

/** CPU used between two snapshots, in % of one core: by each part, and by everything else on the machine. */
function cpuDelta(a, b, seconds) {
  const pg = Object.entries(b.pg).reduce((s, [pid, v]) => s + v - (a.pg[pid] ?? 0), 0);
  const share = (x) => Math.max(0, Math.round((100 * x) / seconds));
  const ours = b.bench - a.bench + (b.server - a.server) + (b.raw - a.raw) + pg;
  return { bench: share(b.bench - a.bench), server: share(b.server - a.server), raw: share(b.raw - a.raw), pg: share(pg), other: share(b.machine - a.machine - ours) };
}

const mib = (b) => (b === null || b === undefined ? '–' : `${(b / 1024 / 1024).toFixed(0)} MiB`);
const ms = (v) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}



const etagVersion = (h) => {
  const v = h && (h.etag ?? h.ETag ?? h.Etag ?? Object.entries(h).find(([k]) => k.toLowerCase() === 'etag')?.[1]);
  const m = /(\d+)/.exec(String(v ?? ''));
  return m ? Number(m[1]) : null;
};

// ------------------------------------------------------------------------------------------------ one load scenario
/**
 * Run autocannon and collect every response's own time (the percentiles are computed from those, without
 * autocannon's coordinated-omission correction, which with `overallRate` adds a synthetic sample every 1 ms below
 * each measured time), the status codes and the server's peak RSS.
 */
const PIDS = { server: 0, raw: 0 };

async function load(name, opts, serverPid) {
  await sleep(500);
  const times = [];
  const sampler = serverPid ? rssSampler(serverPid, 100) : null;
  const cpu0 = cpuSnapshot(PIDS);
  const signal = process.env.BENCH_SIGNAL_SCENARIOS === '1' && serverPid === PIDS.server;
  if (signal) process.kill(serverPid, 'SIGWINCH');
  const started = Date.now();
  const instance = autocannon({ timeout: 10, ...(opts.overallRate ? { ignoreCoordinatedOmission: true } : {}), ...opts });
  instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  const result = await instance;
  const elapsed = (Date.now() - started) / 1000;
  if (signal) process.kill(serverPid, 'SIGWINCH');
  const rss = sampler ? sampler.stop() : null;
  const cpu = cpuDelta(cpu0, cpuSnapshot(PIDS), elapsed);
  const codes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return summarize(name, opts, [{ times, elapsed, codes, errors: result.errors, timeouts: result.timeouts, rssPeak: rss?.peak ?? null, cpu }]);
}

/** The figures of one scenario from one or more runs of it (alternating rounds): every response time counts. */
function summarize(name, opts, runs) {
  const times = runs.flatMap((x) => x.times).sort((a, b) => a - b);
  const elapsed = runs.reduce((s, x) => s + x.elapsed, 0);
  const codes = {};
  for (const x of runs) for (const [k, v] of Object.entries(x.codes)) codes[k] = (codes[k] ?? 0) + v;
  const ok = Object.entries(codes).filter(([k]) => k.startsWith('2')).reduce((s, [, v]) => s + v, 0);
  const cpu = {};
  for (const k of Object.keys(runs[0].cpu)) cpu[k] = Math.round(runs.reduce((s, x) => s + x.cpu[k] * x.elapsed, 0) / elapsed);
  const r = {
    name,
    connections: opts.connections,
    rate: opts.overallRate ?? null,
    duration: opts.duration * runs.length,
    rounds: runs.length,
    requests: times.length,
    rps: times.length / elapsed,
    p50: percentile(times, 50),
    p975: percentile(times, 97.5),
    p99: percentile(times, 99),
    max: times.length ? times[times.length - 1] : NaN,
    errors: runs.reduce((s, x) => s + x.errors, 0),
    timeouts: runs.reduce((s, x) => s + x.timeouts, 0),
    non2xx: times.length - ok,
    codes,
    rssPeak: runs.some((x) => x.rssPeak !== null) ? Math.max(...runs.map((x) => x.rssPeak ?? 0)) : null,
    cpu,
    runs,
  };
  log(
    `${name}${runs.length > 1 ? ` (${runs.length} rounds)` : ''}: ${r.rps.toFixed(0)} req/s, p50 ${ms(r.p50)} ms, p97.5 ${ms(r.p975)} ms, p99 ${ms(r.p99)} ms, errors ${r.errors}, non-2xx ${r.non2xx}`,
    JSON.stringify(codes),
    r.rssPeak !== null ? `RSS peak ${mib(r.rssPeak)}` : '',
    `CPU % bench ${cpu.bench} server ${cpu.server} raw ${cpu.raw} pg ${cpu.pg} other ${cpu.other}`,
  );
  return r;
}

// ------------------------------------------------------------------------------------------------ the run
async function main() {
  const quick = process.argv.includes('--quick');
  const P = quick
    ? { projectsPerUnit: 2, warm: 3, max: 4, rounds: 1, maxRound: 4, rated: 4, write: 4, login: 3, exportYear: 2025 }
    : { projectsPerUnit: 10, warm: 5, max: 15, rounds: 3, maxRound: 8, rated: 30, write: 30, login: 10, exportYear: 2025 };
  const runStarted = Date.now();
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const children = [];
  let pgStarted = false;
  let db = null;
  let stopping = false;
  const cleanup = () => {
    stopping = true;
    db?.end().catch(() => undefined);
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    if (pgStarted) {
      try {
        execFileSync('bash', [path.join(ROOT, 'scripts/pg-test-server.sh'), 'stop'], { env: { ...process.env, PG_TEST_STATE: PG_STATE }, stdio: 'ignore' });
      } catch {
        /* already gone */
      }
      pgStarted = false;
    }
  };
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      cleanup();
      process.exit(130);
    });
  }

  try {
    // 1. the production build
    // (BENCH_API_MAIN: another build of the API, e.g. of an earlier commit, for a before/after comparison)
    const mainJs = process.env.BENCH_API_MAIN ? path.resolve(process.env.BENCH_API_MAIN) : path.join(ROOT, 'dist/apps/api/main.js');
    if (!process.env.BENCH_API_MAIN) {
      log('npx nx run api:build (the build of this checkout; Nx replays it when cached)');
      execSync('npx nx run api:build --output-style=static', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    }

    // the web app (built before the server starts, which serves it): its initial bundle, from the Angular build's report
    const web = webBundle(quick);

    // 2. PostgreSQL (a throw-away server of its own)
    log('starting PostgreSQL (scripts/pg-test-server.sh)');
    if (fs.existsSync(PG_STATE)) execFileSync('bash', [path.join(ROOT, 'scripts/pg-test-server.sh'), 'stop'], { env: { ...process.env, PG_TEST_STATE: PG_STATE }, stdio: 'ignore' });
    const pgOut = execFileSync('bash', [path.join(ROOT, 'scripts/pg-test-server.sh'), 'start'], {
      env: { ...process.env, PG_TEST_STATE: PG_STATE },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    pgStarted = true;
    const DATABASE_URL = /DATABASE_URL=(\S+)/.exec(pgOut.trim().split('\n').pop() ?? '')?.[1];
    if (!DATABASE_URL) throw new Error(`no DATABASE_URL from pg-test-server.sh: ${pgOut}`);

    // 3. the production server: migrations and demo data on the empty database
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const serverLog = fs.openSync(path.join(OUT_DIR, 'server.log'), 'w');
    const t0 = Date.now();
    // BENCH_SERVER_NODE_ARGS: extra node options for the API server (e.g. a profiler), BENCH_SIGNAL_SCENARIOS=1: SIGWINCH to it
    // at the start and the end of every scenario (to toggle such a profiler)
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(' ') : [];
    const server = spawn(process.execPath, [...nodeArgs, mainJs], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL, DEMO: '1', PORT: String(port) },
      stdio: ['ignore', serverLog, serverLog],
    });
    children.push(server);
    server.on('exit', (code, signal) => !stopping && log(`API server exited: code ${code}, signal ${signal} (see tmp/bench/server.log)`));
    await waitFor(`${base}/api/health`, 180_000, server, path.join(OUT_DIR, 'server.log'));
    const bootMs = Date.now() - t0;
    log(`server ready in ${(bootMs / 1000).toFixed(1)} s (pid ${server.pid}, port ${port})`);

    // 4. the data
    db = new pg.Client({ connectionString: DATABASE_URL });
    db.on('error', () => undefined); // the server stopping under it at the end
    await db.connect();
    log(`generating data: 20 departments, 200 units, ${200 * P.projectsPerUnit} projects × ${INDICATORS.length} indicators`);
    const genMs = await generate(db, P);
    const counts = (
      await db.query(`SELECT
        (SELECT count(*) FROM org WHERE kind = 'finance')::int AS finance,
        (SELECT count(*) FROM org WHERE kind = 'department')::int AS departments,
        (SELECT count(*) FROM org WHERE kind = 'unit')::int AS units,
        (SELECT count(*) FROM app_user)::int AS users,
        (SELECT count(*) FROM project)::int AS projects,
        (SELECT count(*) FROM project_goal)::int AS goals,
        (SELECT count(*) FROM indicator)::int AS indicators,
        (SELECT count(*) FROM project_history)::int AS history,
        (SELECT count(*) FROM review_comment)::int AS comments,
        (SELECT count(*) FROM project_evaluation)::int AS evaluations,
        (SELECT count(*) FROM project_monitoring)::int AS monitoring`)
    ).rows[0];
    const byStatus = Object.fromEntries((await db.query(`SELECT status, count(*)::int AS n FROM project GROUP BY status ORDER BY status`)).rows.map((r) => [r.status, r.n]));
    const pgVersion = (await db.query('SHOW server_version')).rows[0].server_version;
    const pgSettings = Object.fromEntries(
      (await db.query(`SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'shared_buffers', 'max_connections')`)).rows.map((r) => [r.name, r.setting]),
    );
    log(`data generated in ${(genMs / 1000).toFixed(1)} s:`, JSON.stringify(counts), JSON.stringify(byStatus));

    // 5. sessions: finance reviewer, department reviewers, unit fillers (one session per simulated user)
    const login = async (username) => {
      const r = await api(base, 'POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text}`);
      return { token: r.json.accessToken, user: r.json.user };
    };
    const czjSessions = [];
    for (let i = 0; i < 4; i++) czjSessions.push(await login('czj'));
    const reviewers = (await db.query(`SELECT username FROM app_user WHERE username LIKE 'bench_bd__' ORDER BY username LIMIT 10`)).rows;
    const reviewerSessions = [];
    for (const r of reviewers) reviewerSessions.push(await login(r.username));
    // drafts of the first units for the writes: half for PUT indicators, half for submit/withdraw
    const drafts = (
      await db.query(
        `SELECT p.id, p.version, u.username FROM project p JOIN app_user u ON u.org_id = p.org_id AND u.username LIKE 'bench_%'
          WHERE p.status = 'draft' ORDER BY u.username, p.id LIMIT 80`,
      )
    ).rows;
    const fillerTokens = new Map();
    for (const d of drafts) if (!fillerTokens.has(d.username)) fillerTokens.set(d.username, (await login(d.username)).token);
    log(`${czjSessions.length + reviewerSessions.length + fillerTokens.size} sessions`);

    // the detail targets: (session, project) pairs a user may see — finance sees all, a department its units', a unit its own
    const allProjects = (await db.query(`SELECT p.id, p.org_id, o.parent_id FROM project p JOIN org o ON o.id = p.org_id ORDER BY p.id`)).rows;
    const detailTargets = [];
    for (const [i, p] of allProjects.entries()) {
      const s = czjSessions[i % czjSessions.length];
      detailTargets.push({ token: s.token, orgId: s.user.orgId, id: p.id });
    }
    for (const s of reviewerSessions) {
      for (const p of allProjects.filter((p) => p.parent_id === s.user.orgId)) detailTargets.push({ token: s.token, orgId: s.user.orgId, id: p.id });
    }
    // shuffle (deterministically) so consecutive requests hit different projects and sessions
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = detailTargets.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [detailTargets[i], detailTargets[j]] = [detailTargets[j], detailTargets[i]];
    }
    let detailNext = 0;
    const nextTarget = () => detailTargets[detailNext++ % detailTargets.length];

    // the list targets: year, organisation (a department or a unit), status, page — as the list page sends them
    const depts = (await db.query(`SELECT id FROM org WHERE kind = 'department' AND code LIKE 'BD__' ORDER BY code`)).rows.map((r) => r.id);
    const units = (await db.query(`SELECT id FROM org WHERE kind = 'unit' AND code LIKE 'BD__-U%' ORDER BY code`)).rows.map((r) => r.id);
    const statuses = [undefined, 'draft', 'submitted', 'dept_approved', 'approved', 'returned'];
    const listTargets = [];
    for (let i = 0; i < 600; i++) {
      const kind = i % 4;
      const s = kind === 3 && reviewerSessions.length ? reviewerSessions[i % reviewerSessions.length] : czjSessions[i % czjSessions.length];
      const q = new URLSearchParams({ year: String(2025 + (i % 2)) });
      if (kind === 0) q.set('orgId', depts[i % depts.length]);
      if (kind === 1) q.set('orgId', units[(i * 7) % units.length]);
      const st = statuses[i % statuses.length];
      if (st && kind !== 1) q.set('status', st);
      q.set('page', String(1 + (i % 3)));
      // the other filters of the list page: the name search, and the self-evaluation grade (2025) or light (2026)
      if (i % 10 === 4) q.set('q', ['培训', '信息化', '经费', '第三'][(i / 10) % 4 | 0]);
      if (i % 20 === 9) q.set('year', '2025'), q.set('grade', ['优', '良', '中'][(i / 20) % 3 | 0]);
      if (i % 20 === 19) q.set('year', '2026'), q.set('light', ['green', 'yellow', 'red'][(i / 20) % 3 | 0]);
      listTargets.push({ token: s.token, path: `/api/projects?${q}` });
    }
    let listNext = 0;

    // the write pools: each project is worked on by one connection at a time, its ETag kept from the answers
    const pool = drafts.map((d) => ({ id: d.id, version: d.version, token: fillerTokens.get(d.username), status: 'draft', busy: false, body: null }));
    const putPool = pool.filter((_, i) => i % 2 === 0);
    const transitionPool = pool.filter((_, i) => i % 2 === 1);
    for (const p of putPool) {
      const r = await api(base, 'GET', `/api/projects/${p.id}`, { token: p.token });
      p.version = etagVersion({ etag: r.etag });
      p.rows = r.json.indicators.map((i) => ({ id: i.id, level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw, core: i.core, weight: i.weight }));
      p.flip = 0;
    }
    // the generated tables pass every check (a submit would be refused with 422 otherwise)
    const probe = await api(base, 'GET', `/api/projects/${transitionPool[0].id}/findings`, { token: transitionPool[0].token });
    const errorsFound = (probe.json?.findings ?? []).filter((f) => f.severity === 'error');
    if (probe.status !== 200 || errorsFound.length) throw new Error(`generated table has error findings: ${JSON.stringify(errorsFound)}`);
    const refresh = (p) => {
      api(base, 'GET', `/api/projects/${p.id}`, { token: p.token })
        .then((r) => {
          p.version = etagVersion({ etag: r.etag });
          p.status = r.json?.status ?? p.status;
        })
        .finally(() => (p.busy = false));
    };
    const take = (pl) => {
      const p = pl.find((x) => !x.busy);
      if (p) p.busy = true;
      return p;
    };
    const writeResponse = (pl, onOk) => (status, _body, context, headers) => {
      const p = context.p;
      if (!p) return;
      context.p = null;
      if (status >= 200 && status < 300) {
        p.version = etagVersion(headers) ?? p.version + 1;
        onOk?.(p);
        p.busy = false;
      } else refresh(p);
    };

    // BENCH_HOLD=1: keep the servers and the data up for a look by hand (Ctrl-C ends)
    if (process.env.BENCH_HOLD === '1') {
      log(`holding: DATABASE_URL=${DATABASE_URL} API=${base} czj token=${czjSessions[0].token}`);
      await new Promise(() => undefined);
    }

    const common = { url: base, headers: { accept: 'application/json' } };
    const pid = server.pid;
    PIDS.server = pid;
    const results = {};

    // 6. the raw baseline server
    const rawPort = await freePort();
    const raw = spawn(process.execPath, [fileURLToPath(import.meta.url), '--raw-server', String(rawPort)], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(raw);
    PIDS.raw = raw.pid;
    await new Promise((resolve, reject) => {
      raw.stdout.on('data', (d) => String(d).includes('raw-ready') && resolve());
      raw.on('exit', (c) => reject(new Error(`raw server exited ${c}`)));
    });
    // the baseline's statements are a copy of ProjectsService.get's: it must read what the API answers (same goals,
    // rows and comments, in the same order) — a check that fails when the two drift apart
    for (const t of detailTargets.slice(0, 20)) {
      const rawRes = await fetch(`http://127.0.0.1:${rawPort}/raw/projects/${t.id}?org=${t.orgId}`);
      if (rawRes.status !== 200) throw new Error(`raw baseline answered ${rawRes.status}`);
      const rawBody = await rawRes.json();
      const apiBody = (await api(base, 'GET', `/api/projects/${t.id}`, { token: t.token })).json;
      const shape = (b, target) => JSON.stringify({
        id: b.id,
        version: b.version,
        goals: b.goals.map((g) => [g.id, g.kind, g.year, g.text, g.indicators.map((i) => [i.id, i.level1, i.level2, i.name, target(i), i.core, i.weight])]),
        comments: b.reviewComments.map((c) => c.id),
      });
      if (shape(rawBody, (i) => i.target) !== shape(apiBody, (i) => i.target.raw)) {
        throw new Error(`the raw baseline reads something else than GET /api/projects/${t.id}: keep RAW_SQL in step with ProjectsService.get`);
      }
    }

    const detailReq = [
      {
        method: 'GET',
        setupRequest: (req) => {
          const t = nextTarget();
          req.path = `/api/projects/${t.id}`;
          req.headers = { ...req.headers, authorization: `Bearer ${t.token}` };
          return req;
        },
      },
    ];
    const rawReq = [
      {
        method: 'GET',
        setupRequest: (req) => {
          const t = nextTarget();
          req.path = `/raw/projects/${t.id}?org=${t.orgId}`;
          return req;
        },
      },
    ];
    const listReq = [
      {
        method: 'GET',
        setupRequest: (req) => {
          const t = listTargets[listNext++ % listTargets.length];
          req.path = t.path;
          req.headers = { ...req.headers, authorization: `Bearer ${t.token}` };
          return req;
        },
      },
    ];
    const putReq = [
      {
        method: 'PUT',
        setupRequest: (req, context) => {
          const p = take(putPool);
          context.p = p;
          p.flip = 1 - p.flip;
          // an edit: the first quantitative target changes, the row ids are sent back (the editor's save)
          const rows = p.rows.map((r, i) => (i === 0 ? { ...r, target: p.flip ? '≥1000人次' : '≥1200人次' } : r));
          req.path = `/api/projects/${p.id}/indicators`;
          req.headers = { ...req.headers, authorization: `Bearer ${p.token}`, 'if-match': `"${p.version}"`, 'content-type': 'application/json' };
          req.body = JSON.stringify({ indicators: rows });
          return req;
        },
        onResponse: writeResponse(putPool),
      },
    ];
    const transitionReq = [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          const p = take(transitionPool);
          context.p = p;
          req.path = `/api/projects/${p.id}/transitions`;
          req.headers = { ...req.headers, authorization: `Bearer ${p.token}`, 'if-match': `"${p.version}"`, 'content-type': 'application/json' };
          req.body = JSON.stringify({ action: p.status === 'draft' ? 'submit' : 'withdraw' });
          return req;
        },
        onResponse: writeResponse(transitionPool, (p) => (p.status = p.status === 'draft' ? 'submitted' : 'draft')),
      },
    ];
    const loginUsers = ['czj', 'hzb', 'ypb', 'xining', 'yangpu', ...reviewers.map((r) => r.username)];
    let loginNext = 0;
    const loginReq = [
      {
        method: 'POST',
        setupRequest: (req) => {
          req.path = '/api/auth/login';
          req.headers = { ...req.headers, 'content-type': 'application/json' };
          req.body = JSON.stringify({ username: loginUsers[loginNext++ % loginUsers.length], password: DEMO_PASSWORD });
          return req;
        },
      },
    ];

    // 7. the scenarios
    log('warm-up');
    await load('warm-up detail', { ...common, requests: detailReq, connections: 8, duration: P.warm }, pid);
    await load('warm-up list', { ...common, requests: listReq, connections: 8, duration: P.warm }, pid);

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
    if (!only || only.has('rawMax') || only.has('detailMax')) {
      const rawOpts = { url: `http://127.0.0.1:${rawPort}`, requests: rawReq, connections: Number(process.env.BENCH_MAX_CONN ?? 16), duration: P.maxRound };
      const apiOpts = { ...common, requests: detailReq, connections: Number(process.env.BENCH_MAX_CONN ?? 16), duration: P.maxRound };
      const rawRuns = [];
      const apiRuns = [];
      for (let i = 0; i < P.rounds; i++) {
        rawRuns.push((await load(`raw baseline detail (max), round ${i + 1}`, rawOpts, raw.pid)).runs[0]);
        apiRuns.push((await load(`detail (max), round ${i + 1}`, apiOpts, pid)).runs[0]);
      }
      results.rawMax = summarize('raw baseline detail (max)', rawOpts, rawRuns);
      results.detailMax = summarize('detail (max)', apiOpts, apiRuns);
    }
    await scenario('detailRated', 'detail @300 req/s', { ...common, requests: detailReq, connections: 10, overallRate: 300, duration: P.rated }, pid);
    await scenario('listMax', 'list (max)', { ...common, requests: listReq, connections: 16, duration: P.max }, pid);
    await scenario('listRated', 'list @200 req/s', { ...common, requests: listReq, connections: 10, overallRate: 200, duration: P.rated }, pid);
    await scenario('putRated', 'PUT indicators @50 req/s', { ...common, requests: putReq, connections: 5, overallRate: 50, duration: P.write }, pid);
    await scenario('transitionsMax', 'transitions submit/withdraw (max)', { ...common, requests: transitionReq, connections: 8, duration: P.max }, pid);
    await scenario('loginMax', 'login (max)', { ...common, requests: loginReq, connections: 4, duration: P.login }, pid);
    // issue 13: the finance reviewer queues ten whole-year PDF exports while a department reviewer reads projects
    if (!only || only.has('exportsLoad')) {
      log('exports under load: ten queued whole-year PDF exports while another user reads (scripts/bench-exports.mjs)');
      const otherTokens = new Set(reviewerSessions.map((s) => s.token));
      const otherTargets = detailTargets.filter((t) => otherTokens.has(t.token));
      let otherNext = 0;
      const otherReq = [
        {
          method: 'GET',
          setupRequest: (req) => {
            const t = otherTargets[otherNext++ % otherTargets.length];
            req.path = `/api/projects/${t.id}`;
            req.headers = { ...req.headers, authorization: `Bearer ${t.token}` };
            return req;
          },
        },
      ];
      results.exportsLoad = await exportsUnderLoad({
        base,
        token: czjSessions[1].token,
        year: P.exportYear,
        requests: otherReq,
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
    // 8. the web app in Chromium: Lighthouse of the login page and the table editor, typing into a 300-row table
    if (!only || only.has('web')) {
      log('web: Lighthouse and typing latency in Chromium (scripts/bench-web.mjs)');
      results.web = await benchWeb(base, { say: log }).catch((e) => {
        log(`web measurements failed: ${e.stack ?? e}`);
        return { error: String(e.message ?? e).split('\n')[0] };
      });
    }
    if (only) return;
    const rssEnd = rssOf(pid);

    // the writes left the data consistent: every pool project's version is the one the last answer gave
    const check = (await db.query(`SELECT id, version FROM project WHERE id = ANY($1::uuid[])`, [pool.map((p) => p.id)])).rows;
    // (a request still in flight when a scenario stopped has no answer to compare with: those are left out)
    const mismatched = check.filter((r) => {
      const p = pool.find((x) => x.id === r.id);
      return !p.busy && p.version !== r.version;
    }).length;
    const auditRows = (await db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0].n;
    await db.end();
    db = null;

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
    fs.writeFileSync(file, md);
    log(`wrote ${path.relative(ROOT, file)} (total ${totalS.toFixed(0)} s)`);
    const failed = budgets(results, web).filter((b) => !b.met);
    if (failed.length) log(`budgets not met: ${failed.map((b) => b.name).join('; ')}`);
    else log('every budget met');
  } finally {
    cleanup();
  }
}

// ------------------------------------------------------------------------------------------------ web bundle
/** Initial bundle of the web app: the "Initial total" of `nx build web` (cached builds replay it), else summed from dist. */
function webBundle(quick) {
  const out = { source: null, raw: null, transfer: null, budget: 1024 * 1024, warn: 800 * 1024 };
  if (!quick || !fs.existsSync(path.join(ROOT, 'dist/apps/web/browser/index.html'))) {
    try {
      const text = execSync('npx nx run web:build --output-style=static', { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      const clean = stripVTControlCharacters(text);
      const m = /Initial total\s*\|?\s*([\d.]+)\s*(kB|MB|bytes)\s*\|?\s*(?:([\d.]+)\s*(kB|MB|bytes))?/.exec(clean);
      if (m) {
        const toBytes = (v, u) => Number(v) * (u === 'MB' ? 1000 * 1000 : u === 'kB' ? 1000 : 1);
        out.source = '`nx run web:build` (Angular application builder, "Initial total")';
        out.raw = toBytes(m[1], m[2]);
        out.transfer = m[3] ? toBytes(m[3], m[4]) : null;
        return out;
      }
    } catch (e) {
      log(`web build failed: ${(e.stderr ?? e.message ?? '').toString().slice(-300)}`);
    }
  }
  // fallback: follow the static imports from the entry scripts of dist/apps/web/browser/index.html
  const dir = path.join(ROOT, 'dist/apps/web/browser');
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return out;
  const html = fs.readFileSync(index, 'utf8');
  const seen = new Set();
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  while (queue.length) {
    const f = queue.shift();
    if (seen.has(f) || !fs.existsSync(path.join(dir, f))) continue;
    seen.add(f);
    if (f.endsWith('.js')) {
      const js = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of js.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) queue.push(m[1]);
    }
  }
  out.source = 'dist/apps/web/browser (index.html entry scripts and their static imports)';
  out.raw = [...seen].reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0);
  return out;
}

// ------------------------------------------------------------------------------------------------ budgets and report
function budgets(r, web) {
  const ratio = r.detailMax && r.rawMax ? r.detailMax.rps / r.rawMax.rps : NaN;
  const clean = (x) => x && x.errors === 0 && x.non2xx === 0;
  const rateHeld = (x) => x && x.rps >= x.rate * 0.95;
  return [
    {
      name: 'detail p97.5 ≤ 50 ms at 300 req/s',
      scenario: 'detailRated',
      measured: `${ms(r.detailRated?.p975)} ms at ${r.detailRated?.rps.toFixed(0)} req/s, ${r.detailRated?.errors + r.detailRated?.non2xx} errors`,
      met: clean(r.detailRated) && rateHeld(r.detailRated) && r.detailRated.p975 <= 50,
    },
    {
      name: 'list p97.5 ≤ 100 ms at 200 req/s',
      scenario: 'listRated',
      measured: `${ms(r.listRated?.p975)} ms at ${r.listRated?.rps.toFixed(0)} req/s, ${r.listRated?.errors + r.listRated?.non2xx} errors`,
      met: clean(r.listRated) && rateHeld(r.listRated) && r.listRated.p975 <= 100,
    },
    {
      name: 'PUT indicators p97.5 ≤ 150 ms at 50 req/s',
      scenario: 'putRated',
      measured: `${ms(r.putRated?.p975)} ms at ${r.putRated?.rps.toFixed(0)} req/s, ${r.putRated?.errors + r.putRated?.non2xx} errors`,
      met: clean(r.putRated) && rateHeld(r.putRated) && r.putRated.p975 <= 150,
    },
    {
      name: 'detail throughput ≥ 50 % of the raw baseline',
      scenario: 'detailMax',
      measured: `${r.detailMax?.rps.toFixed(0)} / ${r.rawMax?.rps.toFixed(0)} req/s = ${(ratio * 100).toFixed(1)} %${
        r.detailMax?.runs.length > 1
          ? ` (rounds: ${r.detailMax.runs.map((x, i) => `${((x.times.length / x.elapsed / (r.rawMax.runs[i].times.length / r.rawMax.runs[i].elapsed)) * 100).toFixed(0)} %`).join(', ')})`
          : ''
      }`,
      met: clean(r.detailMax) && clean(r.rawMax) && ratio >= 0.5,
    },
    {
      // (the quick run exports fewer projects: its time is scaled to 1,000)
      name: 'batch .xlsx of 1,000 projects ≤ 5 s',
      scenario: 'export',
      measured:
        r.export?.projects >= 1000
          ? `${r.export.projects} projects in ${(r.export.ms / 1000).toFixed(2)} s`
          : `${r.export?.projects} projects in ${(r.export?.ms / 1000).toFixed(2)} s (≈ ${((r.export?.ms / r.export?.projects) * 1000 / 1000).toFixed(1)} s per 1,000, quick run)`,
      met: r.export?.status === 200 && (r.export.ms / r.export.projects) * 1000 <= 5000,
    },
    {
      name: 'batch .xlsx: ≤ 300 MiB extra memory',
      scenario: 'export',
      measured: `+${mib(r.export?.growth)} (RSS ${mib(r.export?.rssBefore)} → ${mib(r.export?.rssPeak)})`,
      met: r.export?.status === 200 && r.export.growth <= 300 * 1024 * 1024,
    },
    ...exportLoadBudgets(r.exportsLoad, ms),
    ...(r.embeddedExport
      ? [
          {
            name: 'embedded database: a third large export raises the memory by ≤ 10 % over the first',
            measured: r.embeddedExport.error
              ? 'failed'
              : r.embeddedExport.samples.map((x) => `${x.step} ${mib(x.rss)}`).join(', '),
            met: !r.embeddedExport.error && r.embeddedExport.samples[3].rss <= r.embeddedExport.samples[1].rss * 1.1,
            why: r.embeddedExport.error ?? 'PGlite\'s memory kept growing from one export to the next.',
          },
        ]
      : []),
    ...webBudgets(r.web, web),
  ];
}

/** The web budgets: the initial bundle, Lighthouse of each measured page, the key-to-frame time of typing. */
function webBudgets(w, bundle) {
  const out = [];
  if (bundle) {
    out.push({
      name: 'web: initial bundle within the 1 MB error budget',
      measured: bundle.raw ? `${(bundle.raw / 1000).toFixed(1)} kB` : 'no build found',
      met: !!bundle.raw && bundle.raw <= 1000 * 1000,
      why: bundle.raw ? `the initial bundle is ${(bundle.raw / 1000).toFixed(1)} kB.` : 'no web build was found.',
    });
  }
  if (!w || w.error) {
    out.push({ name: `web: Lighthouse desktop performance ≥ ${WEB_BUDGETS.lighthouse}, typing < ${WEB_BUDGETS.keyMs} ms per key`, measured: w ? 'failed' : 'not run', met: false, why: w ? `the measurement failed: ${w.error}` : 'the web measurements did not run.' });
    return out;
  }
  for (const l of w.lighthouse) {
    out.push({
      name: `web: Lighthouse desktop performance ≥ ${WEB_BUDGETS.lighthouse}, ${l.page}`,
      measured: `${l.score} (FCP ${ms(l.fcp)} ms, LCP ${ms(l.lcp)} ms, TBT ${ms(l.tbt)} ms, CLS ${l.cls?.toFixed(3)})`,
      met: l.score >= WEB_BUDGETS.lighthouse,
      why: `Lighthouse's audits of this page: FCP ${ms(l.fcp)} ms, LCP ${ms(l.lcp)} ms, TBT ${ms(l.tbt)} ms, CLS ${l.cls?.toFixed(3)}, Speed Index ${ms(l.si)} ms.`,
    });
  }
  const t = w.typing;
  out.push({
    name: `web: typing into a ${t.rows}-row table < ${WEB_BUDGETS.keyMs} ms per key`,
    measured: `slowest of ${t.keys} keys ${ms(t.max)} ms (p50 ${ms(t.p50)} ms, p95 ${ms(t.p95)} ms)`,
    met: t.keys > 0 && t.over === 0,
    why: `${t.over} of ${t.keys} keys took longer (${t.samples.filter((x) => x.ms > WEB_BUDGETS.keyMs).map((x) => `${x.key} ${x.ms} ms`).join(', ')}).`,
  });
  return out;
}

/** A reason for a budget not met, from what the run measured (CPU shares, errors, rates). */
function whyNot(budget, r, machine) {
  if (budget.why) return budget.why;
  const x = budget.scenario ? r[budget.scenario] : null;
  if (budget.scenario === 'export') {
    const e = r.export;
    if (e.status !== 200) return `the export answered HTTP ${e.status}.`;
    if (e.projects < 1000) return `the quick run exports ${e.projects} projects only (a full run exports 1,000).`;
    return e.growth > 300 * 1024 * 1024 ? `the server grew by ${mib(e.growth)} while streaming.` : `the export took ${(e.ms / 1000).toFixed(2)} s: building ${e.projects} worksheets with exceljs is CPU-bound on one core of the Node.js process.`;
  }
  if (!x) return 'the scenario did not run.';
  if (x.errors || x.non2xx) return `${x.errors} connection errors and ${x.non2xx} non-2xx answers (${JSON.stringify(x.codes)}).`;
  const cpu = budget.scenario === 'detailMax' ? r.detailMax.cpu : x.cpu;
  const used = cpu.bench + cpu.server + cpu.raw + cpu.pg + cpu.other;
  const busy = `CPU during the scenario: load generator ${cpu.bench} %, server ${cpu.server + cpu.raw} %, PostgreSQL ${cpu.pg} %, other processes ${cpu.other} % of ${machine.cores * 100} %`;
  if (cpu.other >= 20) return `the machine was busy with other processes during the run (${busy}); run again on a quiet machine.`;
  if (x.rate && x.rps < x.rate * 0.95) return `the rate was not reached: ${x.rps.toFixed(0)} of ${x.rate} req/s (${busy}).`;
  return used >= machine.cores * 100 * 0.9 ? `the ${machine.cores} cores are saturated (${busy}).` : `${busy}.`;
}

function report({ quick, P, machine, counts, byStatus, results: r, bootMs, genMs, totalS, web, rssEnd, mismatched, auditRows }) {
  const row = (label, x, load) =>
    `| ${label} | ${load} | ${x.rps.toFixed(0)} | ${ms(x.p50)} | ${ms(x.p975)} | ${ms(x.p99)} | ${ms(x.max)} | ${x.errors} / ${x.non2xx} | ${mib(x.rssPeak)} | ${x.cpu.bench} / ${x.cpu.server + x.cpu.raw} / ${x.cpu.pg} / ${x.cpu.other} |`;
  const loadOf = (x) => `${x.connections} conn., ${x.rate ? `${x.rate} req/s` : 'max'}, ${x.rounds > 1 ? `${x.rounds} × ${x.duration / x.rounds}` : x.duration} s`;
  const b = budgets(r, web);
  const gb = (n) => `${(n / 1024 ** 3).toFixed(1)} GiB`;
  const lines = [
    '# Benchmarks',
    '',
    `Figures of one ${quick ? '**quick** (`npm run bench -- --quick`, smaller data, short runs: not the reference figures)' : 'full'} run of \`npm run bench\` (\`scripts/bench.mjs\`), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the run took ${totalS.toFixed(0)} s.`,
    'Load generator (autocannon, in the bench process), API server, raw baseline server and PostgreSQL all run on the machine below, over loopback.',
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${machine.cpu}, ${machine.cores} cores (\`os.cpus()\`) |`,
    `| RAM | ${gb(machine.ram)} |`,
    `| OS | ${machine.os} |`,
    `| Node.js | ${machine.node} |`,
    `| PostgreSQL | ${machine.pg} (throw-away server of \`scripts/pg-test-server.sh\`: fsync=${machine.pgSettings.fsync}, synchronous_commit=${machine.pgSettings.synchronous_commit}, full_page_writes=${machine.pgSettings.full_page_writes}, shared_buffers=${machine.pgSettings.shared_buffers} × 8 kB) |`,
    `| API server | \`node dist/apps/api/main.js\` (production build), DATABASE_URL, DEMO=1, DB_POOL_MAX=10 (default), LOG_LEVEL=log (one JSON line per request, to a file) |`,
    '',
    '## Data',
    '',
    `Generated with SQL after the server ran its migrations and created the demo data (${(genMs / 1000).toFixed(1)} s; server start with migrations and demo data ${(bootMs / 1000).toFixed(1)} s):`,
    `${counts.finance} finance bureau, ${counts.departments} departments (20 generated + 2 demo), ${counts.units} units (200 generated + demo), ${counts.users} users,`,
    `**${counts.projects} projects** (${200 * P.projectsPerUnit} generated, half of 2025, half of 2026; ${Object.entries(byStatus).map(([k, v]) => `${k} ${v}`).join(', ')}),`,
    `${counts.goals} goals, **${counts.indicators} indicators** (30 per generated annual table, every 一级 of mof-2021, no error finding), ${counts.history} history rows,`,
    `${counts.comments} row comments (on returned projects), ${counts.evaluations} self-evaluations (approved 2025 projects), ${counts.monitoring} monitoring reports (approved 2026 projects).`,
    '',
    '## Results',
    '',
    'Latencies in ms, from the time of every single response (autocannon `response` events, `ignoreCoordinatedOmission`; see notes). Errors = connection errors and timeouts; non-2xx = answers with another status. RSS = the API server\'s peak resident memory during the scenario (the raw server\'s for the baseline). CPU = % of one core (the machine has ' + machine.cores + ' × 100 %) used during the scenario by the load generator, the server under test, PostgreSQL (postmaster and backends) and every other process of the machine (from /proc).',
    '',
    '| scenario | load | req/s | p50 | p97.5 | p99 | max | errors / non-2xx | RSS peak | CPU % load gen. / server / PostgreSQL / other |',
    '|---|---|---|---|---|---|---|---|---|---|',
    row('raw baseline: detail SQL, plain `pg` + bare `http`', r.rawMax, loadOf(r.rawMax)),
    row('GET /api/projects/:id (detail)', r.detailMax, loadOf(r.detailMax)),
    row('GET /api/projects/:id (detail)', r.detailRated, loadOf(r.detailRated)),
    row('GET /api/projects?year=&orgId=&status=&page= (list)', r.listMax, loadOf(r.listMax)),
    row('GET /api/projects?year=&orgId=&status=&page= (list)', r.listRated, loadOf(r.listRated)),
    row('PUT /api/projects/:id/indicators (30 rows, If-Match)', r.putRated, loadOf(r.putRated)),
    row('POST /api/projects/:id/transitions (submit / withdraw)', r.transitionsMax, loadOf(r.transitionsMax)),
    row('POST /api/auth/login', r.loginMax, loadOf(r.loginMax)),
    '',
    `Batch export \`GET /api/exports?year=${P.exportYear}&form=declaration&format=xlsx\` (finance reviewer): HTTP ${r.export.status}, ${r.export.projects} projects, ${(r.export.bytes / 1048576).toFixed(1)} MiB in **${(r.export.ms / 1000).toFixed(2)} s**; server RSS ${mib(r.export.rssBefore)} before, ${mib(r.export.rssPeak)} at the peak (**+${mib(r.export.growth)}**), sampled every 20 ms.`,
    '',
    ...(r.exportsLoad
      ? [
          `Exports under load (\`scripts/bench-exports.mjs\`): the finance reviewer queued ${r.exportsLoad.queued} whole-year PDF exports (\`POST /api/export-jobs\`, ${P.exportYear}, ${r.exportsLoad.projects ?? '–'} projects, ${r.exportsLoad.bytes ? (r.exportsLoad.bytes / 1048576).toFixed(1) : '–'} MiB each) at once; ${r.exportsLoad.done} finished in ${(r.exportsLoad.elapsedMs / 1000).toFixed(0)} s, one after the other (one running job per user; EXPORT_WORKERS=1). Meanwhile a department reviewer read projects at 50 req/s: p50 ${ms(r.exportsLoad.busy.p50)} ms, **p97.5 ${ms(r.exportsLoad.busy.p975)} ms** (idle before: p50 ${ms(r.exportsLoad.idle.p50)} ms, p97.5 ${ms(r.exportsLoad.idle.p975)} ms), answers ${JSON.stringify(r.exportsLoad.busy.codes)}; \`/api/health\` polled every 250 ms: ${JSON.stringify(r.exportsLoad.health.statuses)}. Server RSS ${mib(r.exportsLoad.rssBefore)} before, ${mib(r.exportsLoad.rssAfter)} when the queue was empty, ${mib(r.exportsLoad.rssSettled)} 3 s later.`,
          '',
        ]
      : []),
    ...(r.embeddedExport && !r.embeddedExport.error
      ? [
          `Embedded database (PGlite, its own server on a throw-away DATA_DIR, \`EXPORT_WORKERS=1\`): ${r.embeddedExport.count} projects of 30 rows created through the API, then the same year exported as one PDF by three background jobs one after the other. Server RSS: ${r.embeddedExport.samples.map((x) => `${x.step} ${mib(x.rss)}${x.peak ? ` (peak ${mib(x.peak)}, ${(x.ms / 1000).toFixed(1)} s, ${(x.bytes / 1048576).toFixed(1)} MiB file)` : ''}`).join('; ')}. PGlite's WASM memory grows to the largest working set it served and is not given back, so the bound is that working set: one job per instance at a time, 20 projects loaded per query, the file stored in 1 MiB chunks — repeated exports reuse it rather than add to it.`,
          '',
        ]
      : []),
    `After the writes, the version of every written project equals the ETag of its last answer (${mismatched} mismatches); the audit log holds ${auditRows} rows. Server RSS at the end: ${mib(rssEnd)}.`,
    '',
    '## Budgets',
    '',
    '2 cores, load generator, server and database together, 0 errors.',
    '',
    '| budget | measured | |',
    '|---|---|---|',
    ...b.map((x) => `| ${x.name} | ${x.measured} | ${x.met ? 'met' : '**not met**'} |`),
    ...(b.some((x) => !x.met)
      ? ['', 'Why not met (from the figures of this run):', '', ...b.filter((x) => !x.met).map((x) => `- ${x.name}: ${whyNot(x, r, machine)}`)]
      : []),
    '',
    '## Web',
    '',
    web.raw
      ? `Initial bundle: **${(web.raw / 1000).toFixed(1)} kB** raw${web.transfer ? ` (${(web.transfer / 1000).toFixed(1)} kB estimated transfer)` : ''}, from ${web.source}; Angular budget (apps/web/project.json): warning at 800 kB, error at 1 MB → ${web.raw <= 1000 * 1000 ? 'within the 1 MB error budget (met)' : '**over the 1 MB error budget (not met)**'}${web.raw > 800 * 1000 && web.raw <= 1000 * 1000 ? ', above the 800 kB warning' : ''}.`
      : 'No web build found (dist/apps/web/browser); run `npx nx build web`.',
    '',
    ...webReport(r.web),
  ];
  return lines.concat(NOTES).join('\n');
}

/** The Lighthouse table and the typing figures. */
function webReport(w) {
  if (!w) return ['The web measurements did not run.', ''];
  if (w.error) return [`The web measurements failed: ${w.error}`, ''];
  const t = w.typing;
  return [
    `Lighthouse ${w.lighthouse[0]?.lighthouse} (desktop preset: simulated 40 ms RTT and 10 Mbit/s, no CPU slowdown, 1350 × 940), performance category, in Chromium ${w.chromium} (\`/usr/bin/chromium\`, headless), a fresh browser per page, against the production server of this run. The editor pages are a draft of the demo filler \`xining\` with 30 and with 300 indicator rows, loaded cold (HTTP cache emptied) after signing in through the login page in the same tab.`,
    '',
    '| page | score | FCP | LCP | TBT | CLS | Speed Index |',
    '|---|---|---|---|---|---|---|',
    ...w.lighthouse.map((l) => `| ${l.page} | **${l.score}** | ${ms(l.fcp)} ms | ${ms(l.lcp)} ms | ${ms(l.tbt)} ms | ${l.cls?.toFixed(3)} | ${ms(l.si)} ms |`),
    '',
    `Typing (Playwright, Chromium, 1440 × 900): ${t.keys} keys into the 指标值 of row ${t.row} of the ${t.rows}-row table, one at a time (${t.samples.map((x) => (x.key === 'Backspace' ? '⌫' : x.key)).join(' ')}; the value ends as "${t.typed}", shown as ${t.parsed}). From each key event to the frame after the table updated: **p50 ${ms(t.p50)} ms, p95 ${ms(t.p95)} ms, slowest ${ms(t.max)} ms**; ${t.over} over ${WEB_BUDGETS.keyMs} ms. Per key (ms): ${t.samples.map((x) => x.ms).join(', ')}.`,
    '',
  ];
}

/** How the figures are made, and what was changed for them. */
const NOTES = [
  '## Method and notes',
  '',
  '- **Sessions**: 4 sessions of the finance reviewer (sees every project), 10 of department reviewers and one per unit filler of the write pools; each request carries one of them, like many users at once. Every request authenticates against PostgreSQL (one query: session, user and organisation; the idle timer is written when it is more than a second old).',
  '- **Detail** cycles through (session, project) pairs the user may see; **list** through `year` × `orgId` (a department or a unit) × `status` × `page` 1–3 as the list page sends them, mostly as the finance reviewer; one request in ten also searches the name (`q`, `ILIKE` over the rows the other filters leave: no trigram index needed at this size) and one in ten filters by self-evaluation grade or monitoring light.',
  '- **PUT indicators**: draft projects of the generated units, each worked on by one connection at a time; the body is the 30-row table read back from the API (with the row ids, as the editor saves it) with one target changed; `If-Match` is the ETag of the previous answer (autocannon `setupRequest` / `onResponse`). **Transitions** alternate submit and withdraw on other drafts the same way (a submit runs every check of the table). Every write also appends to the hash-chained audit log (serialised by an advisory lock).',
  '- **Login**: correct passwords of 15 accounts in turn (scrypt N=16384 per login: CPU-bound by design).',
  '- **Fixed rates** use autocannon `overallRate`: each connection sends its share of the second\'s requests as soon as it may, so the load arrives in bursts at the start of every second (harsher than evenly spaced arrivals). Latencies are the measured times of every response; autocannon\'s own coordinated-omission correction is off because with `overallRate` it records, for each response, a synthetic sample for every 1 ms below its time (`Math.ceil(1 / rate)` ms interval), which weights slow answers by their length.',
  '- **Maximum throughput**: as many requests as 16 connections get answered. The raw baseline and the API\'s detail run in alternating rounds (3 × 8 s each in the full run), so that a disturbance of the machine falls on both. The **raw baseline** runs the statements of `ProjectsService.get` in the same order (the project row with its organisation names and the visibility check, the goals with their rows, the review comments) on a `pg.Pool` of the same size and answers the rows as JSON; it has no session check, validation, target-value parsing, audit, logging or Nest/Express: that is the overhead the ratio measures.',
  '- **Export memory**: the API server\'s RSS from `/proc/<pid>/status`, sampled every 20 ms while the file streams to the client.',
  '- **Exports under load** (issue 13, `scripts/bench-exports.mjs`): the other user is a department reviewer reading the detail of projects of their units at 50 req/s over 4 connections, first 12 s idle, then in 6 s rounds until the finance reviewer\'s ten queued whole-year PDF exports (`POST /api/export-jobs`, all at once) have all ended; `/api/health` is fetched every 250 ms throughout. Why it holds: a job runs on one instance\'s worker (`EXPORT_WORKERS=1`; one running job per user across instances), loads 20 projects per query with one database connection, yields to the event loop after each project, and draws the PDF on a worker thread (`dist/apps/api/pdf-worker.js`), so the reads keep the event loop and the rest of the pool. Before this (the first version), ten such exports requested at once ran side by side on the main thread: `/api/health` answered 503 and another user\'s detail took up to 5.6 s.',
  '- **Embedded database memory**: a second production server on a throw-away `DATA_DIR` (PGlite), 500 projects (100 in the quick run) of 30 rows created through the API, then the same year exported three times as one PDF by background jobs; the RSS 2 s after each. PGlite\'s WASM heap grows to the largest working set it served and never shrinks, so the bound is that working set, which one job at a time with 20 projects per query keeps small.',
  '- **Web** (`scripts/bench-web.mjs`, after the API scenarios, the server idle): Lighthouse 12 from Node with `puppeteer-core` driving Debian\'s Chromium; the login page in a fresh profile, the editor pages after signing in through the login form in the same tab (the session token lives in the tab\'s sessionStorage) with the HTTP cache emptied and the storage kept. Typing: after a warm-up of two keys in the row above (they show and hide a finding: the first run of those code paths is not what typing costs) and a second of quiet (as a person reads the table before typing; the garbage of drawing the table is collected then, not on the first key), Playwright presses one key at a time into the row\'s 指标值 and waits for its frame before the next; the time of a key runs from the key event\'s timestamp to a task posted from the first animation frame after the `input` event (the frame that shows the new value, its parse and the re-run table checks). Chromium\'s Event Timing API is not used for it: in headless mode its presentation times arrive in batches long after the frames were drawn.',
  '- **PostgreSQL** is the throw-away server of the API tests (no fsync): the figures measure the application and the queries, not the disk. With durable commits, the writes (PUT, transitions, login) would wait for a WAL flush each.',
  '',
  '## What was changed for these figures',
  '',
  'Measured with this script before the changes (the API built from the commit before them, `BENCH_API_MAIN=…/main.js npm run bench`, same machine and data, full durations):',
  '',
  '| | before | budget |',
  '|---|---|---|',
  '| detail throughput / raw baseline | 612 / 1580 req/s = **39 %** | ≥ 50 % |',
  '| detail p97.5 at 300 req/s | 26 ms | ≤ 50 ms |',
  '| list: max / p97.5 at 200 req/s | 379 req/s / 43 ms | ≤ 100 ms |',
  '| PUT indicators p97.5 at 50 req/s | 42 ms | ≤ 150 ms |',
  '| batch .xlsx of 1,000 projects | 3.60 s, +82 MiB (up to 4.4 s in other runs) | ≤ 5 s, ≤ 300 MiB |',
  '',
  'The throughput ratio was not met, and the export was close to its limit. A detail request made 8 round trips to PostgreSQL (3 for the session, 5 for the project); the export loaded every project twice, one at a time (5 queries each). The changes (every API test passes, on PostgreSQL and on the embedded database):',
  '',
  '- **Session check in one query** (`libs/api/auth/src/lib/auth.service.ts`): the session, its user and organisation in one SELECT instead of an `UPDATE … RETURNING` and two TypeORM look-ups; the idle timer (`last_seen_at`) is written only when it is more than a second old, so concurrent requests of a session no longer queue on its row (the 30-minute idle limit is kept to the second).',
  '- **Detail in three queries** (`libs/api/projects/src/lib/projects.service.ts`, `org-scope.service.ts`): the project row carries its visibility check (walking up from its organisation instead of listing the user\'s whole subtree, 200+ organisations for the finance bureau), the goals come with their rows in one join (`loadGoals`, used everywhere), and the 404 error is only built when thrown.',
  '- **No file lookup for API requests** (`libs/api/core/src/lib/http/configure-app.ts`): the static file middleware ran before the API router and made a `stat()` of `dist/apps/web/browser/api/…` for every API request.',
  '- **Batch export loads 20 projects in 3 queries** (`ProjectsService.getMany`, used by `ExportsService.eachProject`) instead of 5 queries per project.',
  '- **List**: the count query no longer joins the self-evaluation and the latest monitoring report unless a filter needs them, and the latest light is a subquery evaluated for the page\'s rows only (after the sort and the limit) instead of a LATERAL join on every matching row.',
  '- **PUT indicators**: the rows of a table are inserted with one `INSERT … SELECT FROM unnest(…)` instead of one INSERT per row (30 round trips less while the project row is locked).',
  '- **Parsed target values kept by text** (`parsedTarget` in `projects.service.ts`): parsing the 30 values of a project was about 4 % of a detail request; the same texts come back on every read, so their parse is kept (frozen, shared between answers, at most 10,000 texts). **Reads no longer pay for the write audit** (`audit.interceptor.ts`): a GET that is not audited only watches for a refusal (403) instead of piping every answer through an async step.',
  '- **Hot reads straight on the `pg` pool** (`readRows` in `libs/api/core/src/lib/database/read-rows.ts`): the session check and the three reads of a detail go to the pool under TypeORM with one `pool.query` each, as the baseline does, instead of through a TypeORM query runner (connect, events, release); errors still come back as `QueryFailedError`, so that the API\'s error mapping is unchanged, and inside a transaction nothing changes. **One interceptor layer** (`request.interceptor.ts`): the audit and the Idempotency-Key replays run as one global interceptor (audit outside, replays inside, as before), so every request pays Nest\'s per-layer async step and AsyncResource binding once instead of twice.',
  '- **The throughput ratio stays close to its limit.** Full-length comparisons (3 × 8 s rounds each) gave 49–52 % before the changes above and 51–57 % after them (the machine\'s speed varied between runs: the baseline alone ran at 1,340–1,710 req/s); single 8-second rounds vary more (see the rounds in the budget table). A CPU profile of the API process during the detail rounds shows its main thread busy 96 % of the time: 27 % inside `writev` (the four queries of a request; on loopback the kernel\'s work for the receiving process runs in the sender\'s system call), 8 % garbage collection, 5 % `JSON.stringify` of the answer, 2 % the request log line, the rest Nest/Express routing, the guards and interceptors, TypeORM and `pg`. What the API does on top of the baseline is one more round trip (the session check, about a quarter of its time: a one-second per-instance cache of session checks raised the ratio to 61 % in a trial, but was left out because logout and disabling a user must end a session at once on every instance, issue 6) and the framework. Tried without a measurable gain: 32 or 64 connections, a pool of 4 or 20.',
  '- Not tried: the Fastify adapter. The app is built on Express middleware (the compressed static files, raw upload bodies, streamed downloads, the request context); in the profile above Express and its router take about 6 % of a detail request, the most a switch could give back.',
  '- Tried and left out: an index `project (year, updated_at DESC, id)` for the list\'s order gave +6 % list throughput on this data; the list budget is met without it, and it would make every version bump of a project a non-HOT update.',
  '',
  '### The web budgets',
  '',
  'Measured with `scripts/bench-web.mjs` before the changes (same machine, embedded database): Lighthouse 95 for the login page but **64** for the editor with 30 rows (FCP 1.4 s, LCP 2.3 s, TBT 425 ms: one 483 ms task drawing the table) and no result at all with 300 rows (NO_FCP: the page did not paint while it built 14,500 elements); the HTTP server sent the bundles uncompressed (the global stylesheet alone 428 kB). Typing into the 300-row table took 26–104 ms per key (4 of 19 keys over 50 ms; measured then without the warm-up and the quiet second before the first key): each key re-ran the table\'s layout, pre-paint and paint for every row. The changes:',
  '',
  '- **Compressed bundles** (`libs/api/core/src/lib/http/static-assets.ts`): the web app\'s text files are compressed once after start (brotli and gzip, in memory, in zlib\'s thread pool) and sent with `Content-Encoding`, a strong ETag per encoding and a year of immutable caching for the content-hashed names; API answers are untouched (not compressed, so the API figures above are not affected).',
  '- **A lighter table editor** (`libs/web/projects/ui/src/lib/indicator-table.component.ts`): one live `nz-select` in the table (the 一级/二级 cell being edited; the other cells are buttons that look like it and become the select on click or keyboard focus), plain inputs, a native checkbox and four plain buttons with CSS icons per row instead of ng-zorro components (about 48 → 25 elements per row); a row\'s parse and labels kept while the row object is unchanged, and unchanged rows keep their view.',
  '- **Rows drawn in parts**: 40 rows at once, then 20 per task, so that no task of a long table comes near 50 ms; a row that the keyboard or a new row needs is drawn at once.',
  '- **Rows skipped off screen**: the table is a CSS grid of row groups with `content-visibility: auto`, so that an edit lays out and paints the rows on screen only (Chromium skips the others), instead of a `<table>` whose every row is laid out and painted again.',
  '',
  '',
];

if (process.argv[2] === '--raw-server') {
  rawServer(Number(process.argv[3])).catch((e) => {
    console.error(e);
    process.exit(1);
  });
} else {
  main()
    .catch((e) => {
      console.error(e);
      process.exitCode = 1;
    })
    // (a failed run may leave a timer or socket behind: the run is over either way)
    .finally(() => process.exit());
}
