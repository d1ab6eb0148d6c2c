// The comparison servers of the detail request (raw-baseline.mjs, physical-limit.mjs): a bare `http` handler on a
// plain `pg` pool, each a process of its own (`node scripts/bench/<script> PORT`) that prints `<name>-ready` once
// it listens, so that what is measured is their lookup alone.
import { spawn } from 'node:child_process';
import http from 'node:http';
import pg from 'pg';
import { ROOT } from './context.mjs';

/**
 * Serves the URLs `route` matches on `port`: `answer(pool, match)` gives `{ etag, body }` (200, JSON), or null for a
 * project not found (404); any other URL is a bare 404, a failure a 500 with its message.
 */
export function serveDetail(port, name, route, answer) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
  const server = http.createServer(async (req, res) => {
    const m = route.exec(req.url ?? '');
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    try {
      const found = await answer(pool, m);
      if (!found) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"statusCode":404}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: found.etag }).end(found.body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write(`${name}-ready\n`));
}

/** Starts `script` (its path) on `port` against `DATABASE_URL` (added to `children`); resolves with it once it listens. */
export async function startDetailServer(script, name, port, DATABASE_URL, children, what) {
  const child = spawn(process.execPath, [script, String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => String(d).includes(`${name}-ready`) && resolve());
    child.on('exit', (c) => reject(new Error(`${what} exited ${c}`)));
  });
  return child;
}
