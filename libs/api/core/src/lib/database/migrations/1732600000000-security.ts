import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 等保三级: the audit log (append-only — a trigger refuses UPDATE, DELETE and TRUNCATE — and hash-chained),
 * login lockout counters, the password history, and idempotency keys of creates and transitions.
 * All in PostgreSQL, so that several app instances act as one.
 */
export class Security1732600000000 implements MigrationInterface {
  name = 'Security1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        user_id uuid,
        username varchar(64),
        event varchar(48) NOT NULL,
        object_type varchar(32),
        object_id varchar(100),
        result varchar(16) NOT NULL,
        client_ip varchar(64),
        details jsonb,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log(at)`);
    await q.query(`CREATE INDEX audit_log_user_idx ON audit_log(user_id, id)`);
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TABLE login_attempt (
        username varchar(64) PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE password_history (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        password_hash varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX password_history_user_idx ON password_history(user_id, id)`);
    await q.query(`
      CREATE TABLE idempotency_key (
        user_id uuid NOT NULL,
        key varchar(200) NOT NULL,
        method varchar(8) NOT NULL,
        path varchar(300) NOT NULL,
        request_hash char(64) NOT NULL,
        status_code integer,
        response jsonb,
        etag varchar(40),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE password_history`);
    await q.query(`DROP TABLE login_attempt`);
    await q.query(`DROP TRIGGER audit_log_no_truncate ON audit_log`);
    await q.query(`DROP TRIGGER audit_log_no_change ON audit_log`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
