import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema version: organisations (finance bureau → departments → units), users with roles,
 * and server-side sessions (the server is stateless; sessions live in PostgreSQL).
 */
export class Init1732200000000 implements MigrationInterface {
  name = 'Init1732200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(32) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('finance', 'department', 'unit')),
        parent_id uuid REFERENCES org(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX org_parent_idx ON org(parent_id)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE,
        display_name varchar(100) NOT NULL,
        password_hash varchar(200) NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        org_id uuid NOT NULL REFERENCES org(id),
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX app_user_org_idx ON app_user(org_id)`);
    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session(user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_session`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE org`);
  }
}
