import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch exports as background jobs: the queue (claimed with FOR UPDATE SKIP LOCKED, so any instance may run a
 * job and none runs one twice) and the finished file in 1 MiB chunks, kept in PostgreSQL until it expires so
 * that a download works on every instance and a backup carries it.
 */
export class ExportJobs1733700000000 implements MigrationInterface {
  name = 'ExportJobs1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE export_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        query jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        done integer NOT NULL DEFAULT 0,
        total integer,
        file_name varchar(200),
        content_type varchar(120),
        size bigint,
        error varchar(500),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz,
        expires_at timestamptz
      )`);
    await q.query(`CREATE INDEX export_job_queue_idx ON export_job(created_at) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX export_job_user_idx ON export_job(user_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE export_job_chunk (
        job_id uuid NOT NULL REFERENCES export_job(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (job_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE export_job_chunk`);
    await q.query(`DROP TABLE export_job`);
  }
}
