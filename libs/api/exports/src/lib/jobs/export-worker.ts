import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AuthService } from '@pt/api/auth';
import { APP_CONFIG, type AppConfig } from '@pt/api/core';
import type { BatchExportQueryDto, UserSummary } from '@pt/shared/contracts';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ExportsService } from '../exports.service';

/** Bytes per stored chunk of a finished file: big enough for few rows, small enough to stream. */
export const CHUNK_BYTES = 1024 * 1024;
const POLL_MS = 1000;
/** A running job whose instance has not written progress for this long is taken to be dead and queued again. */
const STALE_SECONDS = 120;

class JobCancelled extends Error {}

/**
 * Runs background batch exports on this instance: at most `EXPORT_WORKERS` at once (default 1), at most one
 * per user across instances (checked when a job is claimed), the oldest first. Each job uses one database
 * connection at a time, so interactive requests keep the rest of the pool; the export itself yields to the
 * event loop between projects. The file goes to PostgreSQL in 1 MiB chunks, kept for `EXPORT_KEEP_HOURS`.
 */
@Injectable()
export class ExportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExportWorker');
  private readonly running = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private ticking = false;
  private stopped = false;
  private lastSweep = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly exportsService: ExportsService,
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.exports.workers === 0) return;
    this.timer = setInterval(() => void this.tick(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // a job cut short here is queued again by the stale check of another (or the next) instance
    await Promise.allSettled([...this.running]);
  }

  /** Claim and start jobs while this instance has free workers; now and then requeue dead jobs and drop expired files. */
  async tick(): Promise<void> {
    if (this.ticking || this.stopped) return;
    this.ticking = true;
    try {
      if (Date.now() - this.lastSweep > 30_000) {
        this.lastSweep = Date.now();
        await this.sweep();
      }
      while (this.running.size < this.config.exports.workers && !this.stopped) {
        const job = await this.claim();
        if (!job) break;
        const p = this.run(job).finally(() => this.running.delete(p));
        this.running.add(p);
      }
    } catch (e) {
      this.logger.warn({ msg: 'export queue poll failed', error: (e as Error).message });
    } finally {
      this.ticking = false;
    }
  }

  /** Wait until every job this instance started has ended (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private async sweep(): Promise<void> {
    await this.dataSource.query(
      `UPDATE export_job SET status = 'queued', started_at = NULL, heartbeat_at = NULL, done = 0
        WHERE status = 'running' AND heartbeat_at < now() - ($1::int * interval '1 second')`,
      [STALE_SECONDS],
    );
    await this.dataSource.query(`DELETE FROM export_job WHERE expires_at < now()`);
  }

  private async claim(): Promise<{ id: string; user_id: string; query: BatchExportQueryDto } | null> {
    const rows: { id: string; user_id: string; query: BatchExportQueryDto }[] = await this.dataSource.query(
      `UPDATE export_job SET status = 'running', started_at = now(), heartbeat_at = now()
        WHERE id = (
          SELECT j.id FROM export_job j
           WHERE j.status = 'queued'
             AND NOT EXISTS (SELECT 1 FROM export_job r WHERE r.user_id = j.user_id AND r.status = 'running')
           ORDER BY j.created_at FOR UPDATE SKIP LOCKED LIMIT 1)
          AND status = 'queued'
        RETURNING id, user_id, query`,
    );
    // UPDATE … RETURNING answers [rows, count] on some drivers
    const list = Array.isArray(rows[0]) ? (rows[0] as unknown as typeof rows) : rows;
    return list[0] ?? null;
  }

  private async run(job: { id: string; user_id: string; query: BatchExportQueryDto }): Promise<void> {
    let seq = 0;
    let size = 0;
    try {
      const user = await this.owner(job.user_id);
      let last = 0;
      const progress = async (done: number, total: number) => {
        if (done < total && Date.now() - last < 500) return;
        last = Date.now();
        const [r]: { status: string }[] = await this.dataSource.query(
          `UPDATE export_job SET done = $2, total = $3, heartbeat_at = now() WHERE id = $1 RETURNING status`,
          [job.id, done, total],
        ).then((x: unknown[]) => (Array.isArray(x[0]) ? (x[0] as { status: string }[]) : (x as { status: string }[])));
        if (!r || r.status !== 'running' || this.stopped) throw new JobCancelled();
      };
      const file = await this.exportsService.batch(user, job.query, progress);
      const sink = new ChunkSink(async (data) => {
        await this.dataSource.query(`INSERT INTO export_job_chunk (job_id, seq, data) VALUES ($1, $2, $3)`, [job.id, seq++, data]);
        size += data.length;
      });
      await file.write(sink);
      await sink.stored();
      await this.dataSource.query(
        `UPDATE export_job SET status = 'done', finished_at = now(), heartbeat_at = now(), done = COALESCE(total, done),
                expires_at = now() + ($2::int * interval '1 hour'), file_name = $3, content_type = $4, size = $5
          WHERE id = $1 AND status = 'running'`,
        [job.id, this.config.exports.keepHours, file.fileName, file.contentType, size],
      );
    } catch (e) {
      if (e instanceof JobCancelled) {
        await this.dataSource.query(`DELETE FROM export_job_chunk WHERE job_id = $1`, [job.id]).catch(() => undefined);
        return;
      }
      const message = (e as { response?: { message?: string } }).response?.message ?? '导出失败，请稍后重试';
      this.logger.warn({ msg: 'export job failed', job: job.id, error: (e as Error).message });
      await this.dataSource
        .query(`UPDATE export_job SET status = 'failed', finished_at = now(), error = $2, expires_at = now() + interval '1 day' WHERE id = $1 AND status = 'running'`, [
          job.id,
          String(message).slice(0, 500),
        ])
        .catch(() => undefined);
      await this.dataSource.query(`DELETE FROM export_job_chunk WHERE job_id = $1`, [job.id]).catch(() => undefined);
    }
  }

  /** The job's owner as a session would see them; a disabled account's jobs fail. */
  private async owner(userId: string): Promise<UserSummary> {
    const user = await this.auth.activeUser(userId);
    if (!user) throw Object.assign(new Error('owner disabled'), { response: { message: '账号已停用，导出任务未执行' } });
    return user;
  }
}

/** A writable that hands the bytes on in chunks of {@link CHUNK_BYTES}, waiting for each to be stored (backpressure). */
export class ChunkSink extends Writable {
  private parts: Buffer[] = [];
  private length = 0;
  private readonly ended: Promise<void>;

  constructor(private readonly store: (data: Buffer) => Promise<void>) {
    super();
    this.ended = new Promise((resolve, reject) => {
      this.on('finish', () => resolve());
      this.on('error', reject);
    });
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.parts.push(chunk);
    this.length += chunk.length;
    if (this.length < CHUNK_BYTES) return cb();
    this.flush().then(() => cb(), cb);
  }

  override _final(cb: (e?: Error | null) => void): void {
    this.flush().then(() => cb(), cb);
  }

  /** Resolves when every byte is stored. */
  stored(): Promise<void> {
    return this.ended;
  }

  private async flush(): Promise<void> {
    if (this.length === 0) return;
    const data = Buffer.concat(this.parts, this.length);
    this.parts = [];
    this.length = 0;
    for (let i = 0; i < data.length; i += CHUNK_BYTES) await this.store(data.subarray(i, i + CHUNK_BYTES));
  }
}
