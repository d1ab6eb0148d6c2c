import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The key columns of a target's part in the tallies: what the dashboard counts it under. */
const KEY = 'year, org_id, kind, status, e_status, grade, score, red';

/**
 * The dashboard's tallies (issue 18): 统计分析 read every target of the year (29,000 for a province's finance bureau,
 * 45 ms) and grew with the data. Now triggers keep, for each organisation and every organisation above it, how many
 * targets of a year stand in each (kind, status, self-evaluation status, grade, score tens, red light) and their
 * scores' sum, so a dashboard reads a few dozen rows whatever the size of the year; and per organisation the count,
 * sum and average of its own targets' scores (the unit ranking).
 *
 * - `dashboard_tally_key` is each target's part as last counted, so a change writes the difference (−1 the old part,
 *   +1 the new) whatever changed it: its row, its self-evaluation or its monitoring reports.
 * - The tallies are appended to, never updated in place (no row every writer of the province waits on); the
 *   dashboard adds the rows up and folds a year's rows together (`dashboard_tally_compact`) once they pile up.
 * - Triggers, not the application: every writer (the API, imports, the demo data, psql) goes through them.
 */
export class DashboardTally1734400000000 implements MigrationInterface {
  name = 'DashboardTally1734400000000';

  async up(q: QueryRunner): Promise<void> {
    // no foreign key to project: the key of a deleted target is read to take its part back out
    await q.query(`
      CREATE TABLE dashboard_tally_key (
        project_id uuid PRIMARY KEY,
        year integer NOT NULL, org_id uuid NOT NULL, kind varchar(16) NOT NULL, status varchar(16) NOT NULL,
        e_status varchar(16), grade varchar(2), score numeric(6,2), red boolean NOT NULL
      )`);
    // scope_id: the organisation whose subtree the row counts (the target's own and each one above it); tens: the
    // self-evaluation's total score in tens (0..9, 100 in 9), which the score bands (multiples of 10) are made of
    await q.query(`
      CREATE TABLE dashboard_tally (
        id bigserial PRIMARY KEY,
        year integer NOT NULL, scope_id uuid NOT NULL, kind varchar(16) NOT NULL, status varchar(16) NOT NULL,
        e_status varchar(16), grade varchar(2), tens smallint, red boolean NOT NULL,
        n integer NOT NULL, score_sum numeric(14,2) NOT NULL
      )`);
    await q.query(`CREATE INDEX dashboard_tally_scope_idx ON dashboard_tally (year, scope_id)`);
    // one row per organisation, year and kind ('*': every kind), kept in place (its writers are one unit's): the
    // ranking's first rows come from the index by average whatever the number of units
    await q.query(`
      CREATE TABLE dashboard_unit_score (
        year integer NOT NULL, org_id uuid NOT NULL, kind varchar(16) NOT NULL,
        n integer NOT NULL, score_sum numeric(14,2) NOT NULL, average numeric(6,2),
        PRIMARY KEY (year, org_id, kind)
      )`);
    await q.query(`CREATE INDEX dashboard_unit_score_rank_idx ON dashboard_unit_score (year, kind, average) WHERE n > 0`);
    // The targets `ids` counted again. Their recorded parts are locked first, in id order: a concurrent change of the
    // same target waits, and the next statement's snapshot (read committed) then sees what it committed. One statement
    // reads the recorded parts and the current ones (the same snapshot), records the current ones and appends the
    // differences for every organisation from the target's own up to the root.
    await q.query(`
      CREATE FUNCTION dashboard_tally_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM dashboard_tally_key WHERE project_id = ANY(ids) ORDER BY project_id FOR UPDATE;
        WITH RECURSIVE cur AS (
          SELECT p.id AS project_id, p.year, p.org_id, p.kind, p.status, e.status AS e_status, e.grade, e.total_score AS score,
                 p.status = 'approved' AND coalesce((SELECT x.light FROM project_monitoring x WHERE x.project_id = p.id
                                                      ORDER BY x.month DESC LIMIT 1) = 'red', false) AS red
            FROM project p LEFT JOIN project_evaluation e ON e.project_id = p.id
           WHERE p.id = ANY(ids)
        ), old AS (
          SELECT * FROM dashboard_tally_key WHERE project_id = ANY(ids)
        ), gone AS (
          DELETE FROM dashboard_tally_key k WHERE k.project_id = ANY(ids) AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.project_id = k.project_id)
        ), kept AS (
          INSERT INTO dashboard_tally_key (project_id, ${KEY}) SELECT project_id, ${KEY} FROM cur
          ON CONFLICT (project_id) DO UPDATE SET (${KEY}) = (EXCLUDED.year, EXCLUDED.org_id, EXCLUDED.kind, EXCLUDED.status,
            EXCLUDED.e_status, EXCLUDED.grade, EXCLUDED.score, EXCLUDED.red)
          WHERE (dashboard_tally_key.year, dashboard_tally_key.org_id, dashboard_tally_key.kind, dashboard_tally_key.status,
                 dashboard_tally_key.e_status, dashboard_tally_key.grade, dashboard_tally_key.score, dashboard_tally_key.red)
                IS DISTINCT FROM (EXCLUDED.year, EXCLUDED.org_id, EXCLUDED.kind, EXCLUDED.status, EXCLUDED.e_status, EXCLUDED.grade,
                                  EXCLUDED.score, EXCLUDED.red)
        ), delta AS (
          SELECT ${KEY}, -1 AS n FROM old o
           WHERE NOT EXISTS (SELECT 1 FROM cur c WHERE c.project_id = o.project_id AND (c.year, c.org_id, c.kind, c.status, c.e_status, c.grade, c.score, c.red)
                                                 IS NOT DISTINCT FROM (o.year, o.org_id, o.kind, o.status, o.e_status, o.grade, o.score, o.red))
          UNION ALL
          SELECT ${KEY}, 1 FROM cur c
           WHERE NOT EXISTS (SELECT 1 FROM old o WHERE o.project_id = c.project_id AND (c.year, c.org_id, c.kind, c.status, c.e_status, c.grade, c.score, c.red)
                                                 IS NOT DISTINCT FROM (o.year, o.org_id, o.kind, o.status, o.e_status, o.grade, o.score, o.red))
        ), up AS (
          SELECT o.id AS org_id, o.id AS scope_id, o.parent_id FROM org o WHERE o.id IN (SELECT org_id FROM delta)
          UNION ALL
          SELECT up.org_id, o.id, o.parent_id FROM up JOIN org o ON o.id = up.parent_id
        ), units AS (
          -- in key order: two statements lock the rows they share in the same order
          INSERT INTO dashboard_unit_score AS u (year, org_id, kind, n, score_sum, average)
          SELECT year, org_id, k.kind, sum(n), sum(n * score), round(sum(n * score) / nullif(sum(n), 0), 2)
            FROM delta CROSS JOIN LATERAL (VALUES (delta.kind), ('*')) k(kind) WHERE score IS NOT NULL
           GROUP BY year, org_id, k.kind HAVING sum(n) <> 0 OR sum(n * score) <> 0
           ORDER BY year, org_id, k.kind
          ON CONFLICT (year, org_id, kind) DO UPDATE SET n = u.n + EXCLUDED.n, score_sum = u.score_sum + EXCLUDED.score_sum,
            average = round((u.score_sum + EXCLUDED.score_sum) / nullif(u.n + EXCLUDED.n, 0), 2)
        )
        INSERT INTO dashboard_tally (year, scope_id, kind, status, e_status, grade, tens, red, n, score_sum)
        SELECT d.year, up.scope_id, d.kind, d.status, d.e_status, d.grade, least(floor(d.score / 10), 9), d.red,
               sum(d.n), coalesce(sum(d.n * d.score), 0)
          FROM delta d JOIN up ON up.org_id = d.org_id
         GROUP BY d.year, up.scope_id, d.kind, d.status, d.e_status, d.grade, least(floor(d.score / 10), 9), d.red
        HAVING sum(d.n) <> 0 OR coalesce(sum(d.n * d.score), 0) <> 0;
      END $$`);
    // a year's appended rows folded into one per group (rows a concurrent writer appends meanwhile are not in this
    // statement's snapshot and stay as they are; a second folding at the same time deletes only what the first left)
    await q.query(`
      CREATE FUNCTION dashboard_tally_compact(y integer) RETURNS void LANGUAGE sql AS $$
        WITH gone AS (DELETE FROM dashboard_tally WHERE year = y RETURNING *)
        INSERT INTO dashboard_tally (year, scope_id, kind, status, e_status, grade, tens, red, n, score_sum)
        SELECT year, scope_id, kind, status, e_status, grade, tens, red, sum(n), sum(score_sum) FROM gone
         GROUP BY year, scope_id, kind, status, e_status, grade, tens, red HAVING sum(n) <> 0 OR sum(score_sum) <> 0;
      $$`);
    // everything counted afresh: the existing data here, and after an organisation is moved (which no screen does)
    await q.query(`
      CREATE FUNCTION dashboard_tally_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM dashboard_tally;
        DELETE FROM dashboard_unit_score;
        DELETE FROM dashboard_tally_key;
        PERFORM dashboard_tally_refresh(ARRAY(SELECT id FROM project));
      END $$`);
    // once per statement for inserted and deleted rows (a bulk load counts its targets together)
    await q.query(`
      CREATE FUNCTION dashboard_tally_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        -- one transition table per trigger: each statement names only the one it has (a plan is made when first run)
        IF TG_TABLE_NAME = 'project' AND TG_OP = 'INSERT' THEN ids := ARRAY(SELECT id FROM new_rows);
        ELSIF TG_TABLE_NAME = 'project' THEN ids := ARRAY(SELECT id FROM old_rows);
        ELSIF TG_OP = 'INSERT' THEN ids := ARRAY(SELECT DISTINCT project_id FROM new_rows);
        ELSE ids := ARRAY(SELECT DISTINCT project_id FROM old_rows);
        END IF;
        IF cardinality(ids) > 0 THEN PERFORM dashboard_tally_refresh(ids); END IF;
        RETURN NULL;
      END $$`);
    // an updated row, only when it changed what is counted (the WHEN of each trigger)
    await q.query(`
      CREATE FUNCTION dashboard_tally_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'project' THEN PERFORM dashboard_tally_refresh(ARRAY[NEW.id]);
        ELSE PERFORM dashboard_tally_refresh(ARRAY[OLD.project_id, NEW.project_id]);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['project', 'project_evaluation', 'project_monitoring']) {
      await q.query(`CREATE TRIGGER ${table}_tally_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_tally_rows()`);
      await q.query(`CREATE TRIGGER ${table}_tally_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_tally_rows()`);
    }
    const changed = (cols: string[]) => cols.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ');
    await q.query(
      `CREATE TRIGGER project_tally_update AFTER UPDATE ON project FOR EACH ROW WHEN (${changed(['year', 'org_id', 'kind', 'status'])}) EXECUTE FUNCTION dashboard_tally_row()`,
    );
    await q.query(
      `CREATE TRIGGER project_evaluation_tally_update AFTER UPDATE ON project_evaluation FOR EACH ROW
         WHEN (${changed(['project_id', 'status', 'grade', 'total_score'])}) EXECUTE FUNCTION dashboard_tally_row()`,
    );
    await q.query(
      `CREATE TRIGGER project_monitoring_tally_update AFTER UPDATE ON project_monitoring FOR EACH ROW
         WHEN (${changed(['project_id', 'month', 'light'])}) EXECUTE FUNCTION dashboard_tally_row()`,
    );
    await q.query(`
      CREATE FUNCTION dashboard_tally_org() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM dashboard_tally_rebuild();
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER org_tally AFTER UPDATE ON org FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION dashboard_tally_org()`);
    await q.query(`SELECT dashboard_tally_rebuild()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER org_tally ON org`);
    await q.query(`DROP FUNCTION dashboard_tally_org()`);
    for (const table of ['project', 'project_evaluation', 'project_monitoring']) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_tally_${op} ON ${table}`);
    }
    await q.query(`DROP FUNCTION dashboard_tally_row()`);
    await q.query(`DROP FUNCTION dashboard_tally_rows()`);
    await q.query(`DROP FUNCTION dashboard_tally_rebuild()`);
    await q.query(`DROP FUNCTION dashboard_tally_compact(integer)`);
    await q.query(`DROP FUNCTION dashboard_tally_refresh(uuid[])`);
    await q.query(`DROP TABLE dashboard_unit_score`);
    await q.query(`DROP TABLE dashboard_tally`);
    await q.query(`DROP TABLE dashboard_tally_key`);
  }
}
