// What every part of the benchmark (scripts/bench.mjs and scripts/bench/*.mjs) shares: where things are, the log line.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUT_DIR = path.join(ROOT, 'tmp', 'bench');
/** The state file of the bench's own PostgreSQL server (scripts/pg-test-server.sh). */
export const PG_STATE = process.env.BENCH_PG_STATE ?? '/tmp/pt-bench.state';

export const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

export const mib = (b) => (b === null || b === undefined ? '–' : `${(b / 1024 / 1024).toFixed(0)} MiB`);
export const ms = (v) => (v === null || v === undefined || Number.isNaN(v) ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));
