import { Inject, Injectable } from '@nestjs/common';
import { ApiHttpException, APP_CONFIG, type AppConfig } from '@pt/api/core';
import type { BatchExportQueryDto, ExportJob, ExportJobStatus, UserSummary } from '@pt/shared/contracts';
import type { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ExportsService, type FileAnswer } from '../exports.service';

/** Jobs a user may have queued or running at once: a whole year of every form fits; more is a runaway script. */
export const MAX_ACTIVE_JOBS_PER_USER = 20;

interface JobRow {
  id: string;
  status: ExportJobStatus;
  query: ExportJob['query'];
  done: number;
  total: number | null;
  position: string | number | null;
  file_name: string | null;
  content_type: string | null;
  size: string | number | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  expires_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const num = (v: string | number | null) => (v === null ? null : Number(v));

function toJob(r: JobRow): ExportJob {
  return {
    id: r.id,
    status: r.status,
    query: r.query,
    done: r.done,
    total: r.total,
    position: r.status === 'queued' ? num(r.position) : null,
    fileName: r.file_name,
    size: num(r.size),
    error: r.error,
    createdAt: iso(r.created_at) as string,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    expiresAt: iso(r.expires_at),
  };
}

/** A job's columns, with its place among the queued jobs of every user (the workers take the oldest first). */
const JOB_COLUMNS = `j.id, j.status, j.query, j.done, j.total, j.file_name, j.content_type, j.size, j.error, j.created_at,
  j.started_at, j.finished_at, j.expires_at,
  CASE WHEN j.status = 'queued' THEN (SELECT count(*) FROM export_job q WHERE q.status = 'queued' AND q.created_at <= j.created_at) END AS position`;

const notFound = () => new ApiHttpException(404, 'NOT_FOUND', '导出任务不存在或无权查看');

/**
 * The user's side of background batch exports: queue one, see the queue and progress, cancel, download the
 * finished file. The work itself is done by {@link ExportWorker} on whichever instance claims the job.
 */
@Injectable()
export class ExportJobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exportsService: ExportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enqueue(user: UserSummary, q: BatchExportQueryDto): Promise<ExportJob> {
    // the same checks as a direct export (form × format, the Word limit), answered now rather than as a failed job
    await this.exportsService.batch(user, q);
    const query: ExportJob['query'] = { year: q.year, form: q.form, format: q.format, ...(q.orgId ? { orgId: q.orgId } : {}) };
    // the count and the insert in one statement, so that parallel requests cannot pass the limit together
    const rows: JobRow[] = await this.dataSource.query(
      `WITH active AS (SELECT count(*) AS n FROM export_job WHERE user_id = $1 AND status IN ('queued', 'running'))
       INSERT INTO export_job (user_id, query) SELECT $1, $2::jsonb FROM active WHERE active.n < $3
       RETURNING id`,
      [user.id, JSON.stringify(query), MAX_ACTIVE_JOBS_PER_USER],
    );
    if (rows.length === 0) {
      throw new ApiHttpException(429, 'TOO_MANY_REQUESTS', `您排队和进行中的导出任务已有 ${MAX_ACTIVE_JOBS_PER_USER} 个，请等待完成或取消一些后再试`);
    }
    return this.get(user, rows[0].id);
  }

  /** The user's jobs, newest first (the last 50). */
  async list(user: UserSummary): Promise<ExportJob[]> {
    const rows: JobRow[] = await this.dataSource.query(
      `SELECT ${JOB_COLUMNS} FROM export_job j WHERE j.user_id = $1 ORDER BY j.created_at DESC LIMIT 50`,
      [user.id],
    );
    return rows.map(toJob);
  }

  async get(user: UserSummary, id: string): Promise<ExportJob> {
    return toJob(await this.row(user, id));
  }

  /** Cancel a queued or running job (a running one stops at its next project); a finished one is deleted with its file. */
  async cancel(user: UserSummary, id: string): Promise<void> {
    const job = await this.row(user, id);
    if (job.status === 'queued' || job.status === 'running') {
      await this.dataSource.query(
        `UPDATE export_job SET status = 'cancelled', finished_at = now(), expires_at = now() + interval '1 hour'
          WHERE id = $1 AND status IN ('queued', 'running')`,
        [id],
      );
      await this.dataSource.query(`DELETE FROM export_job_chunk WHERE job_id = $1`, [id]);
    } else {
      await this.dataSource.query(`DELETE FROM export_job WHERE id = $1`, [id]);
    }
  }

  /** The finished file, streamed chunk by chunk (one chunk in memory at a time). */
  async file(user: UserSummary, id: string): Promise<FileAnswer> {
    const job = await this.row(user, id);
    if (job.status !== 'done' || !job.file_name || !job.content_type) {
      throw new ApiHttpException(409, 'CONFLICT', `导出任务${job.status === 'failed' ? '失败' : job.status === 'cancelled' ? '已取消' : '尚未完成'}，没有可下载的文件`);
    }
    const chunks: { seq: number }[] = await this.dataSource.query(`SELECT seq FROM export_job_chunk WHERE job_id = $1 ORDER BY seq`, [id]);
    return {
      fileName: job.file_name,
      contentType: job.content_type,
      write: async (out: Writable) => {
        for (const { seq } of chunks) {
          const [c]: { data: Buffer }[] = await this.dataSource.query(`SELECT data FROM export_job_chunk WHERE job_id = $1 AND seq = $2`, [id, seq]);
          if (!c) throw new ApiHttpException(410, 'GONE', '导出文件已过期');
          if (!out.write(c.data)) await new Promise<void>((resolve) => out.once('drain', resolve));
        }
        out.end();
      },
    };
  }

  /** Hours a finished file is kept. */
  get keepHours(): number {
    return this.config.exports.keepHours;
  }

  private async row(user: UserSummary, id: string): Promise<JobRow> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound();
    const rows: JobRow[] = await this.dataSource.query(`SELECT ${JOB_COLUMNS} FROM export_job j WHERE j.id = $1 AND j.user_id = $2`, [id, user.id]);
    if (!rows[0]) throw notFound();
    return rows[0];
  }
}
