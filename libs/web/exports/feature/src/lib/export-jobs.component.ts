import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import {
  DownloadCancelled,
  EXPORT_JOB_STATUS_LABELS,
  ExportJobsApi,
  ExportsApi,
  FORM_LABELS,
  FORMAT_LABELS,
  formatBytes,
  jobActive,
  jobPercent,
  toExportFailure,
} from '@pt/web/exports/data-access';
import type { BatchForm, ExportJob, FileFormat } from '@pt/web/exports/data-access';
import { ApiPaths } from '@pt/shared/api-types';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

const POLL_MS = 1500;
const TAG_COLOR: Record<ExportJob['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error', cancelled: 'warning' };

/**
 * 我的导出任务: the user's background batch exports with their place in the queue and progress, refreshed while any
 * is queued or running; a finished file is downloaded from here, a queued or running job can be cancelled.
 */
@Component({
  selector: 'pt-export-jobs',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ExportsApi],
  imports: [DatePipe, NzButtonModule, NzEmptyModule, NzProgressModule, NzTableModule, NzTagModule],
  template: `
    <nz-table #t [nzData]="jobs()" nzSize="small" [nzFrontPagination]="false" [nzShowPagination]="false" [nzNoResult]="empty" data-testid="export-jobs">
      <thead>
        <tr>
          <th>提交时间</th>
          <th>内容</th>
          <th>状态</th>
          <th nzWidth="200px">进度</th>
          <th>操作</th>
        </tr>
      </thead>
      <tbody>
        @for (j of t.data; track j.id) {
          <tr [attr.data-job]="j.id">
            <td>{{ j.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>{{ describe(j) }}</td>
            <td>
              <nz-tag [nzColor]="tagColor[j.status]" data-testid="job-status">{{ labels[j.status] }}</nz-tag>
              @if (j.status === 'queued' && j.position) {
                <span class="muted">第 {{ j.position }} 位</span>
              }
              @if (j.error) {
                <div class="error">{{ j.error }}</div>
              }
            </td>
            <td>
              @if (j.status === 'running' || j.status === 'done') {
                <nz-progress [nzPercent]="percent(j) ?? 0" nzSize="small" [nzStatus]="j.status === 'running' ? 'active' : 'success'" />
                <span class="muted">{{ j.done }} / {{ j.total ?? '…' }} 个项目@if (j.size) { · {{ size(j.size) }} }</span>
              }
            </td>
            <td class="actions">
              @if (j.status === 'done') {
                <button nz-button nzType="link" nzSize="small" (click)="download(j)" [nzLoading]="downloading() === j.id" data-testid="job-download">下载</button>
              }
              @if (active(j)) {
                <button nz-button nzType="link" nzSize="small" nzDanger (click)="remove(j)" data-testid="job-cancel">取消</button>
              } @else {
                <button nz-button nzType="link" nzSize="small" (click)="remove(j)" data-testid="job-delete">删除</button>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty><nz-empty nzNotFoundContent="暂无导出任务" /></ng-template>
    @if (message(); as m) {
      <div class="error" role="alert" data-testid="jobs-error">{{ m }}</div>
    }
  `,
  styles: `
    .muted { color: rgba(0, 0, 0, 0.45); margin-left: 4px; font-size: 12px; }
    .error { color: #cf1322; }
    .actions { white-space: nowrap; }
  `,
})
export class ExportJobsComponent {
  private readonly api = inject(ExportJobsApi);
  private readonly files = inject(ExportsApi);
  readonly jobs = signal<ExportJob[]>([]);
  readonly message = signal<string | null>(null);
  readonly downloading = signal<string | null>(null);
  protected readonly labels = EXPORT_JOB_STATUS_LABELS;
  protected readonly tagColor = TAG_COLOR;
  protected readonly percent = jobPercent;
  protected readonly active = jobActive;
  protected readonly size = formatBytes;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      if (this.timer) clearTimeout(this.timer);
    });
    void this.reload();
  }

  /** Read the list again, and keep reading it while a job may still change. */
  async reload(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    try {
      const jobs = await this.api.list();
      this.jobs.set(jobs);
      this.message.set(null);
      if (!this.destroyed && jobs.some(jobActive)) this.timer = setTimeout(() => void this.reload(), POLL_MS);
    } catch (e) {
      this.message.set(toExportFailure(e).message);
    }
  }

  describe(j: ExportJob): string {
    return `${j.query.year} 年 ${FORM_LABELS[j.query.form as BatchForm] ?? j.query.form} · ${FORMAT_LABELS[j.query.format as FileFormat] ?? j.query.format}`;
  }

  async download(j: ExportJob): Promise<void> {
    this.downloading.set(j.id);
    try {
      await this.files.download(ApiPaths.exportJobFile(j.id), {}, j.fileName ?? `export-${j.id.slice(0, 8)}`);
    } catch (e) {
      if (!(e instanceof DownloadCancelled)) this.message.set(toExportFailure(e).message);
    } finally {
      this.downloading.set(null);
    }
  }

  async remove(j: ExportJob): Promise<void> {
    try {
      await this.api.remove(j.id);
    } catch (e) {
      this.message.set(toExportFailure(e).message);
    }
    await this.reload();
  }
}
