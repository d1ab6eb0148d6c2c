import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scale (issue 18):
 * - Session invalidation for the per-instance session cache: triggers notify the channel `session_invalidate` when a
 *   session is revoked, deleted or shortened (`s:<id>`), a user is changed or deleted (`u:<id>`: disabled, new
 *   password, roles, organisation, name) or an organisation renamed (`*`). Every instance LISTENs (libs/api/auth,
 *   SessionInvalidationListener), so whoever writes — the API, a script, psql — ends the cached sessions at once.
 *   The idle timer's periodic touch of `last_seen_at` (forward) notifies nothing.
 * - The list's name search (`name ILIKE '%…%'`): a trigram index, when the server has pg_trgm (PostgreSQL's contrib;
 *   a server without it keeps the sequential filter, which the other filters of the list narrow first); and the year's
 *   names in an index of their own (year, org_id INCLUDE name, kind), so that a search pg_trgm cannot narrow — a
 *   two-character term, usual for Chinese names — filters the index instead of reading one heap page per target of
 *   the year (200,000 targets: 1.2 s → 79 ms for a year's count, BENCHMARKS.md). Its columns change only with the
 *   target's name, kind, year or unit, so saving a target's table or status stays a HOT update.
 */
export class Scale1734100000000 implements MigrationInterface {
  name = 'Scale1734100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION session_invalidate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'user_session' THEN
          PERFORM pg_notify('session_invalidate', 's:' || OLD.id);
        ELSIF TG_TABLE_NAME = 'app_user' THEN
          PERFORM pg_notify('session_invalidate', 'u:' || OLD.id);
        ELSE
          PERFORM pg_notify('session_invalidate', '*');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER user_session_invalidate AFTER UPDATE ON user_session FOR EACH ROW
        WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR NEW.last_seen_at < OLD.last_seen_at OR NEW.expires_at < OLD.expires_at
              OR NEW.user_id <> OLD.user_id OR NEW.token_hash <> OLD.token_hash)
        EXECUTE FUNCTION session_invalidate()`);
    await q.query(`CREATE TRIGGER user_session_invalidate_delete AFTER DELETE ON user_session FOR EACH ROW EXECUTE FUNCTION session_invalidate()`);
    await q.query(`CREATE TRIGGER app_user_invalidate AFTER UPDATE OR DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION session_invalidate()`);
    await q.query(`CREATE TRIGGER org_invalidate AFTER UPDATE OF name ON org FOR EACH STATEMENT EXECUTE FUNCTION session_invalidate()`);

    const [trgm]: { ok: boolean }[] = await q.query(
      `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')
           OR (EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') AND has_database_privilege(current_database(), 'CREATE')) AS ok`,
    );
    await q.query(`CREATE INDEX project_year_org_name_idx ON project (year, org_id) INCLUDE (name, kind)`);
    if (trgm?.ok) {
      await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await q.query(`CREATE INDEX project_name_trgm_idx ON project USING gin (name gin_trgm_ops)`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS project_name_trgm_idx`);
    await q.query(`DROP INDEX project_year_org_name_idx`);
    await q.query(`DROP TRIGGER org_invalidate ON org`);
    await q.query(`DROP TRIGGER app_user_invalidate ON app_user`);
    await q.query(`DROP TRIGGER user_session_invalidate_delete ON user_session`);
    await q.query(`DROP TRIGGER user_session_invalidate ON user_session`);
    await q.query(`DROP FUNCTION session_invalidate()`);
  }
}
