import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list's 指标数 kept on the target's row (issue 18): the list counted, for each of its 20 rows, the named rows of
 * the target's annual goal — 30 table rows each, 1.7 of the page query's 2.6 ms at 200,000 targets (6 million rows,
 * few of them in memory). Triggers keep `project.indicator_count` (the annual goal of the target's own year, rows
 * with a name) whenever rows, goals or the target's year change; every writer goes through them.
 */
export class IndicatorCount1734500000000 implements MigrationInterface {
  name = 'IndicatorCount1734500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE project ADD COLUMN indicator_count integer NOT NULL DEFAULT 0`);
    // written only where it changed: editing a row's values leaves the target's row alone
    await q.query(`
      CREATE FUNCTION project_indicator_recount(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE project p SET indicator_count = c.n
          FROM (SELECT t.id, (SELECT count(*)::int FROM indicator i JOIN project_goal g ON g.id = i.goal_id
                               WHERE g.project_id = t.id AND g.kind = 'annual' AND g.year = t.year AND i.name <> '') AS n
                  FROM project t WHERE t.id = ANY(ids)) c
         WHERE p.id = c.id AND p.indicator_count <> c.n
      $$`);
    // once per statement; an indicator whose goal went in the same statement is counted by the goal's trigger
    await q.query(`
      CREATE FUNCTION project_indicator_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        IF TG_TABLE_NAME = 'indicator' AND TG_OP = 'INSERT' THEN
          ids := ARRAY(SELECT DISTINCT g.project_id FROM new_rows r JOIN project_goal g ON g.id = r.goal_id);
        ELSIF TG_TABLE_NAME = 'indicator' AND TG_OP = 'DELETE' THEN
          ids := ARRAY(SELECT DISTINCT g.project_id FROM old_rows r JOIN project_goal g ON g.id = r.goal_id);
        ELSIF TG_TABLE_NAME = 'indicator' THEN
          ids := ARRAY(SELECT DISTINCT g.project_id FROM old_rows r JOIN project_goal g ON g.id = r.goal_id
                       UNION SELECT g.project_id FROM new_rows r JOIN project_goal g ON g.id = r.goal_id);
        ELSIF TG_OP = 'INSERT' THEN ids := ARRAY(SELECT DISTINCT project_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN ids := ARRAY(SELECT DISTINCT project_id FROM old_rows);
        ELSE ids := ARRAY(SELECT project_id FROM old_rows UNION SELECT project_id FROM new_rows);
        END IF;
        IF cardinality(ids) > 0 THEN PERFORM project_indicator_recount(ids); END IF;
        RETURN NULL;
      END $$`);
    for (const table of ['indicator', 'project_goal']) {
      await q.query(`CREATE TRIGGER ${table}_count_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_rows()`);
      await q.query(
        `CREATE TRIGGER ${table}_count_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_rows()`,
      );
      await q.query(`CREATE TRIGGER ${table}_count_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_rows()`);
    }
    await q.query(`
      CREATE FUNCTION project_indicator_year() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM project_indicator_recount(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER project_count_year AFTER UPDATE ON project FOR EACH ROW WHEN (OLD.year IS DISTINCT FROM NEW.year) EXECUTE FUNCTION project_indicator_year()`);
    await q.query(`SELECT project_indicator_recount(ARRAY(SELECT id FROM project))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER project_count_year ON project`);
    await q.query(`DROP FUNCTION project_indicator_year()`);
    for (const table of ['indicator', 'project_goal']) for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_count_${op} ON ${table}`);
    await q.query(`DROP FUNCTION project_indicator_rows()`);
    await q.query(`DROP FUNCTION project_indicator_recount(uuid[])`);
    await q.query(`ALTER TABLE project DROP COLUMN indicator_count`);
  }
}
