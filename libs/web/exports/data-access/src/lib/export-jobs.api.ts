import { Injectable } from '@angular/core';
import { ApiPaths, type ExportJob, type ExportJobStatus } from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';
import { firstValueFrom } from 'rxjs';
import type { BatchExportQuery } from './export-query';
import { batchQueryParams } from './export-query';

export type { ExportJob, ExportJobStatus } from '@pt/shared/api-types';

export const EXPORT_JOB_STATUS_LABELS: Record<ExportJobStatus, string> = {
  queued: '排队中',
  running: '生成中',
  done: '已完成',
  failed: '失败',
  cancelled: '已取消',
};

/** Percent done of a job (null while the number of projects is not known yet). */
export function jobPercent(job: Pick<ExportJob, 'status' | 'done' | 'total'>): number | null {
  if (job.status === 'done') return 100;
  if (!job.total) return null;
  return Math.min(100, Math.floor((job.done * 100) / job.total));
}

/** Whether the job may still change (the page polls while any does). */
export function jobActive(job: Pick<ExportJob, 'status'>): boolean {
  return job.status === 'queued' || job.status === 'running';
}

/** Background batch exports (`/api/export-jobs`): queue one, list the user's jobs, cancel or delete one. */
@Injectable({ providedIn: 'root' })
export class ExportJobsApi extends ApiClient {
  create(q: BatchExportQuery): Promise<ExportJob> {
    const p = batchQueryParams(q);
    const body: Record<string, string | number> = { ...p, year: q.year };
    return firstValueFrom(this.http.post<ExportJob>(ApiPaths.exportJobs, body));
  }

  list(): Promise<ExportJob[]> {
    return this.read<ExportJob[]>(ApiPaths.exportJobs);
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(ApiPaths.exportJob(id)));
  }
}
