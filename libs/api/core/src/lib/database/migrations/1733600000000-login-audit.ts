import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 (accounts, login, audit):
 * - the per-name lockout counts failures per user name AND client address, so strangers elsewhere cannot lock
 *   an administrator out; a second table throttles the failed logins of one address whatever the names;
 * - `must_change_password`: accounts created or reset by an administrator change their password at first login
 *   (existing accounts, the demo ones included, are not forced);
 * - audit events named by a route's code or, for an unknown route, by its method and path (longer than 48).
 */
export class LoginAudit1733600000000 implements MigrationInterface {
  name = 'LoginAudit1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE login_attempt ADD COLUMN client_ip varchar(64) NOT NULL DEFAULT ''`);
    await q.query(`ALTER TABLE login_attempt DROP CONSTRAINT login_attempt_pkey`);
    await q.query(`ALTER TABLE login_attempt ADD PRIMARY KEY (username, client_ip)`);
    await q.query(`
      CREATE TABLE login_throttle (
        client_ip varchar(64) PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        window_start timestamptz NOT NULL DEFAULT now(),
        blocked_until timestamptz
      )`);
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE audit_log ALTER COLUMN event TYPE varchar(100)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DELETE FROM login_attempt`);
    await q.query(`ALTER TABLE login_attempt DROP CONSTRAINT login_attempt_pkey`);
    await q.query(`ALTER TABLE login_attempt DROP COLUMN client_ip`);
    await q.query(`ALTER TABLE login_attempt ADD PRIMARY KEY (username)`);
  }
}
