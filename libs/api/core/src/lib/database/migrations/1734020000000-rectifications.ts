import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 整改通知 (domain §11): one row per notice on a target, its answer, status, version and history. */
export class Rectifications1734020000000 implements MigrationInterface {
  name = 'Rectifications1734020000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rectification (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      project_id uuid NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'issued',
      version integer NOT NULL DEFAULT 1,
      problems text NOT NULL,
      requirements text NOT NULL,
      deadline date NOT NULL,
      feedback text,
      reason varchar(200) NOT NULL,
      issued_by uuid,
      issued_by_name varchar(100) NOT NULL,
      history jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT rectification_pkey PRIMARY KEY (id),
      CONSTRAINT rectification_status_check CHECK (status IN ('issued', 'submitted', 'returned', 'accepted')),
      CONSTRAINT rectification_project_id_fkey FOREIGN KEY (project_id) REFERENCES project (id) ON DELETE CASCADE,
      CONSTRAINT rectification_issued_by_fkey FOREIGN KEY (issued_by) REFERENCES app_user (id)
    )`);
    await q.query(`CREATE INDEX rectification_project_idx ON rectification (project_id, created_at)`);
    await q.query(`CREATE INDEX rectification_status_idx ON rectification (status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rectification`);
  }
}
