import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { DownloadOutline } from '@ant-design/icons-angular/icons';
import {
  batchFormats,
  DownloadCancelled,
  ExportJobsApi,
  ExportsApi,
  formatBytes,
  FORMAT_LABELS,
  FORM_LABELS,
  progressText,
  toExportFailure,
} from '@pt/web/exports/data-access';
import type { BatchForm, FileFormat } from '@pt/web/exports/data-access';
import { orgOptions, ProjectsApi, TARGET_KIND_OPTIONS } from '@pt/web/projects/data-access';
import type { OrgNode } from '@pt/web/projects/data-access';
import { type ApiFailure, toApiFailure, yearFilter, yearRange } from '@pt/web/shared/data-access';
import { FormFieldComponent, OrgSelectComponent, YearSelectComponent } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { ExportJobsComponent } from './export-jobs.component';

/** The forms of every kind (each target in its own kind's layout); a kind chosen narrows them to its named form. */
type BaseBatchForm = 'declaration' | 'evaluation' | 'publication';
const BATCH_FORMS: BaseBatchForm[] = ['declaration', 'evaluation', 'publication'];
const FORMATS: FileFormat[] = ['xlsx', 'pdf', 'docx', 'zip'];
/** 全部 or a kind with forms of its own (department-declaration …); the API has no project-only batch. */
type BatchKind = 'all' | 'department' | 'policy';
const KIND_CHOICES: { label: string; value: BatchKind }[] = [
  { label: '全部类型', value: 'all' },
  ...TARGET_KIND_OPTIONS.filter((k): k is { value: 'department' | 'policy'; label: string } => k.value !== 'project'),
];

/** The form asked of the API: a kind's named form when a kind is chosen (the publication list holds every kind). */
export function batchFormOf(form: BaseBatchForm, kind: BatchKind): BatchForm {
  return form === 'publication' || kind === 'all' ? form : `${kind}-${form}`;
}

/**
 * 批量导出: every target of a year the user may see (optionally of one organisation and its units, optionally
 * only the 部门（单位）整体 or 政策 targets) as one file: 申报表 / 自评表 as a workbook (one sheet each), one PDF or a zip of files; the
 * publication list (公开清单) as a workbook. The download shows its progress (received size).
 */
@Component({
  selector: 'pt-batch-export-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ExportsApi, provideNzIconsPatch([DownloadOutline])],
  imports: [
    ExportJobsComponent,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzProgressModule,
    NzSegmentedModule,
    FormFieldComponent,
    OrgSelectComponent,
    YearSelectComponent,
  ],
  template: `
    <nz-card nzTitle="批量导出">
      <form nz-form nzLayout="vertical" class="form" (ngSubmit)="run()">
        <pt-form-field label="预算年度" controlId="batch-year" required>
          <pt-year-select class="full" inputId="batch-year" testId="batch-year" search [years]="years()" [value]="year()" (valueChange)="year.set($event)" />
        </pt-form-field>
        <pt-form-field label="单位" controlId="batch-org" extra="不选则导出您可见的全部单位的绩效目标；选主管部门时包括其下属单位">
          <pt-org-select class="full" inputId="batch-org" testId="batch-org" placeholder="全部可见单位" [options]="orgChoices()" [value]="orgId()" (valueChange)="orgId.set($event)" />
        </pt-form-field>
        <nz-form-item>
          <nz-form-label>表单</nz-form-label>
          <nz-form-control>
            <nz-segmented name="form" [nzOptions]="formOptions" [ngModel]="form()" (ngModelChange)="setForm($event)" data-testid="batch-form" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>目标类型</nz-form-label>
          <nz-form-control [nzExtra]="form() === 'publication' ? '公开清单包括各类已批复的绩效目标' : '全部类型时每个目标按其类型的表样导出'">
            <nz-segmented name="kind" [nzOptions]="kindOptions()" [ngModel]="kind()" (ngModelChange)="kind.set($event)" data-testid="batch-kind" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label>格式</nz-form-label>
          <nz-form-control [nzExtra]="formatHint()">
            <nz-segmented name="format" [nzOptions]="formatOptions()" [ngModel]="format()" (ngModelChange)="format.set($event)" data-testid="batch-format" />
          </nz-form-control>
        </nz-form-item>
        <div class="buttons">
          <button nz-button nzType="primary" type="button" (click)="queue()" [nzLoading]="queueing()" data-testid="batch-queue">后台导出</button>
          <button nz-button type="submit" [nzLoading]="api.downloading()" data-testid="batch-export">
            @if (!api.downloading()) {
              <span nz-icon nzType="download"></span>
            }
            直接下载
          </button>
          @if (api.downloading()) {
            <button nz-button type="button" (click)="api.cancel()" data-testid="batch-cancel">取消</button>
          }
        </div>
      </form>

      @if (api.progress(); as p) {
        <div class="progress" data-testid="batch-progress">
          <nz-progress [nzPercent]="p.percent ?? 100" nzStatus="active" [nzShowInfo]="p.percent !== null" />
          <div class="progress-text">正在生成并下载文件… {{ progressText(p) }}</div>
        </div>
      }
      @if (failure(); as f) {
        <nz-alert class="block" nzType="error" nzShowIcon nzCloseable [nzMessage]="f.message" [nzDescription]="detailsTpl" data-testid="batch-error" />
        <ng-template #detailsTpl>
          @for (d of f.details; track $index) {
            <div>{{ d.message }}</div>
          }
        </ng-template>
      }
      @if (done(); as d) {
        <nz-alert class="block" nzType="success" nzShowIcon [nzMessage]="'已导出：' + d.fileName + '（' + d.size + '）'" data-testid="batch-done" />
      }
    </nz-card>
    <nz-card class="jobs" nzTitle="我的导出任务" [nzExtra]="jobsHint">
      <pt-export-jobs />
    </nz-card>
    <ng-template #jobsHint><span class="hint">后台导出在服务器上排队生成，可离开本页，完成后在此下载（保留 24 小时）</span></ng-template>
  `,
  styles: `
    .form { max-width: 640px; }
    .full { display: block; }
    .buttons { display: flex; gap: 8px; }
    .progress { max-width: 640px; margin-top: 16px; }
    .progress-text { color: rgba(0, 0, 0, 0.45); }
    .block { margin-top: 16px; max-width: 640px; }
    .jobs { margin-top: 16px; }
    .hint { color: rgba(0, 0, 0, 0.45); font-size: 12px; }
  `,
})
export class BatchExportPage {
  protected readonly api = inject(ExportsApi);
  private readonly jobsApi = inject(ExportJobsApi);
  private readonly jobList = viewChild.required(ExportJobsComponent);
  readonly queueing = signal(false);
  private readonly projects = inject(ProjectsApi);

  /** Next year back to 2018 (the demo data and the reference tables start in 2020), and every year with data. */
  private readonly yearChoice = yearFilter({ years: yearRange(new Date().getFullYear() + 1, 2018) });
  readonly years = this.yearChoice.years;
  readonly formOptions = BATCH_FORMS.map((f) => ({ label: FORM_LABELS[f], value: f }));
  protected readonly progressText = progressText;

  readonly year = this.yearChoice.year;
  readonly orgId = signal<string | null>(null);
  readonly form = signal<BaseBatchForm>('declaration');
  readonly kind = signal<BatchKind>('all');
  readonly kindOptions = computed(() => KIND_CHOICES.map((k) => ({ ...k, disabled: this.form() === 'publication' && k.value !== 'all' })));
  /** What is sent: the form, narrowed to the chosen kind. */
  readonly batchForm = computed(() => batchFormOf(this.form(), this.kind()));
  readonly format = signal<FileFormat>('xlsx');
  private readonly orgs = signal<OrgNode[]>([]);
  readonly orgChoices = computed(() => orgOptions(this.orgs()));
  readonly formatOptions = computed(() => {
    const allowed = batchFormats(this.batchForm());
    return FORMATS.map((f) => ({ label: FORMAT_LABELS[f], value: f, disabled: !allowed.includes(f) }));
  });
  readonly formatHint = computed(() =>
    this.form() === 'publication' ? '公开清单只有 Excel 格式' : 'Excel：每个目标一个工作表；PDF、Word：所有目标合为一个文件，每个目标从新的一页开始（Word 最多 100 个）；ZIP：每个目标一个 PDF',
  );
  readonly failure = signal<ApiFailure | null>(null);
  readonly done = signal<{ fileName: string; size: string } | null>(null);

  constructor() {
    this.projects.orgs().then(
      (orgs) => this.orgs.set(orgs),
      (e) => this.failure.set(toApiFailure(e, '单位列表加载失败')),
    );
    // open on the newest year that has projects when this year has none (unless the user chose a year meanwhile)
    void this.yearChoice.openOnData(() => this.projects.years());
  }

  setForm(form: BaseBatchForm): void {
    this.form.set(form);
    // the publication list holds every kind
    if (form === 'publication') this.kind.set('all');
    if (!batchFormats(this.batchForm()).includes(this.format())) this.format.set('xlsx');
  }

  /** Queue the export as a background job (a whole year need not hold a download open). */
  async queue(): Promise<void> {
    if (this.queueing()) return;
    this.queueing.set(true);
    this.failure.set(null);
    this.done.set(null);
    try {
      await this.jobsApi.create({ year: this.year(), orgId: this.orgId(), form: this.batchForm(), format: this.format() });
      await this.jobList().reload();
    } catch (e) {
      this.failure.set(toExportFailure(e));
    } finally {
      this.queueing.set(false);
    }
  }

  async run(): Promise<void> {
    if (this.api.downloading()) return;
    this.failure.set(null);
    this.done.set(null);
    try {
      const file = await this.api.downloadBatch({ year: this.year(), orgId: this.orgId(), form: this.batchForm(), format: this.format() });
      this.done.set({ fileName: file.fileName, size: formatBytes(file.blob.size) });
    } catch (e) {
      if (e instanceof DownloadCancelled) return;
      this.failure.set(toExportFailure(e));
    }
  }
}
