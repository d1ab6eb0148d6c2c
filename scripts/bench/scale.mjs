// `--scale N` (issue 18): the data of a province on top of the base data — generated targets over seven years
// (2020–2026) in departments of 50 units each, every target with its 30-row table, history, self-evaluation or
// monitoring like the base ones — until the database holds N targets. Loaded inside PostgreSQL with
// INSERT … SELECT over generate_series (the rows are generated where they are stored: nothing crosses the wire, which
// is what COPY would save; pg-copy-streams is not installed here), in one transaction without the foreign-key
// triggers (session_replication_role = replica), then VACUUM ANALYZE.
import { fillTargets, TOPICS, VARIED } from './generate.mjs';

/** Targets per unit and year, units per department: one department's year is about 1,000 targets (an export's size). */
export const SCALE_SHAPE = { perUnitYear: 20, unitsPerDepartment: 50, years: [2020, 2021, 2022, 2023, 2024, 2025, 2026] };

/**
 * Adds targets until the project table holds about `n`; what was added and how long loading and settling took. `prefix`
 * names the organisations of this load (SD001, SD001-U001…; another load of the same run takes another prefix).
 */
export async function generateScale(db, n, prefix = 'SD') {
  if (!/^S[A-Z]$/.test(prefix)) throw new Error(`generateScale: prefix ${prefix}`);
  const t0 = Date.now();
  const [{ have }] = (await db.query(`SELECT count(*)::int AS have FROM project`)).rows;
  const { perUnitYear, unitsPerDepartment, years } = SCALE_SHAPE;
  const perUnit = perUnitYear * years.length;
  const units = Math.max(1, Math.round((n - have) / perUnit));
  const departments = Math.ceil(units / unitsPerDepartment);
  await db.query('BEGIN');
  // the generated rows are consistent by construction: the foreign-key checks (one trigger event per row — millions
  // at 200,000 targets, the most of the load's time) are skipped for this transaction
  await db.query(`SET LOCAL session_replication_role = replica`);
  const {
    rows: [czj],
  } = await db.query(`SELECT id FROM org WHERE code = 'CZJ'`);
  await db.query(
    `INSERT INTO org (code, name, kind, parent_id)
     SELECT $3 || lpad(d::text, 3, '0'), '省直部门' || CASE WHEN $3 = 'SD' THEN '' ELSE $3 END || d, 'department', $1 FROM generate_series(1, $2::int) d`,
    [czj.id, departments, prefix],
  );
  await db.query(
    `INSERT INTO org (code, name, kind, parent_id)
     SELECT $3 || lpad((1 + (u - 1) / $2)::text, 3, '0') || '-U' || lpad((1 + (u - 1) % $2)::text, 3, '0'),
            dep.name || '所属单位' || (1 + (u - 1) % $2), 'unit', dep.id
       FROM generate_series(1, $1::int) u
       JOIN org dep ON dep.code = $3 || lpad((1 + (u - 1) / $2)::text, 3, '0')`,
    [units, unitsPerDepartment, prefix],
  );
  // the columns of a base target are copied, those VARIED names are generated (as generate.mjs does)
  const columns = (
    await db.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'project' AND is_generated = 'NEVER' AND is_identity = 'NO'
          AND coalesce(column_default, '') NOT LIKE 'nextval(%' AND column_name <> 'id'
        ORDER BY ordinal_position`,
    )
  ).rows.map((r) => r.column_name);
  const varied = { ...VARIED, created_by: 't.created_by' };
  await db.query(
    `INSERT INTO project (${columns.join(', ')})
     SELECT ${columns.map((c) => varied[c] ?? `t.${c}`).join(', ')}
       FROM (
         SELECT u.id AS org_id, u.n, k.k, ($3::int[])[1 + k.k % $4::int] AS year, ($1::text[])[1 + (k.k / $4::int) % 10] AS name,
                100 + (u.n * 37 + k.k * 101) % 900 AS a, 1 + k.k % 3 AS m,
                CASE WHEN (u.n * 7 + k.k * 13) % 20 < 6 THEN 'draft' WHEN (u.n * 7 + k.k * 13) % 20 < 9 THEN 'submitted'
                     WHEN (u.n * 7 + k.k * 13) % 20 < 11 THEN 'dept_approved' WHEN (u.n * 7 + k.k * 13) % 20 < 18 THEN 'approved'
                     ELSE 'returned' END AS status
           FROM (SELECT id, row_number() OVER (ORDER BY code) AS n FROM org WHERE code LIKE '${prefix}%-U%') u
           CROSS JOIN generate_series(0, $2::int - 1) AS k(k)
       ) x CROSS JOIN (SELECT * FROM project WHERE org_id IN (SELECT id FROM org WHERE code LIKE 'BD__-U%') ORDER BY id LIMIT 1) t`,
    [TOPICS, perUnit, years, years.length],
  );
  const ours = `SELECT id FROM org WHERE code LIKE '${prefix}%-U%'`;
  await fillTargets(db, `p.org_id IN (${ours})`, { evaluated: 'p.year <= 2025', monitored: 'p.year = 2026' });
  // replica mode skipped the dashboard's tally triggers too: counted afresh, as after any load that bypasses them
  await db.query(`SELECT dashboard_tally_rebuild()`);
  await db.query('COMMIT');
  const loadMs = Date.now() - t0;
  // the load settles: dead tuples gone, statistics of the new sizes (the plans depend on them)
  // the load settles: dead tuples gone, statistics of the new sizes and the visibility map set (the plans depend on
  // them: a target table whose pages are not marked all-visible gets no index-only scans). A VACUUM that runs while
  // another transaction (an autovacuum ANALYZE started during the load) still sees the table as before the load
  // cannot mark the new pages, so it is repeated until 95 % of them are.
  const t1 = Date.now();
  let visible = 0;
  for (let attempt = 0; attempt < 30 && visible < 0.95; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 2000));
    await db.query('VACUUM ANALYZE');
    const { rows } = await db.query(`SELECT relallvisible::float8 / greatest(relpages, 1) AS v FROM pg_class WHERE oid = 'project'::regclass`);
    visible = rows[0].v;
  }
  const settleMs = Date.now() - t1;
  const [{ total, indicators }] = (
    await db.query(`SELECT (SELECT count(*) FROM project)::int AS total, (SELECT count(*) FROM indicator)::int AS indicators`)
  ).rows;
  const {
    rows: [dept],
  } = await db.query(
    `SELECT d.id, d.code, count(p.id)::int AS n FROM org d JOIN org u ON u.parent_id = d.id JOIN project p ON p.org_id = u.id AND p.year = 2025
      WHERE d.code = 'SD001' GROUP BY d.id, d.code`,
  );
  return { added: total - have, total, indicators, departments, units, loadMs, settleMs, visible, exportDept: dept };
}
