import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows are part of a target's detail, and how a row names its target (`goal_id`: through its goal). */
const PARTS: readonly (readonly [table: string, key: 'project_id' | 'goal_id'])[] = [
  ['project_goal', 'project_id'],
  ['indicator', 'goal_id'],
  ['review_comment', 'project_id'],
  ['department_task', 'project_id'],
  // not in the target's own detail, but in next year's (last year's actuals beside each row)
  ['project_evaluation', 'project_id'],
];

/**
 * The detail's stamp (issue 18): `project.doc_stamp` takes a new value of the sequence `target_doc_stamp` whenever
 * anything its detail answer shows may have changed — its row; its goals, rows, review comments or 年度主要任务; its
 * unit's or department's name; and, for next year's same-name target (which shows this one's values and actuals as
 * 上年), this target's row, rows and self-evaluation. An instance keeps serialised details keyed by this stamp and
 * checks it with one primary-key read, so a write by any instance, script or psql session is seen at once.
 * Triggers, not the application: every writer (the API, imports, the demo data, psql) goes through them. A restore
 * does not (pg_restore loads the rows before it makes the triggers and sets the sequence back): it goes into an empty
 * database (`npm run restore`) that the servers are started on afresh, with no kept answer.
 */
export class TargetDocStamp1734300000000 implements MigrationInterface {
  name = 'TargetDocStamp1734300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE target_doc_stamp`);
    await q.query(`ALTER TABLE project ADD COLUMN doc_stamp bigint NOT NULL DEFAULT '0'`);
    // the row's own writes (a write that sets the stamp itself, the touches below, keeps the value it set)
    await q.query(`
      CREATE FUNCTION target_doc_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.doc_stamp := nextval('target_doc_stamp');
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER project_doc_stamp_insert BEFORE INSERT ON project FOR EACH ROW EXECUTE FUNCTION target_doc_stamp()`);
    await q.query(`
      CREATE TRIGGER project_doc_stamp BEFORE UPDATE ON project FOR EACH ROW
        WHEN (NEW.doc_stamp IS NOT DISTINCT FROM OLD.doc_stamp) EXECUTE FUNCTION target_doc_stamp()`);
    // the targets `ids` and their next year's same-name targets take a new stamp (one list of ids, found by their keys:
    // an OR of the two conditions would read the whole table)
    await q.query(`
      CREATE FUNCTION target_doc_touch(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        UPDATE project SET doc_stamp = nextval('target_doc_stamp')
         WHERE id IN (SELECT unnest(ids)
                      UNION
                      SELECT n.id FROM project t JOIN project n ON n.org_id = t.org_id AND n.year = t.year + 1 AND n.name = t.name AND n.kind = t.kind
                       WHERE t.id = ANY(ids))
      $$`);
    // a target's row changed in what next year's detail reads of it (its existence, name, unit, year, kind, status or
    // the time of its last change, which choose among same-name targets): next year's same-name targets
    await q.query(`
      CREATE FUNCTION target_doc_next_year() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          UPDATE project SET doc_stamp = nextval('target_doc_stamp')
           WHERE org_id = OLD.org_id AND year = OLD.year + 1 AND name = OLD.name AND kind = OLD.kind;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          UPDATE project SET doc_stamp = nextval('target_doc_stamp')
           WHERE org_id = NEW.org_id AND year = NEW.year + 1 AND name = NEW.name AND kind = NEW.kind;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER project_doc_next_year AFTER INSERT OR DELETE ON project FOR EACH ROW EXECUTE FUNCTION target_doc_next_year()`);
    await q.query(`
      CREATE TRIGGER project_doc_next_year_update AFTER UPDATE ON project FOR EACH ROW
        WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.year IS DISTINCT FROM NEW.year OR OLD.name IS DISTINCT FROM NEW.name
              OR OLD.kind IS DISTINCT FROM NEW.kind OR OLD.status IS DISTINCT FROM NEW.status OR OLD.updated_at IS DISTINCT FROM NEW.updated_at)
        EXECUTE FUNCTION target_doc_next_year()`);
    // a part's rows changed: once per statement, for the targets its rows (old and new) belong to
    await q.query(`
      CREATE FUNCTION target_doc_part() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE ids uuid[] := '{}';
      BEGIN
        IF TG_TABLE_NAME = 'indicator' THEN
          IF TG_OP <> 'INSERT' THEN ids := ids || ARRAY(SELECT DISTINCT g.project_id FROM old_rows r JOIN project_goal g ON g.id = r.goal_id); END IF;
          IF TG_OP <> 'DELETE' THEN ids := ids || ARRAY(SELECT DISTINCT g.project_id FROM new_rows r JOIN project_goal g ON g.id = r.goal_id); END IF;
        ELSE
          IF TG_OP <> 'INSERT' THEN ids := ids || ARRAY(SELECT DISTINCT project_id FROM old_rows); END IF;
          IF TG_OP <> 'DELETE' THEN ids := ids || ARRAY(SELECT DISTINCT project_id FROM new_rows); END IF;
        END IF;
        IF cardinality(ids) > 0 THEN PERFORM target_doc_touch(ids); END IF;
        RETURN NULL;
      END $$`);
    for (const [table] of PARTS) {
      await q.query(`CREATE TRIGGER ${table}_doc_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION target_doc_part()`);
      await q.query(
        `CREATE TRIGGER ${table}_doc_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION target_doc_part()`,
      );
      await q.query(`CREATE TRIGGER ${table}_doc_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION target_doc_part()`);
    }
    // a unit or department renamed or moved: the targets of the unit, and of the department's units
    await q.query(`
      CREATE FUNCTION target_doc_org() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE project SET doc_stamp = nextval('target_doc_stamp')
         WHERE org_id IN (SELECT NEW.id UNION SELECT id FROM org WHERE parent_id = NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER org_doc AFTER UPDATE ON org FOR EACH ROW
        WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.parent_id IS DISTINCT FROM NEW.parent_id OR OLD.kind IS DISTINCT FROM NEW.kind)
        EXECUTE FUNCTION target_doc_org()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER org_doc ON org`);
    await q.query(`DROP FUNCTION target_doc_org()`);
    for (const [table] of PARTS) for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_doc_${op} ON ${table}`);
    await q.query(`DROP FUNCTION target_doc_part()`);
    await q.query(`DROP TRIGGER project_doc_next_year_update ON project`);
    await q.query(`DROP TRIGGER project_doc_next_year ON project`);
    await q.query(`DROP FUNCTION target_doc_next_year()`);
    await q.query(`DROP FUNCTION target_doc_touch(uuid[])`);
    await q.query(`DROP TRIGGER project_doc_stamp ON project`);
    await q.query(`DROP TRIGGER project_doc_stamp_insert ON project`);
    await q.query(`DROP FUNCTION target_doc_stamp()`);
    await q.query(`ALTER TABLE project DROP COLUMN doc_stamp`);
    await q.query(`DROP SEQUENCE target_doc_stamp`);
  }
}
