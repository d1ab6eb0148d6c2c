/** Batch exports run as background jobs (POST /api/export-jobs with the body of GET /api/exports' query). */
export const EXPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ExportJobStatus = (typeof EXPORT_JOB_STATUSES)[number];

export interface ExportJob {
  id: string;
  status: ExportJobStatus;
  query: { year: number; orgId?: string; form: string; format: string };
  /** Projects written so far, of `total` (null until the job has selected them). */
  done: number;
  total: number | null;
  /** Place in the queue of this instance's workers (1 = next), only while queued. */
  position: number | null;
  fileName: string | null;
  size: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** The file is deleted after this time. */
  expiresAt: string | null;
}
