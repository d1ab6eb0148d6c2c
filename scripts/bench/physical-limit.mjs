// The physical limit of the detail request (issue 18): a bare `http` + `pg` server answering each project's own JSON —
// the very bytes the API sent for it, kept in a table of the bench's own keyed by the project's id — from one
// primary-key lookup. Nothing can answer a detail faster on this machine with this database: the API's detail
// throughput is measured against it (and, as before, against the raw baseline of its own three queries).
// Started by scripts/bench.mjs as a process of its own: `node scripts/bench/physical-limit.mjs PORT`.
import { fileURLToPath } from 'node:url';
import { serveDetail, startDetailServer } from './bare-server.mjs';

/** The bench's own table (not part of the schema: created here, in the bench's throw-away database). */
const TABLE = 'bench_detail_json';

/**
 * Reads the API's detail answer of every project of `detailTargets` once (with the token of its first pair) and keeps
 * its bytes and ETag in `bench_detail_json`. Returns how many projects and bytes were stored, and the pairs read.
 */
export async function storeDetailBodies(db, base, detailTargets) {
  await db.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await db.query(`CREATE TABLE ${TABLE} (id uuid PRIMARY KEY, etag text NOT NULL, body text NOT NULL)`);
  const first = new Map();
  for (const t of detailTargets) if (!first.has(t.id)) first.set(t.id, t);
  const todo = [...first.values()];
  let bytes = 0;
  const batch = [];
  const flush = async () => {
    if (!batch.length) return;
    await db.query(`INSERT INTO ${TABLE} (id, etag, body) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`, [batch.map((b) => b.id), batch.map((b) => b.etag), batch.map((b) => b.body)]);
    batch.length = 0;
  };
  // eight requests at a time (the answers are the API's own: nothing is rebuilt here)
  for (let i = 0; i < todo.length; i += 8) {
    const answers = await Promise.all(
      todo.slice(i, i + 8).map(async (t) => {
        const res = await fetch(`${base}/api/projects/${t.id}`, { headers: { authorization: `Bearer ${t.token}`, accept: 'application/json' } });
        const body = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200) throw new Error(`GET /api/projects/${t.id}: ${res.status}`);
        return { id: t.id, etag: res.headers.get('etag') ?? '', body: body.toString('utf8'), size: body.length };
      }),
    );
    for (const a of answers) {
      bytes += a.size;
      batch.push(a);
    }
    if (batch.length >= 400) await flush();
  }
  await flush();
  await db.query(`ANALYZE ${TABLE}`);
  return { projects: todo.length, bytes, stored: todo };
}

/** `node scripts/bench/physical-limit.mjs PORT`: one primary-key lookup and the stored bytes, on a bare `http` handler. */
function physicalServer(port) {
  serveDetail(port, 'phys', /^\/phys\/projects\/([0-9a-f-]{36})$/, async (pool, m) => {
    const {
      rows: [row],
    } = await pool.query(`SELECT etag, body FROM ${TABLE} WHERE id = $1`, [m[1]]);
    return row ? { etag: row.etag, body: row.body } : null;
  });
}

/** Starts the physical-limit server on `port` against `DATABASE_URL` (added to `children`); resolves once it listens. */
export function startPhysicalServer(port, DATABASE_URL, children) {
  return startDetailServer(fileURLToPath(import.meta.url), 'phys', port, DATABASE_URL, children, 'physical-limit server');
}

/** The physical-limit server answers exactly the bytes the API answers to the same user (a check that fails when not). */
export async function checkPhysicalLimit(port, base, stored) {
  for (const t of stored.slice(0, 20)) {
    const phys = await fetch(`http://127.0.0.1:${port}/phys/projects/${t.id}`);
    const api = await fetch(`${base}/api/projects/${t.id}`, { headers: { authorization: `Bearer ${t.token}` } });
    const [a, b] = [await phys.text(), await api.text()];
    if (phys.status !== 200 || a !== b) throw new Error(`the physical-limit server's answer for ${t.id} differs from the API's (${phys.status}, ${a.length} vs ${b.length} bytes)`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) physicalServer(Number(process.argv[2]));
