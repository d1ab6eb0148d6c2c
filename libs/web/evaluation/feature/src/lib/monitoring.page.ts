import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  ANNUAL_TARGET_COLUMN,
  EVALUATION_FIELD_LABELS,
  FUNDS_COLUMN_LABELS,
  hasNumericProgress,
  INDICATOR_COLUMN_LABELS,
  MONITORING_FIELD_LABELS,
  PROJECT_FIELD_LABELS,
  YUAN_SUFFIX,
} from '@pt/domain';
import type { DeviationReason, Likelihood } from '@pt/domain';
import {
  defaultMonitoringMonth,
  DEVIATION_REASON_CHOICES,
  formatAmount,
  levelSpans,
  LIKELIHOOD_CHOICES,
  lightExplanation,
  MonitoringApi,
  monitoringBody,
  monitoringFieldLabel,
  monitoringFormFrom,
  monitoringLights,
  monitoringSignature,
  MONTHS,
  needsReasons,
  toEvaluationFailure,
  validateMonitoringForm,
} from '@pt/web/evaluation/data-access';
import { AttachmentsComponent } from '@pt/web/evidence/ui';
import type { Monitoring, MonitoringForm, MonitoringFormRow, Versioned } from '@pt/web/evaluation/data-access';
import { ProjectsApi } from '@pt/web/projects/data-access';
import { confirmDanger, FailureAlertComponent, PageLoadComponent } from '@pt/web/projects/ui';
import { ActionRunner, loadOn } from '@pt/web/shared/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LightComponent } from './light.component';
import { ProjectReportState } from './project-report-state';

type BudgetKey = 'annualBudget' | 'executed' | 'expectedExecuted';

/**
 * 运行监控 (domain §7) of an approved project for one month: the budget (年初预算数, 截至当月执行数,
 * 全年预计执行数 → 执行率 and its light), per indicator 当前完成值, 全年预计完成情况, 完成目标可能性,
 * 偏差原因 and 纠偏措施, and the lights of every row and of the project, computed live by the domain's
 * `indicatorLight` / `budgetLight` / `projectLight` (as the server does). 保存 sends If-Match.
 *
 * Test ids (row index `i` from 0): `mon-month`, `mon-budget-annual`, `mon-budget-executed`,
 * `mon-budget-expected`, `mon-execution-rate`, `mon-budget-light`, `mon-project-light`, `mon-current-i`,
 * `mon-expected-i`, `mon-likelihood-i`, `mon-reasons-i`, `mon-measures-i`, `mon-light-i`, `mon-save`,
 * `mon-error`, `mon-reload`, `mon-months`.
 */
@Component({
  selector: 'pt-monitoring-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [NzModalService],
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
  imports: [
    AttachmentsComponent,
    FormsModule,
    NgTemplateOutlet,
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    LightComponent,
    FailureAlertComponent,
    PageLoadComponent,
  ],
  templateUrl: './monitoring.page.html',
  styleUrl: './monitoring.page.css',
})
export class MonitoringPage {
  /** Labels from the domain's field catalogue. */
  readonly F = PROJECT_FIELD_LABELS;
  readonly M = MONITORING_FIELD_LABELS;
  readonly E = EVALUATION_FIELD_LABELS;
  readonly IND = INDICATOR_COLUMN_LABELS;
  readonly FUNDS_COL = FUNDS_COLUMN_LABELS;
  readonly ANNUAL_TARGET = ANNUAL_TARGET_COLUMN;
  readonly YUAN = YUAN_SUFFIX;
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly projects = inject(ProjectsApi);
  private readonly api = inject(MonitoringApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);

  readonly months = MONTHS;
  readonly likelihoods = LIKELIHOOD_CHOICES;
  readonly reasons = DEVIATION_REASON_CHOICES;
  readonly needsReasons = needsReasons;
  readonly money = formatAmount;

  /** The project, its report, the version for If-Match, the form (dirty or not) and the first load. */
  private readonly state = new ProjectReportState<Versioned<Monitoring>, MonitoringForm>(monitoringSignature);
  readonly project = this.state.project;
  readonly forms = this.state.forms;
  readonly report = this.state.report;
  readonly version = this.state.version;
  readonly form = this.state.form;
  readonly loadError = this.state.loadError;
  /** The spinner shows until the first load; a reload or another month keeps the form on screen. */
  readonly loading = this.state.loading;
  /** 保存 and loading another month: the one on its way, the last failure. */
  private readonly actionRunner = new ActionRunner<'save' | 'load'>(toEvaluationFailure);
  readonly failure = this.actionRunner.failure;
  readonly busy = this.actionRunner.busy;

  readonly editable = this.state.editable;
  readonly dirty = this.state.dirty;
  readonly lights = computed(() => {
    const f = this.form();
    return f && f.month >= 1 && f.month <= 12 ? monitoringLights(f) : { rows: [], budget: { light: 'none' as const, progress: null, executionRate: null }, project: 'none' as const };
  });
  readonly spans = computed(() => levelSpans(this.form()?.rows ?? []));
  /** Per row: its current value is a number (the light is computed from it), else a text. */
  readonly numeric = computed(() => (this.form()?.rows ?? []).map((r) => hasNumericProgress(r.target)));
  readonly fieldErrors = this.actionRunner.fieldErrors;
  readonly budgetHint = computed(() => {
    const b = this.lights().budget;
    const month = this.form()?.month ?? 12;
    return b.progress !== null ? `应执行 ${month}/12，完成进度 ${b.progress}%` : lightExplanation(b);
  });

  constructor() {
    loadOn(() => this.id(), (id) => this.load(id));
  }

  async load(id = this.id(), month?: number): Promise<void> {
    const loaded = await this.state.fetch(() => Promise.all([this.projects.get(id), this.api.get(id, month)]), '运行监控加载失败');
    if (!loaded) return;
    const [p, m] = loaded;
    this.failure.set(null);
    this.apply(m, p.version, month);
  }

  async reload(): Promise<void> {
    if (this.dirty() && !(await confirmDanger(this.modal, '重新加载最新版本？', '您尚未保存的修改将被放弃。'))) return;
    await this.load(this.id(), this.form()?.month);
  }

  /** Another month: its saved report, or an empty one (after asking when there are unsaved edits). */
  async changeMonth(month: number): Promise<void> {
    const f = this.form();
    if (!f || month === f.month) return;
    if (this.dirty() && !(await confirmDanger(this.modal, '切换监控月份？', `${f.month} 月尚未保存的修改将被放弃。`))) {
      // the select already shows the month chosen: put the old one back (ngModel sees a change only via another value)
      this.form.set({ ...f, month: 0 });
      setTimeout(() => this.form.set(f));
      return;
    }
    await this.actionRunner.run('load', '运行监控加载失败', async () => {
      const m = await this.api.get(this.id(), month);
      this.apply(m, this.version(), month);
    });
  }

  private apply(m: Versioned<Monitoring>, fallbackVersion: number | null, month?: number): void {
    const shown = month ?? defaultMonitoringMonth(m.month, this.project()?.year);
    const saved = m.months.includes(shown);
    const f = monitoringFormFrom(m, shown, { annualBudget: saved ? null : (this.project()?.funds.annualTotal ?? null) });
    this.state.show(m, f, fallbackVersion);
  }

  budget(key: BudgetKey): string {
    return this.form()?.budget[key] ?? '';
  }

  setBudget(key: BudgetKey, value: string): void {
    this.form.update((f) => (f ? { ...f, budget: { ...f.budget, [key]: value } } : f));
  }

  setRow(index: number, patch: Partial<MonitoringFormRow>): void {
    this.form.update((f) => (f ? { ...f, rows: f.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) } : f));
  }

  setLikelihood(index: number, likelihood: Likelihood | null): void {
    this.setRow(index, { likelihood: likelihood ?? null });
  }

  setReasons(index: number, reasons: DeviationReason[] | null): void {
    this.setRow(index, { reasons: reasons ?? [] });
  }

  explain(i: number): string {
    const r = this.lights().rows[i];
    return r ? lightExplanation(r) : '';
  }

  fieldError(field: string): string | null {
    return this.fieldErrors().get(field) ?? null;
  }

  label(field: string): string {
    return monitoringFieldLabel(field, this.form()?.rows ?? []);
  }

  /** The field names of a refusal, for the failure alert. */
  readonly fieldLabel = (field: string) => this.label(field);

  async save(): Promise<void> {
    const f = this.form();
    const p = this.project();
    if (!f || !p || !this.editable()) return;
    const errors = validateMonitoringForm(f);
    if (errors.length > 0) {
      // the fields are marked in the table; the message is seen wherever the page is scrolled
      this.actionRunner.refuse('请先更正以下内容', errors);
      this.message.error(`未保存：${this.label(errors[0].field)}：${errors[0].message}${errors.length > 1 ? `（共 ${errors.length} 处，已标红）` : ''}`);
      return;
    }
    await this.actionRunner.run(
      'save',
      '保存失败，请稍后重试',
      async () => {
        let version = this.version();
        if (version === null) version = (await this.projects.get(p.id)).version;
        const next = await this.api.put(p.id, version, monitoringBody(f));
        this.apply(next, next.version === null ? (await this.projects.get(p.id)).version : null, f.month);
        this.message.success(`已保存 ${f.month} 月监控`);
      },
      (failure) => this.message.error(`未保存：${failure.message}`),
    );
  }

  canLeave(): boolean | Promise<boolean> {
    if (!this.dirty()) return true;
    return confirmDanger(this.modal, '有未保存的修改', '离开此页面后，未保存的监控内容将丢失。确定离开吗？');
  }

  onBeforeUnload(e: BeforeUnloadEvent): void {
    if (this.dirty()) e.preventDefault();
  }
}
