import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Queries that stay flat as the data grows to a province's 200,000 targets (issue 18, BENCHMARKS.md):
 * - The list's name search: names are Chinese and searched by two characters (培训), where pg_trgm extracts no
 *   trigram (its index returned every target of every year). Instead a GIN index of each name's characters
 *   (lower-cased, as ILIKE compares) plus its year as one more element (`#2025`): the list asks for the term's
 *   characters and the year, the index answers with the year's targets holding them all, and the ILIKE keeps those
 *   holding the term itself. Built-in functions only (immutable, cheap where the planner filters with them instead):
 *   no extension, so the embedded database has it too. The trigram index it replaces is dropped.
 * - The list's order (updated_at DESC, id within a year): an index on (year, updated_at), read backwards (the id
 *   orders the rare equal times after it), so a page of a broad filter takes its rows from the index's head instead
 *   of sorting the year. Every write of a target moves updated_at, so those writes are no longer HOT updates.
 * - The year's targets of the dashboard, the counts and the target-setting report without their table:
 *   project_year_org_name_idx (year, org_id) now INCLUDEs kind, status, id, name and the year's money, so that the
 *   year's aggregates are index-only scans instead of one heap page per target.
 * - The inbox and the workbench (a status in every year): project_status_idx on (status, updated_at) INCLUDE (org_id,
 *   kind, year): a reviewer's page in the list's order from the index's head, the counts index-only.
 */
export class ScaleQueries1734200000000 implements MigrationInterface {
  name = 'ScaleQueries1734200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX project_name_chars_idx ON project USING gin ((string_to_array(lower(name), NULL) || ('#' || year::text)))`);
    await q.query(`DROP INDEX IF EXISTS project_name_trgm_idx`);
    await q.query(`CREATE INDEX project_year_updated_idx ON project (year, updated_at)`);
    await q.query(`DROP INDEX project_year_org_name_idx`);
    await q.query(`CREATE INDEX project_year_org_name_idx ON project (year, org_id) INCLUDE (kind, status, id, name, fund_annual_total)`);
    await q.query(`DROP INDEX project_status_idx`);
    await q.query(`CREATE INDEX project_status_idx ON project (status, updated_at) INCLUDE (org_id, kind, year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX project_status_idx`);
    await q.query(`CREATE INDEX project_status_idx ON project (status)`);
    await q.query(`DROP INDEX project_year_org_name_idx`);
    await q.query(`CREATE INDEX project_year_org_name_idx ON project (year, org_id) INCLUDE (name, kind)`);
    await q.query(`DROP INDEX project_year_updated_idx`);
    await q.query(`DROP INDEX project_name_chars_idx`);
  }
}
