import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { ApiPaths, type TaskProgressRow, type TaskProgressStatus, type WorkTask } from '@pt/shared/api-types';
import { DownloadCancelled, ExportsApi } from '@pt/web/exports/data-access';
import { loadOn, loadState, toApiFailure } from '@pt/web/shared/data-access';
import { PROGRESS_COLORS, taskStepLabel, WorkApi } from '@pt/web/work/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { progressSummary } from './progress-summary';

/** A task's progress per unit: 未开始 / 填报中 / 已提交 / 已退回 / 已完成, what is overdue, the counts; 导出 as a file. */
@Component({
  selector: 'pt-task-progress-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, RouterLink, NzAlertModule, NzButtonModule, NzCardModule, NzIconModule, NzRadioModule, NzTableModule, NzTagModule],
  template: `
    <div class="head">
      <h2 data-testid="task-title">{{ task()?.title ?? '任务进度' }}</h2>
      @if (task(); as t) {
        <span class="meta">{{ stepLabel(t) }} · 截止 {{ t.deadline }} · {{ t.setterOrgName }}</span>
      }
      <span class="grow"></span>
      <a nz-button routerLink="/tasks">返回任务列表</a>
      <button nz-button type="button" (click)="load()" [disabled]="state.loading()" data-testid="progress-reload"><span nz-icon nzType="reload"></span>刷新</button>
      <button nz-button nzType="primary" type="button" (click)="exportFile()" [nzLoading]="exporting()" [disabled]="rows().length === 0" data-testid="progress-export">
        <span nz-icon nzType="export"></span>导出
      </button>
    </div>
    @if (state.error(); as e) {
      <nz-alert class="block" nzType="error" nzShowIcon [nzMessage]="e" data-testid="progress-error"></nz-alert>
    }
    @if (exportError(); as e) {
      <nz-alert class="block" nzType="error" nzShowIcon nzCloseable [nzMessage]="e" (nzOnClose)="exportError.set(null)" data-testid="progress-export-error"></nz-alert>
    }
    <nz-card nzSize="small">
      <div class="summary" data-testid="progress-summary">
        <nz-radio-group [ngModel]="filter()" (ngModelChange)="filter.set($event)" nzButtonStyle="solid" nzSize="small">
          <label nz-radio-button [nzValue]="null">全部 {{ rows().length }}</label>
          @for (s of summary(); track s.status) {
            <label nz-radio-button [nzValue]="s.status">{{ s.status }} {{ s.count }}</label>
          }
          <label nz-radio-button nzValue="overdue">逾期 {{ overdueCount() }}</label>
        </nz-radio-group>
      </div>
      <nz-table #table [nzData]="shown()" [nzLoading]="state.loading()" nzSize="small" [nzPageSize]="50" [nzHideOnSinglePage]="true" data-testid="progress-table">
        <thead>
          <tr><th>单位</th><th nzWidth="120px">状态</th><th nzWidth="140px">完成 / 目标数</th><th nzWidth="100px">逾期</th></tr>
        </thead>
        <tbody>
          @for (r of table.data; track r.orgId) {
            <tr [attr.data-testid]="'progress-row-' + r.orgName">
              <td>{{ r.orgName }}</td>
              <td><nz-tag [nzColor]="colors[r.status]" data-testid="progress-status">{{ r.status }}</nz-tag></td>
              <td>{{ r.done }} / {{ r.targets }}</td>
              <td>
                @if (r.overdue) {
                  <nz-tag nzColor="red" data-testid="progress-overdue">已逾期</nz-tag>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
  styles: `
    .head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-bottom: 16px; }
    .head h2 { margin: 0; font-size: 18px; }
    .meta { color: rgba(0, 0, 0, 0.45); }
    .grow { flex: 1; }
    .block { display: block; margin-bottom: 16px; }
    .summary { margin-bottom: 12px; }
  `,
})
export class TaskProgressPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  private readonly api = inject(WorkApi);
  private readonly exports = inject(ExportsApi);
  private readonly message = inject(NzMessageService);
  readonly state = loadState(true);
  readonly task = signal<WorkTask | null>(null);
  readonly rows = signal<TaskProgressRow[]>([]);
  readonly filter = signal<TaskProgressStatus | 'overdue' | null>(null);
  readonly summary = computed(() => progressSummary(this.rows()).filter((s) => s.count > 0));
  readonly overdueCount = computed(() => this.rows().filter((r) => r.overdue).length);
  readonly shown = computed(() => {
    const f = this.filter();
    return f === null ? this.rows() : this.rows().filter((r) => (f === 'overdue' ? r.overdue : r.status === f));
  });
  readonly exporting = signal(false);
  readonly exportError = signal<string | null>(null);
  readonly colors = PROGRESS_COLORS;
  readonly stepLabel = taskStepLabel;

  constructor() {
    loadOn(() => this.id(), (id) => this.load(id));
  }

  async load(id = this.id()): Promise<void> {
    await this.state.run(
      async () => {
        const [task, rows] = await Promise.all([this.api.task(id), this.api.progress(id)]);
        this.task.set(task);
        this.rows.set(rows);
      },
      (e) => toApiFailure(e, '任务进度加载失败，请稍后重试', { 404: '任务不存在或您无权查看' }).message,
    );
  }

  async exportFile(): Promise<void> {
    this.exporting.set(true);
    this.exportError.set(null);
    try {
      const file = await this.exports.download(ApiPaths.taskProgressExport(this.id()), {}, `任务进度-${this.task()?.title ?? this.id()}.xlsx`);
      this.message.success(`已导出 ${file.fileName}`);
    } catch (e) {
      if (!(e instanceof DownloadCancelled)) this.exportError.set(toApiFailure(e, '导出失败，请稍后重试').message);
    } finally {
      this.exporting.set(false);
    }
  }
}
