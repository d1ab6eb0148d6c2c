// The processes of a benchmark run: the production build of the API, a throw-away PostgreSQL server of the bench's
// own (scripts/pg-test-server.sh), the API server on it (migrations and demo data), and their clean-up.
import { execFileSync, execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort, waitFor } from '../bench-common.mjs';
import { log, OUT_DIR, PG_STATE, ROOT } from './context.mjs';

const pgScript = (command, options = {}) =>
  execFileSync('bash', [path.join(ROOT, 'scripts/pg-test-server.sh'), command], { env: { ...process.env, PG_TEST_STATE: PG_STATE }, ...options });

/** The API's main.js: this checkout's production build (Nx replays it when cached), or BENCH_API_MAIN (another build). */
export function buildApi() {
  if (process.env.BENCH_API_MAIN) return path.resolve(process.env.BENCH_API_MAIN);
  log('npx nx run api:build (the build of this checkout; Nx replays it when cached)');
  execSync('npx nx run api:build --output-style=static', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return path.join(ROOT, 'dist/apps/api/main.js');
}

/** The child processes and the database of one run; `cleanup()` ends them all (also on Ctrl-C). */
export class BenchProcesses {
  children = [];
  pgStarted = false;
  db = null;
  stopping = false;

  cleanup() {
    this.stopping = true;
    this.db?.end().catch(() => undefined);
    for (const c of this.children) if (c.exitCode === null) c.kill('SIGTERM');
    if (this.pgStarted) {
      try {
        pgScript('stop', { stdio: 'ignore' });
      } catch {
        /* already gone */
      }
      this.pgStarted = false;
    }
  }

  /** PostgreSQL (a throw-away server of its own): its DATABASE_URL. */
  startPostgres() {
    log('starting PostgreSQL (scripts/pg-test-server.sh)');
    if (fs.existsSync(PG_STATE)) pgScript('stop', { stdio: 'ignore' });
    const pgOut = pgScript('start', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    this.pgStarted = true;
    const url = /DATABASE_URL=(\S+)/.exec(pgOut.trim().split('\n').pop() ?? '')?.[1];
    if (!url) throw new Error(`no DATABASE_URL from pg-test-server.sh: ${pgOut}`);
    return url;
  }

  /** The production server on the empty database (it runs the migrations and creates the demo data). */
  async startApi(mainJs, DATABASE_URL, logName = 'server.log') {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const serverLog = fs.openSync(path.join(OUT_DIR, logName), 'w');
    const t0 = Date.now();
    // BENCH_SERVER_NODE_ARGS: extra node options for the API server (e.g. a profiler), BENCH_SIGNAL_SCENARIOS=1: SIGWINCH to it
    // at the start and the end of every scenario (to toggle such a profiler)
    const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(' ') : [];
    const server = spawn(process.execPath, [...nodeArgs, mainJs], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL, DEMO: '1', PORT: String(port) },
      stdio: ['ignore', serverLog, serverLog],
    });
    this.children.push(server);
    server.on('exit', (code, signal) => !this.stopping && log(`API server exited: code ${code}, signal ${signal} (see tmp/bench/${logName})`));
    await waitFor(`${base}/api/health`, 180_000, server, path.join(OUT_DIR, logName));
    const bootMs = Date.now() - t0;
    log(`server ready in ${(bootMs / 1000).toFixed(1)} s (pid ${server.pid}, port ${port})`);
    return { server, base, bootMs };
  }

  /** A connection of the bench's own to the database (for the generated data and the checks). */
  async connect(DATABASE_URL) {
    this.db = new pg.Client({ connectionString: DATABASE_URL });
    this.db.on('error', () => undefined); // the server stopping under it at the end
    await this.db.connect();
    return this.db;
  }

  async disconnect() {
    await this.db?.end();
    this.db = null;
  }
}
