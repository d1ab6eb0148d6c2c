import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The list's 指标数 kept on the target's row (issue 18): the list counted, for each of its 20 rows, the named rows of
 * the target's annual goal — 30 table rows each, 1.7 of the page query's 2.6 ms at 200,000 targets (6 million rows,
 * few of them in memory). `project.indicator_count` holds it (the annual goal of the target's own year, rows with a
 * name): the rows' one writer, `replaceIndicators`, sets it in the same transaction; triggers here keep it when a goal or
 * the target's year changes. Rows written another way (a script, a bulk load) end with `project_indicator_recount`.
 * Not a trigger on the rows: statement triggers on the rows' table cost 2 × 2 ms of a PUT of 30 rows (the full bench:
 * PUT p50 29 → 52 ms), where the writer knows the count.
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
    // a goal added, moved to another year or kind, or deleted with its rows (once per statement)
    await q.query(`
      CREATE FUNCTION project_indicator_goals() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN ids := ARRAY(SELECT DISTINCT project_id FROM new_rows);
        ELSIF TG_OP = 'DELETE' THEN ids := ARRAY(SELECT DISTINCT project_id FROM old_rows);
        ELSE ids := ARRAY(SELECT o.project_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                           WHERE (o.project_id, o.kind, o.year) IS DISTINCT FROM (n.project_id, n.kind, n.year)
                          UNION SELECT n.project_id FROM old_rows o JOIN new_rows n ON n.id = o.id
                           WHERE (o.project_id, o.kind, o.year) IS DISTINCT FROM (n.project_id, n.kind, n.year));
        END IF;
        IF cardinality(ids) > 0 THEN PERFORM project_indicator_recount(ids); END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER project_goal_count_insert AFTER INSERT ON project_goal REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_goals()`);
    await q.query(
      `CREATE TRIGGER project_goal_count_update AFTER UPDATE ON project_goal REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_goals()`,
    );
    await q.query(`CREATE TRIGGER project_goal_count_delete AFTER DELETE ON project_goal REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION project_indicator_goals()`);
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
    for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER project_goal_count_${op} ON project_goal`);
    await q.query(`DROP FUNCTION project_indicator_goals()`);
    await q.query(`DROP FUNCTION project_indicator_recount(uuid[])`);
    await q.query(`ALTER TABLE project DROP COLUMN indicator_count`);
  }
}
