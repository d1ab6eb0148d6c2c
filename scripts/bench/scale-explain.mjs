// The plans of the API's own statements at the large size: the server logs every statement for one request
// (log_min_duration_statement = 0, reloaded, then reset), and each statement of it that reads the project table is run
// again under EXPLAIN (ANALYZE, BUFFERS) with the parameters the log shows — the query the API sent, not a copy of it.
import fs from 'node:fs';
import path from 'node:path';
import { api, sleep } from '../bench-common.mjs';
import { PG_STATE } from './context.mjs';

/** The log entries (`LOG: duration … execute <unnamed>: SQL` with its `DETAIL: parameters: …`) after `offset`. */
function statements(logFile, offset) {
  const text = fs.readFileSync(logFile, 'utf8').slice(offset);
  const entries = text.split(/^(?=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \S+ \[\d+\] )/m);
  const out = [];
  // a request's statements run on several connections at once (Promise.all): a DETAIL line belongs to the last
  // statement of its own backend ([pid]), not to the line above it
  const lastOf = new Map();
  for (const e of entries) {
    const pid = /^\S+ \S+ \S+ \[(\d+)\]/.exec(e)?.[1];
    const m = /LOG:\s+duration: ([\d.]+) ms\s+execute [^:]*:\s*([\s\S]*)$/.exec(e);
    if (m) {
      out.push({ ms: Number(m[1]), sql: m[2].trim(), params: {} });
      lastOf.set(pid, out.at(-1));
    }
    const d = /DETAIL:\s+parameters: ([\s\S]*)$/.exec(e);
    const owner = lastOf.get(pid);
    if (d && owner) for (const p of d[1].matchAll(/\$(\d+) = (NULL|'(?:[^']|'')*')/g)) owner.params[p[1]] = p[2];
  }
  return out;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the statements of `GET path` (as `token`) that read the project table. */
export async function explainRequest(db, base, token, requestPath, match = /FROM project p/) {
  const { DIR } = Object.fromEntries(fs.readFileSync(PG_STATE, 'utf8').trim().split('\n').map((l) => l.split('=')));
  const logFile = path.join(DIR, 'server.log');
  const offset = fs.statSync(logFile).size;
  await db.query(`ALTER SYSTEM SET log_min_duration_statement = 0`);
  await db.query(`SELECT pg_reload_conf()`);
  await sleep(500);
  const res = await api(base, 'GET', requestPath, { token });
  await db.query(`ALTER SYSTEM RESET log_min_duration_statement`);
  await db.query(`SELECT pg_reload_conf()`);
  await sleep(300);
  const found = statements(logFile, offset).filter((s) => match.test(s.sql) && !/^EXPLAIN/i.test(s.sql));
  const plans = [];
  for (const s of found) {
    const sql = s.sql.replace(/\$(\d+)/g, (all, n) => s.params[n] ?? all);
    const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`)).rows.map((r) => r['QUERY PLAN']);
    plans.push({ loggedMs: s.ms, sql: s.sql, params: s.params, plan });
  }
  return { status: res.status, total: res.json?.total, plans };
}
