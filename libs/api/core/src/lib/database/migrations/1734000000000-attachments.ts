import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 佐证材料 (issue 17): a target's evidence files. The bytes are in attachment_chunk (in pieces: pg-backend.ts) by default, so that
 * a backup (pg_dump, or the embedded data dir) carries them, or in an S3-compatible store (`storage_key`).
 */
export class Attachments1734000000000 implements MigrationInterface {
  name = 'Attachments1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE attachment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL,
        indicator_id uuid,
        purpose varchar(16) NOT NULL,
        name varchar(200) NOT NULL,
        content_type varchar(120) NOT NULL,
        size bigint NOT NULL DEFAULT '0',
        sha256 char(64),
        state varchar(16) NOT NULL DEFAULT 'uploading',
        storage varchar(8) NOT NULL DEFAULT 'pg',
        storage_key varchar(300),
        created_by uuid,
        created_by_name varchar(100),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attachment_pkey PRIMARY KEY (id),
        CONSTRAINT attachment_project_id_fkey FOREIGN KEY (project_id) REFERENCES project(id) ON DELETE CASCADE,
        CONSTRAINT attachment_created_by_fkey FOREIGN KEY (created_by) REFERENCES app_user(id) ON DELETE SET NULL,
        CONSTRAINT attachment_purpose_check CHECK (purpose IN ('declaration', 'monitoring', 'evaluation', 'rectification')),
        CONSTRAINT attachment_state_check CHECK (state IN ('uploading', 'stored')),
        CONSTRAINT attachment_storage_check CHECK (storage IN ('pg', 's3'))
      )`);
    await q.query(`CREATE INDEX attachment_project_idx ON attachment (project_id, created_at)`);
    await q.query(`
      CREATE TABLE attachment_chunk (
        attachment_id uuid NOT NULL,
        seq integer NOT NULL,
        data bytea NOT NULL,
        CONSTRAINT attachment_chunk_pkey PRIMARY KEY (attachment_id, seq),
        CONSTRAINT attachment_chunk_attachment_id_fkey FOREIGN KEY (attachment_id) REFERENCES attachment(id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachment_chunk`);
    await q.query(`DROP TABLE attachment`);
  }
}
