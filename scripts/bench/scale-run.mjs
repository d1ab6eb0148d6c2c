// `npm run bench -- --scale N[,N2…]` (issue 18): the budgets measured on the base data (2,000 targets), then again after
// the data grew to each size in turn (scripts/bench/scale.mjs) — same servers, same sessions, same requests — with the
// growth of each figure from the smallest size to the largest, and the plans of the list, the dashboard and the reports
// at the largest. Writes tmp/bench/SCALE-<sizes>.md and keeps it as a scale section of BENCHMARKS.md (between its
// markers, which a full run carries over).
import fs from 'node:fs';
import path from 'node:path';
import { api, sleep } from '../bench-common.mjs';
import { log, mib, ms, OUT_DIR, ROOT } from './context.mjs';
import { getRequests, load, percentile, PIDS, rssSampler } from './measure.mjs';
import { generateScale, SCALE_SHAPE } from './scale.mjs';
import { explainRequest } from './scale-explain.mjs';

/** The markers of the scale section of size N in BENCHMARKS.md (one section per size; a full run carries them over). */
export const scaleMarkers = (n) => [`<!-- scale ${n}: written by \`npm run bench -- --scale ${n}\` -->`, `<!-- /scale ${n} -->`];

/** The scale sections of a BENCHMARKS.md text (from the first start marker to the end of the last end marker), '' without. */
export function scaleSections(text) {
  const a = text.indexOf('<!-- scale ');
  const b = text.lastIndexOf('<!-- /scale ');
  return a >= 0 && b > a ? text.slice(a, text.indexOf('-->', b) + 3) : '';
}

/** The name searches of the list page as the finance reviewer sends them (every request has `q`). */
function searchRequests(sessions) {
  const terms = ['信息化', '培训', '经费', '修缮', '课题研究', '宣传'];
  const paths = [];
  for (let i = 0; i < 240; i++) {
    // countUpTo=200 as the list page sends it with a name search ("200 条以上")
    const q = new URLSearchParams({ year: String(2025 + (i % 2)), q: terms[i % terms.length], page: String(1 + ((i >> 1) % 2)), countUpTo: '200' });
    paths.push({ token: sessions[i % sessions.length].token, path: `/api/projects?${q}` });
  }
  let next = 0;
  return getRequests(() => paths[next++ % paths.length]);
}

/** The requests whose statements are explained at the large size (as the finance reviewer: every organisation). */
const EXPLAINED = [
  ...['信息化', '培训', '经费', '训'].map((q) => `/api/projects?year=2025&q=${encodeURIComponent(q)}&page=1&countUpTo=200`),
  '/api/projects?year=2025&page=3',
  '/api/projects?year=2025&status=returned&page=2',
  `/api/projects?year=2025&grade=${encodeURIComponent('优')}&page=1`,
  '/api/projects?year=2026&light=red&page=1',
  '/api/projects?inbox=true&page=1',
  '/api/dashboard?year=2025',
  '/api/dashboard?year=2026',
  '/api/workbench/counts',
  '/api/reports/target-setting?year=2025',
];

/** `count` dashboard requests one after the other (as the 统计分析 page opens): their times. */
async function dashboard(base, token, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const r = await api(base, 'GET', `/api/dashboard?year=${2025 + (i % 2)}`, { token });
    if (r.status !== 200) throw new Error(`dashboard: ${r.status} ${r.text.slice(0, 200)}`);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p975: percentile(times, 97.5), max: times.at(-1) };
}

/** One batch .xlsx export: its time, size, count and the server's memory growth. */
async function exportOnce(base, token, exportPath, pid) {
  await sleep(1000);
  const sampler = rssSampler(pid, 20);
  const t0 = Date.now();
  const res = await fetch(`${base}${exportPath}`, { headers: { authorization: `Bearer ${token}` } });
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.length;
  const took = Date.now() - t0;
  const rss = sampler.stop();
  return { status: res.status, ms: took, bytes, growth: rss.peak - rss.start };
}

/**
 * The budgets on the base data, then after growing it to each size of `Ns` in turn (ascending), measured again each
 * time; the table has a column per size and the growth from the smallest to the largest.
 */
export async function runScale({ Ns, P, db, base, server, workload }) {
  const pid = server.pid;
  PIDS.server = pid;
  const common = { url: base, headers: { accept: 'application/json' } };
  const { czjSessions, requests } = workload;
  const search = searchRequests(czjSessions);
  const token = czjSessions[0].token;
  const warm = async () => {
    await load('warm-up detail', { ...common, requests: requests.detail, connections: 8, duration: P.warm }, pid);
    await load('warm-up list', { ...common, requests: requests.list, connections: 8, duration: P.warm }, pid);
  };
  const measure = async (label, exportPath) => {
    const out = {};
    out.detail = await load(`${label}: detail @300 req/s`, { ...common, requests: requests.detail, connections: 10, overallRate: 300, duration: P.rated }, pid);
    out.list = await load(`${label}: list @200 req/s`, { ...common, requests: requests.list, connections: 10, overallRate: 200, duration: P.rated }, pid);
    out.search = await load(`${label}: list with a name search @200 req/s`, { ...common, requests: search, connections: 10, overallRate: 200, duration: P.rated }, pid);
    out.dashboard = await dashboard(base, token, 10);
    log(`${label}: dashboard p50 ${ms(out.dashboard.p50)} ms, slowest ${ms(out.dashboard.max)} ms`);
    out.export = await exportOnce(base, token, exportPath, pid);
    out.exportProjects = (await api(base, 'GET', exportPath.replace('/api/exports', '/api/projects').replace(/&form=[^&]*&format=[^&]*/, '&pageSize=1'), { token })).json?.total;
    log(`${label}: export ${out.exportProjects} targets in ${out.export.ms} ms, +${mib(out.export.growth)}`);
    return out;
  };

  const [{ n: baseTargets }] = (await db.query(`SELECT count(*)::int AS n FROM project`)).rows;
  if (Ns[0] <= baseTargets) throw new Error(`--scale ${Ns[0]}: the base data holds ${baseTargets} targets already`);
  // BENCH_HOLD=scale: the data grown to the largest size and the servers kept up for a look by hand (Ctrl-C ends)
  const hold = process.env.BENCH_HOLD === 'scale';
  if (!hold) await warm();
  const small = hold ? null : await measure(`${baseTargets} targets`, '/api/exports?year=2025&form=declaration&format=xlsx');
  const grown = [];
  for (const [i, N] of Ns.entries()) {
    log(`growing the data to ${N} targets (${SCALE_SHAPE.years[0]}–${SCALE_SHAPE.years.at(-1)}, departments of ${SCALE_SHAPE.unitsPerDepartment} units)`);
    const gen = await generateScale(db, N, `S${'DEFGHIJ'[i]}`);
    log(`added ${gen.added} targets (${gen.departments} departments, ${gen.units} units) in ${(gen.loadMs / 1000).toFixed(1)} s, VACUUM ANALYZE ${(gen.settleMs / 1000).toFixed(1)} s (${Math.round(gen.visible * 100)} % of the target pages all-visible): ${gen.total} targets, ${gen.indicators} indicator rows`);
    if (hold && i === Ns.length - 1) {
      log(`holding: API=${base} czj token=${token}`);
      await new Promise(() => undefined);
    }
    if (hold) continue;
    await warm();
    grown.push({ gen, res: await measure(`${gen.total} targets`, `/api/exports?year=2025&orgId=${grown[0]?.gen.exportDept.id ?? gen.exportDept.id}&form=declaration&format=xlsx`) });
  }
  const explained = [];
  for (const requestPath of EXPLAINED) explained.push({ requestPath, ...(await explainRequest(db, base, token, requestPath, /\bproject\b|\bdashboard_(tally|unit_score)\b/)) });
  const key = Ns.join(',');
  const md = scaleReport({ key, baseTargets, small, grown, explained, P });
  fs.writeFileSync(path.join(OUT_DIR, `SCALE-${key}.md`), md);
  keepInBenchmarks(md, key);
  log(`wrote tmp/bench/SCALE-${key}.md and the scale section of BENCHMARKS.md`);
}

/** The scale section of BENCHMARKS.md replaced by `md` (added at the end when there is none). */
function keepInBenchmarks(md, n) {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const [start, end] = scaleMarkers(n);
  const block = `${start}\n${md}\n${end}`;
  const [a, b] = [text.indexOf(start), text.indexOf(end)];
  const next = a >= 0 && b > a ? text.slice(0, a) + block + text.slice(b + end.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

/** What else the machine did during the rated scenarios: the other processes' CPU (of the machine's cores × 100 %). */
function otherLoad(sizes) {
  const others = sizes.flatMap((x) => [x.detail, x.list, x.search]).map((r) => r.cpu.other);
  const [lo, hi] = [Math.min(...others), Math.max(...others)];
  return `Other processes of the machine took ${lo}–${hi} % of its CPU (cores × 100 %) during the rated scenarios${hi > 20 ? ': the figures are disturbed by that work' : ''}.`;
}

function scaleReport({ key, baseTargets, small, grown, explained, P }) {
  const g = (a, b) => (a > 0 ? `${(b / a).toFixed(2)}×` : '–');
  const n = (x) => x.toLocaleString('en');
  const sizes = [{ total: baseTargets, res: small }, ...grown.map((x) => ({ total: x.gen.total, res: x.res }))];
  const large = sizes.at(-1).res;
  const last = grown.at(-1).gen;
  const lat = (x) => `p50 ${ms(x.p50)} / p97.5 ${ms(x.p975)} ms (${x.rps.toFixed(0)} req/s, ${x.errors + x.non2xx} errors)`;
  const held = (x, limit) => x.errors + x.non2xx === 0 && x.rps >= (x.rate ?? 0) * 0.95 && x.p975 <= limit;
  const row = (name, cell, growth, met) => `| ${name} | ${sizes.map((z) => cell(z.res)).join(' | ')} | ${growth} | ${met} |`;
  const rated = (name, k, limit) =>
    row(name, (r) => lat(r[k]), `${g(small[k].p50, large[k].p50)} / ${g(small[k].p975, large[k].p975)}`, held(large[k], limit) ? `p97.5 ≤ ${limit} ms: met` : `**p97.5 ≤ ${limit} ms: not met**`);
  const perTarget = (r) => r.export.ms / r.exportProjects;
  const loads = grown.map(
    ({ gen }) =>
      `${n(gen.added)} targets added in ${gen.departments} departments of up to ${SCALE_SHAPE.unitsPerDepartment} units (${gen.units} units) in ${(gen.loadMs / 1000).toFixed(0)} s, then VACUUM ANALYZE until the target table's pages are all-visible (${(gen.settleMs / 1000).toFixed(0)} s, ${Math.round(gen.visible * 100)} % of the pages), ${n(gen.total)} targets and ${n(gen.indicators)} indicator rows in all`,
  );
  const lines = [
    `## Scale: ${sizes.map((z) => n(z.total)).join(' → ')} targets`,
    '',
    `\`npm run bench -- --scale ${key}\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${P.rated} s per rated scenario, one run: the base data (2 × 1,000 targets of 2025–2026 in 200 units, as above) measured first; then, in turn, ${loads.join('; ')} — each load by INSERT … SELECT over generate_series inside PostgreSQL (${SCALE_SHAPE.perUnitYear} targets per unit and year, ${SCALE_SHAPE.years[0]}–${SCALE_SHAPE.years.at(-1)}; 30 rows, history, self-evaluations and monitoring as the base ones), and the same servers, sessions and requests measured again after it and a warm-up. ${otherLoad(sizes.map((z) => z.res))}`,
    '',
    `| figure | ${sizes.map((z) => `${n(z.total)} targets`).join(' | ')} | growth of p50 / p97.5, ${n(sizes[0].total)} → ${n(sizes.at(-1).total)} | budget at the largest size |`,
    `|---|${sizes.map(() => '---|').join('')}---|---|`,
    rated('detail @300 req/s', 'detail', 50),
    rated("list @200 req/s (the list page's mix)", 'list', 100),
    rated('list with a name search @200 req/s', 'search', 100),
    row(
      'dashboard (10 in a row)',
      (r) => `p50 ${ms(r.dashboard.p50)} / slowest ${ms(r.dashboard.max)} ms`,
      `${g(small.dashboard.p50, large.dashboard.p50)} / ${g(small.dashboard.max, large.dashboard.max)}`,
      large.dashboard.max <= 300 ? '≤ 300 ms: met' : '**≤ 300 ms: not met**',
    ),
    row(
      'batch .xlsx',
      (r) => `${r.exportProjects} targets in ${(r.export.ms / 1000).toFixed(2)} s, +${mib(r.export.growth)}`,
      `${g(perTarget(small), perTarget(large))} per target`,
      perTarget(large) * 1000 <= 5000 && large.export.growth <= 300 * 1048576 ? '≤ 5 s per 1,000, ≤ 300 MiB: met' : '**≤ 5 s per 1,000, ≤ 300 MiB: not met**',
    ),
    '',
    `The batch .xlsx is the year 2025: of the whole base data, then of one department of the first load (${grown[0].gen.exportDept.code}).`,
    '',
    `### The list, the dashboard, the workbench counts and the target-setting report at ${n(last.total)} targets: EXPLAIN (ANALYZE, BUFFERS)`,
    '',
    "Each statement on the target table or the dashboard's tallies the API ran for the request (taken from the server's statement log with its parameters, the organisation list shortened here), run again under EXPLAIN (ANALYZE, BUFFERS); the time the server logged for it in brackets:",
    '',
  ];
  // the organisation lists (hundreds of ids) shortened to their count
  const short = (t) => t.replace(/'\{((?:[0-9a-f-]{36},)+[0-9a-f-]{36})\}'/g, (_, ids) => `'{… ${ids.split(',').length} organisation ids …}'`);
  for (const e of explained) {
    lines.push(`\`GET ${e.requestPath}\` (finance reviewer: every organisation; HTTP ${e.status}${e.total === undefined ? '' : `, ${e.total} matches`}):`, '');
    for (const p of e.plans) {
      const top = /Execution Time: ([\d.]+) ms/.exec(p.plan.join('\n'));
      lines.push(`(logged ${ms(p.loggedMs)} ms, explained ${top ? ms(Number(top[1])) : '–'} ms)`, '');
      lines.push('```sql', p.sql.replace(/\s+/g, ' ').slice(0, 600) + (p.sql.length > 600 ? ' …' : ''), '```', '```');
      lines.push(...p.plan.map(short));
      lines.push('```', '');
    }
  }
  return lines.join('\n');
}
