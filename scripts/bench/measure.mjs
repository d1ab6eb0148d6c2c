// One load scenario (autocannon) and its figures: response-time percentiles, status codes, and the RSS and CPU of the
// processes involved, read from /proc.
import autocannon from 'autocannon';
import fs from 'node:fs';
import path from 'node:path';
import { sleep } from '../bench-common.mjs';
import { log, mib, ms, PG_STATE } from './context.mjs';

/** Resident set size of a process in bytes (Linux /proc), null elsewhere. */
export function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Sample a process's RSS every `ms` until stopped; returns { start, peak, end }. */
export function rssSampler(pid, ms = 50) {
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

/** CPU seconds so far of the bench process, the API server, the baseline servers (raw, physical limit) and PostgreSQL (exited backends are lost). */
function cpuSnapshot(pids) {
  const u = process.cpuUsage();
  const pgList = pgPids();
  return {
    machine: machineBusy(),
    bench: (u.user + u.system) / 1e6,
    server: cpuOf(pids.server),
    raw: (pids.raw ? cpuOf(pids.raw) : 0) + (pids.phys ? cpuOf(pids.phys) : 0),
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

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export const etagVersion = (h) => {
  const v = h && (h.etag ?? h.ETag ?? h.Etag ?? Object.entries(h).find(([k]) => k.toLowerCase() === 'etag')?.[1]);
  const m = /(\d+)/.exec(String(v ?? ''));
  return m ? Number(m[1]) : null;
};

/** The autocannon requests of a GET scenario: `next()` names each request's path and, when signed in, its token. */
export const getRequests = (next) => [
  {
    method: 'GET',
    setupRequest: (req) => {
      const { path, token } = next();
      req.path = path;
      if (token) req.headers = { ...req.headers, authorization: `Bearer ${token}` };
      return req;
    },
  },
];

// ------------------------------------------------------------------------------------------------ one load scenario
/**
 * Run autocannon and collect every response's own time (the percentiles are computed from those, without
 * autocannon's coordinated-omission correction, which with `overallRate` adds a synthetic sample every 1 ms below
 * each measured time), the status codes and the server's peak RSS.
 */
export const PIDS = { server: 0, raw: 0, phys: 0 };

export async function load(name, opts, serverPid) {
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
export function summarize(name, opts, runs) {
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
