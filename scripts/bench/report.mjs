// BENCHMARKS.md: the machine, the data, the figures of every scenario, the budgets, the web figures and the notes.
import { WEB_BUDGETS } from '../bench-web.mjs';
import { budgets, whyNot } from './budgets.mjs';
import { mib, ms } from './context.mjs';
import { NOTES } from './notes.mjs';

export function report({ quick, P, machine, counts, byStatus, results: r, bootMs, genMs, totalS, web, rssEnd, mismatched, auditRows }) {
  const row = (label, x, load) =>
    `| ${label} | ${load} | ${x.rps.toFixed(0)} | ${ms(x.p50)} | ${ms(x.p975)} | ${ms(x.p99)} | ${ms(x.max)} | ${x.errors} / ${x.non2xx} | ${mib(x.rssPeak)} | ${x.cpu.bench} / ${x.cpu.server + x.cpu.raw} / ${x.cpu.pg} / ${x.cpu.other} |`;
  const loadOf = (x) => `${x.connections} conn., ${x.rate ? `${x.rate} req/s` : 'max'}, ${x.rounds > 1 ? `${x.rounds} × ${x.duration / x.rounds}` : x.duration} s`;
  const b = budgets(r, web);
  const gb = (n) => `${(n / 1024 ** 3).toFixed(1)} GiB`;
  const lines = [
    '# Benchmarks',
    '',
    `Figures of one ${quick ? '**quick** (`npm run bench -- --quick`, smaller data, short runs: not the reference figures)' : 'full'} run of \`npm run bench\` (\`scripts/bench.mjs\`), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; the run took ${totalS.toFixed(0)} s.`,
    'Load generator (autocannon, in the bench process), API server, raw baseline and physical-limit servers and PostgreSQL all run on the machine below, over loopback.',
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
    row(`physical limit: the API's own answer (${((r.bodyBytes ?? 0) / 1024).toFixed(1)} KiB) by primary key, plain \`pg\` + bare \`http\``, r.physMax, loadOf(r.physMax)),
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
    `Lighthouse ${w.lighthouse[0]?.lighthouse} (desktop preset: simulated 40 ms RTT and 10 Mbit/s, no CPU slowdown, 1350 × 940), performance category, in Chromium ${w.chromium} (\`/usr/bin/chromium\`, headless), a fresh browser per run, three runs per page and the median one shown (its score and audits; every run's score in brackets), against the production server of this run. The editor pages are a draft of the demo filler \`xining\` with 30 and with 300 indicator rows, loaded cold (HTTP cache emptied) after signing in through the login page in the same tab.`,
    '',
    '| page | score | FCP | LCP | TBT | CLS | Speed Index |',
    '|---|---|---|---|---|---|---|',
    ...w.lighthouse.map((l) => `| ${l.page} | **${l.score}**${l.runs ? ` (${l.runs.join(', ')})` : ''} | ${ms(l.fcp)} ms | ${ms(l.lcp)} ms | ${ms(l.tbt)} ms | ${l.cls?.toFixed(3)} | ${ms(l.si)} ms |`),
    '',
    `Typing (Playwright, Chromium, 1440 × 900): ${t.keys} keys into the 指标值 of row ${t.row} of the ${t.rows}-row table, one at a time (${t.samples.map((x) => (x.key === 'Backspace' ? '⌫' : x.key)).join(' ')}; the value ends as "${t.typed}", shown as ${t.parsed}). From each key event to the frame after the table updated: **p50 ${ms(t.p50)} ms, p95 ${ms(t.p95)} ms, slowest ${ms(t.max)} ms**; ${t.over} over ${WEB_BUDGETS.keyMs} ms. Per key (ms): ${t.samples.map((x) => x.ms).join(', ')}.`,
    '',
  ];
}
