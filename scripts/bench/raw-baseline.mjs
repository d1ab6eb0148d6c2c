// The raw baseline of the detail request: the statements of the API's project detail (the project row with its
// organisation names and the visibility check, the goals with their rows, the review comments) on a plain `pg` pool
// behind a bare `http` handler, without session check, validation, audit or framework. The API's detail throughput
// is measured against it. Started by scripts/bench.mjs as a process of its own: `node scripts/bench/raw-baseline.mjs PORT`.
import { fileURLToPath } from 'node:url';
import { api } from '../bench-common.mjs';
import { serveDetail, startDetailServer } from './bare-server.mjs';

// The project row is read whole (p.*): the table is described by the migrations alone, not copied here. The order and
// number of the statements are those of the API's detail; checkRawBaseline fails when the two read different things.
const RAW_SQL = {
  project: `SELECT p.*, o.name AS org_name, d.name AS department_name
    FROM project p JOIN org o ON o.id = p.org_id LEFT JOIN org d ON d.id = o.parent_id AND d.kind = 'department'
    WHERE p.id = $1 AND EXISTS (WITH RECURSIVE up AS (
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

/** `node scripts/bench/raw-baseline.mjs PORT`: the baseline — the detail SQL with plain `pg` on a bare `http` handler. */
function rawServer(port) {
  serveDetail(port, 'raw', /^\/raw\/projects\/([0-9a-f-]{36})\?org=([0-9a-f-]{36})$/, async (pool, [, id, org]) => {
    const {
      rows: [row],
    } = await pool.query(RAW_SQL.project, [id, org]);
    if (!row) return null;
    const { rows } = await pool.query(RAW_SQL.goals, [[id]]);
    const { rows: comments } = await pool.query(RAW_SQL.comments, [id]);
    const goals = [];
    for (const r of rows) {
      if (goals.at(-1)?.id !== r.id) goals.push({ id: r.id, projectId: r.project_id, kind: r.kind, year: r.year, text: r.text, indicators: [] });
      if (r.i_id !== null) goals.at(-1).indicators.push({ id: r.i_id, level1: r.level1, level2: r.level2, name: r.name, core: r.core, weight: r.weight, target: r.target_raw });
    }
    return { etag: `"${row.version}"`, body: JSON.stringify({ ...row, goals, reviewComments: comments }) };
  });
}

/** Starts the baseline server on `port` against `DATABASE_URL` (added to `children`); resolves with it once it listens. */
export function startRawServer(port, DATABASE_URL, children) {
  return startDetailServer(fileURLToPath(import.meta.url), 'raw', port, DATABASE_URL, children, 'raw server');
}

/**
 * The baseline's statements are a copy of the API's detail: it must read what the API answers (same goals, rows and
 * comments, in the same order) — a check that fails when the two drift apart.
 */
export async function checkRawBaseline(rawPort, base, detailTargets) {
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
      throw new Error(`the raw baseline reads something else than GET /api/projects/${t.id}: keep RAW_SQL (scripts/bench/raw-baseline.mjs) in step with the API's detail`);
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) rawServer(Number(process.argv[2]));
