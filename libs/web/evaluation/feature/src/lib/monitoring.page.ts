import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
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
import type { Monitoring, MonitoringForm, MonitoringFormRow, Versioned } from '@pt/web/evaluation/data-access';
import { ProjectsApi } from '@pt/web/projects/data-access';
import type { ApiFailure, Project } from '@pt/web/projects/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LightComponent } from './light.component';

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
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzIconModule,
    NzInputModule,
    NzResultModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    LightComponent,
  ],
  template: `
    @if (loading()) {
      <div class="center"><nz-spin nzSimple nzTip="正在加载…" /></div>
    } @else if (loadError(); as e) {
      <nz-result [nzStatus]="e.status === 404 ? '404' : e.status === 403 ? '403' : 'error'" [nzTitle]="e.message" data-testid="load-error">
        <div nz-result-extra>
          <button nz-button type="button" (click)="load()">重试</button>
          <a nz-button nzType="primary" [routerLink]="['/projects', id()]">返回项目</a>
        </div>
      </nz-result>
    } @else if (project() && report() && form()) {
      @let p = project()!;
      @let f = form()!;
      @let l = lights();
      <div class="toolbar">
        <div class="title">
          <h2 data-testid="mon-title">运行监控：{{ p.name }}</h2>
          <pt-light [light]="l.project" data-testid="mon-project-light" title="项目：取各指标和预算执行中最差的灯" />
          @if (dirty()) {
            <span class="dirty" data-testid="mon-dirty">有未保存的修改</span>
          }
        </div>
        <div class="buttons">
          <span class="month-label">监控月份</span>
          <nz-select class="month" [ngModel]="f.month" (ngModelChange)="changeMonth($event)" aria-label="监控月份" data-testid="mon-month">
            @for (m of months; track m) {
              <nz-option [nzValue]="m" [nzLabel]="'1–' + m + ' 月'" />
            }
          </nz-select>
          @if (editable()) {
            <button nz-button nzType="primary" type="button" [nzLoading]="busy() === 'save'" [disabled]="busy() !== null" (click)="save()" data-testid="mon-save">
              <span nz-icon nzType="save"></span>保存
            </button>
          }
          <a nz-button [routerLink]="['/projects', p.id]">返回项目</a>
        </div>
      </div>

      @if (failure(); as fl) {
        <nz-alert
          class="block"
          nzType="error"
          nzShowIcon
          nzCloseable
          (nzOnClose)="failure.set(null)"
          [nzMessage]="fl.message"
          [nzDescription]="detailsTpl"
          [nzAction]="fl.status === 412 || fl.status === 409 ? reloadTpl : null"
          data-testid="mon-error"
        />
        <ng-template #detailsTpl>
          @for (d of fl.details; track $index) {
            <div>{{ d.field ? label(d.field) + '：' : '' }}{{ d.message }}</div>
          }
        </ng-template>
        <ng-template #reloadTpl>
          <button nz-button nzSize="small" nzType="primary" type="button" (click)="reload()" data-testid="mon-reload">重新加载</button>
        </ng-template>
      }

      <nz-spin [nzSpinning]="busy() !== null">
        <nz-card class="block" nzSize="small" nzTitle="项目信息与预算执行">
          <nz-descriptions nzBordered nzSize="small" [nzColumn]="{ xxl: 3, xl: 3, lg: 3, md: 1, sm: 1, xs: 1 }">
            <nz-descriptions-item nzTitle="项目名称" [nzSpan]="3">{{ p.name }}</nz-descriptions-item>
            <nz-descriptions-item nzTitle="主管部门">{{ p.departmentName || '—' }}</nz-descriptions-item>
            <nz-descriptions-item nzTitle="实施单位">{{ p.orgName }}</nz-descriptions-item>
            <nz-descriptions-item nzTitle="已填报月份">
              <span data-testid="mon-months">
                @for (m of report()!.months; track m) {
                  <nz-tag [nzColor]="m === f.month ? 'blue' : 'default'">{{ m }} 月</nz-tag>
                } @empty {
                  尚未填报
                }
              </span>
            </nz-descriptions-item>
          </nz-descriptions>
          <table class="funds">
            <thead>
              <tr>
                <th>年初预算数（元）</th>
                <th>1–{{ f.month }} 月执行数（元）</th>
                <th>执行率</th>
                <th>全年预计执行数（元）</th>
                <th>预算执行</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  <input nz-input inputmode="decimal" placeholder="0.00" aria-label="年初预算数" [disabled]="!editable()"
                    [nzStatus]="fieldError('budget.annualBudget') ? 'error' : ''"
                    [ngModel]="f.budget.annualBudget" (ngModelChange)="setBudget('annualBudget', $event)" data-testid="mon-budget-annual" />
                </td>
                <td>
                  <input nz-input inputmode="decimal" placeholder="0.00" aria-label="截至当月执行数" [disabled]="!editable()"
                    [nzStatus]="fieldError('budget.executed') ? 'error' : ''"
                    [ngModel]="f.budget.executed" (ngModelChange)="setBudget('executed', $event)" data-testid="mon-budget-executed" />
                </td>
                <td class="num" data-testid="mon-execution-rate">{{ l.budget.executionRate !== null ? l.budget.executionRate + '%' : '—' }}</td>
                <td>
                  <input nz-input inputmode="decimal" placeholder="0.00" aria-label="全年预计执行数" [disabled]="!editable()"
                    [nzStatus]="fieldError('budget.expectedExecuted') ? 'error' : ''"
                    [ngModel]="f.budget.expectedExecuted" (ngModelChange)="setBudget('expectedExecuted', $event)" data-testid="mon-budget-expected" />
                </td>
                <td>
                  <pt-light [light]="l.budget.light" data-testid="mon-budget-light" />
                  <div class="hint">{{ budgetHint() }}</div>
                </td>
              </tr>
            </tbody>
          </table>
          <p class="hint">
            灯的规则：累计型指标进度 = 当前完成值 ÷（目标值 × 月份 ÷ 12），比率（%）指标进度 = 当前完成值 ÷ 目标值；
            低于 60% 红灯，60%–80% 黄灯，80%–120% 绿灯，120% 及以上蓝灯；反向指标不超过目标为绿灯，否则红灯；
            定性指标按完成目标可能性（确定能 绿灯、有可能 黄灯、完全不可能 红灯）；预算执行按月份 ÷ 12 同样判断（无蓝灯）；项目取最差的灯。
          </p>
        </nz-card>

        <nz-card class="block" nzSize="small" [nzTitle]="'绩效指标（截至 ' + f.month + ' 月）'">
          <nz-table nzBordered nzSize="small" [nzData]="f.rows" [nzShowPagination]="false" [nzFrontPagination]="false"
            [nzScroll]="{ x: '1300px' }" nzNoResult="已批复的指标表中没有指标" data-testid="mon-table">
            <thead>
              <tr>
                <th nzWidth="90px">一级指标</th>
                <th nzWidth="100px">二级指标</th>
                <th nzWidth="160px">三级指标</th>
                <th nzWidth="130px">年度指标值</th>
                <th nzWidth="140px">当前完成值</th>
                <th nzWidth="120px">灯</th>
                <th nzWidth="150px">全年预计完成情况</th>
                <th nzWidth="130px">完成目标可能性</th>
                <th nzWidth="200px">偏差原因</th>
                <th>纠偏措施</th>
              </tr>
            </thead>
            <tbody>
              @for (row of f.rows; track row.indicatorId; let i = $index) {
                <tr data-testid="mon-row">
                  @if (spans()[i].level1 > 0) {
                    <td [attr.rowspan]="spans()[i].level1">{{ row.level1 }}</td>
                  }
                  @if (spans()[i].level2 > 0) {
                    <td [attr.rowspan]="spans()[i].level2">{{ row.level2 }}</td>
                  }
                  <td>{{ row.name || '—' }}</td>
                  <td>{{ row.target.text || '—' }}</td>
                  <td>
                    <nz-input-group [nzAddOnAfter]="row.target.unit || undefined" [nzStatus]="fieldError('items[' + i + '].current') ? 'error' : ''">
                      <input nz-input inputmode="decimal" [attr.aria-label]="row.name + ' 当前完成值'" [disabled]="!editable()"
                        [ngModel]="row.current" (ngModelChange)="setRow(i, { current: $event })" [attr.data-testid]="'mon-current-' + i" />
                    </nz-input-group>
                  </td>
                  <td>
                    <pt-light [light]="l.rows[i]?.light ?? 'none'" [attr.data-testid]="'mon-light-' + i" />
                    <div class="hint">{{ explain(i) }}</div>
                  </td>
                  <td>
                    <input nz-input maxlength="200" placeholder="如：预计可完成" [attr.aria-label]="row.name + ' 全年预计完成情况'" [disabled]="!editable()"
                      [ngModel]="row.expected" (ngModelChange)="setRow(i, { expected: $event })" [attr.data-testid]="'mon-expected-' + i" />
                  </td>
                  <td>
                    <nz-select class="full" nzAllowClear nzPlaceHolder="请选择" [nzDisabled]="!editable()"
                      [ngModel]="row.likelihood" (ngModelChange)="setLikelihood(i, $event)" [attr.data-testid]="'mon-likelihood-' + i">
                      @for (o of likelihoods; track o) {
                        <nz-option [nzValue]="o" [nzLabel]="o" />
                      }
                    </nz-select>
                  </td>
                  <td>
                    <nz-select class="full" nzMode="multiple" [nzPlaceHolder]="needsReasons(row) ? '必选' : '请选择'" [nzDisabled]="!editable()"
                      [nzStatus]="fieldError('items[' + i + '].reasons') ? 'error' : ''"
                      [ngModel]="row.reasons" (ngModelChange)="setReasons(i, $event)" [attr.data-testid]="'mon-reasons-' + i">
                      @for (o of reasons; track o) {
                        <nz-option [nzValue]="o" [nzLabel]="o" />
                      }
                    </nz-select>
                    @if (fieldError('items[' + i + '].reasons'); as msg) {
                      <div class="field-error">{{ msg }}</div>
                    }
                  </td>
                  <td>
                    <textarea nz-input maxlength="2000" [placeholder]="needsReasons(row) ? '必填：纠偏措施' : '纠偏措施'" [attr.aria-label]="row.name + ' 纠偏措施'"
                      [nzAutosize]="{ minRows: 1, maxRows: 4 }" [disabled]="!editable()"
                      [nzStatus]="fieldError('items[' + i + '].measures') ? 'error' : ''"
                      [ngModel]="row.measures" (ngModelChange)="setRow(i, { measures: $event })" [attr.data-testid]="'mon-measures-' + i"></textarea>
                    @if (fieldError('items[' + i + '].measures'); as msg) {
                      <div class="field-error">{{ msg }}</div>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        </nz-card>
      </nz-spin>
    }
  `,
  styles: `
    .center { text-align: center; padding: 64px 0; }
    .toolbar {
      position: sticky; top: 0; z-index: 10; background: #fff; padding: 12px 16px; margin: -8px 0 16px;
      display: flex; flex-wrap: wrap; gap: 12px; justify-content: space-between; align-items: center;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.08); border-radius: 4px;
    }
    .title { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; }
    .title h2 { margin: 0; font-size: 18px; }
    .dirty { color: #d46b08; font-size: 12px; }
    .buttons { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .month { width: 120px; }
    .month-label { color: rgba(0, 0, 0, 0.65); }
    .block { margin-bottom: 16px; display: block; }
    .funds { border-collapse: collapse; width: 100%; margin-top: 16px; }
    .funds th, .funds td { border: 1px solid #f0f0f0; padding: 6px 8px; text-align: left; font-weight: normal; }
    .funds thead th { background: #fafafa; }
    .num { text-align: right; white-space: nowrap; }
    .hint { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin: 4px 0 0; }
    .full { width: 100%; }
    .field-error { color: #ff4d4f; font-size: 12px; margin-top: 4px; }
  `,
})
export class MonitoringPage {
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

  readonly project = signal<Project | null>(null);
  readonly report = signal<Versioned<Monitoring> | null>(null);
  readonly version = signal<number | null>(null);
  readonly form = signal<MonitoringForm | null>(null);
  private readonly savedSignature = signal('');
  readonly loading = signal(true);
  readonly loadError = signal<ApiFailure | null>(null);
  readonly failure = signal<ApiFailure | null>(null);
  readonly busy = signal<null | 'save' | 'load'>(null);

  readonly editable = computed(() => this.report()?.permissions.edit === true);
  readonly dirty = computed(() => {
    const f = this.form();
    return this.editable() && f !== null && monitoringSignature(f) !== this.savedSignature();
  });
  readonly lights = computed(() => {
    const f = this.form();
    return f && f.month >= 1 && f.month <= 12 ? monitoringLights(f) : { rows: [], budget: { light: 'none' as const, progress: null, executionRate: null }, project: 'none' as const };
  });
  readonly spans = computed(() => levelSpans(this.form()?.rows ?? []));
  readonly fieldErrors = computed(() => {
    const out = new Map<string, string>();
    for (const d of this.failure()?.details ?? []) if (d.field && !out.has(d.field)) out.set(d.field, d.message);
    return out;
  });
  readonly budgetHint = computed(() => {
    const b = this.lights().budget;
    const month = this.form()?.month ?? 12;
    return b.progress !== null ? `应执行 ${month}/12，完成进度 ${b.progress}%` : lightExplanation(b);
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.load(id));
    });
  }

  async load(id = this.id(), month?: number): Promise<void> {
    this.loading.set(this.report() === null);
    this.loadError.set(null);
    try {
      const [p, m] = await Promise.all([this.projects.get(id), this.api.get(id, month)]);
      this.project.set(p);
      this.failure.set(null);
      this.apply(m, p.version, month);
    } catch (e) {
      this.loadError.set(toEvaluationFailure(e, '运行监控加载失败'));
    } finally {
      this.loading.set(false);
    }
  }

  async reload(): Promise<void> {
    if (this.dirty() && !(await this.confirm('重新加载最新版本？', '您尚未保存的修改将被放弃。'))) return;
    await this.load(this.id(), this.form()?.month);
  }

  /** Another month: its saved report, or an empty one (after asking when there are unsaved edits). */
  async changeMonth(month: number): Promise<void> {
    const f = this.form();
    if (!f || month === f.month) return;
    if (this.dirty() && !(await this.confirm('切换监控月份？', `${f.month} 月尚未保存的修改将被放弃。`))) {
      // the select already shows the month chosen: put the old one back (ngModel sees a change only via another value)
      this.form.set({ ...f, month: 0 });
      setTimeout(() => this.form.set(f));
      return;
    }
    this.busy.set('load');
    try {
      const m = await this.api.get(this.id(), month);
      this.failure.set(null);
      this.apply(m, this.version(), month);
    } catch (e) {
      this.failure.set(toEvaluationFailure(e, '运行监控加载失败'));
    } finally {
      this.busy.set(null);
    }
  }

  private apply(m: Versioned<Monitoring>, fallbackVersion: number | null, month?: number): void {
    this.report.set(m);
    this.version.set(m.version ?? fallbackVersion);
    const shown = month ?? defaultMonitoringMonth(m.month, this.project()?.year);
    const saved = m.months.includes(shown);
    const f = monitoringFormFrom(m, shown, { annualBudget: saved ? null : (this.project()?.funds.annualTotal ?? null) });
    this.form.set(f);
    this.savedSignature.set(monitoringSignature(f));
  }

  setBudget(key: 'annualBudget' | 'executed' | 'expectedExecuted', value: string): void {
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

  async save(): Promise<void> {
    const f = this.form();
    const p = this.project();
    if (!f || !p || !this.editable()) return;
    const errors = validateMonitoringForm(f);
    if (errors.length > 0) {
      this.failure.set({ status: 400, code: 'CLIENT_VALIDATION', message: '请先更正以下内容', details: errors, findings: [] });
      return;
    }
    this.busy.set('save');
    this.failure.set(null);
    try {
      let version = this.version();
      if (version === null) version = (await this.projects.get(p.id)).version;
      const next = await this.api.put(p.id, version, monitoringBody(f));
      this.apply(next, next.version === null ? (await this.projects.get(p.id)).version : null, f.month);
      this.message.success(`已保存 ${f.month} 月监控`);
    } catch (e) {
      this.failure.set(toEvaluationFailure(e, '保存失败，请稍后重试'));
    } finally {
      this.busy.set(null);
    }
  }

  canLeave(): boolean | Promise<boolean> {
    if (!this.dirty()) return true;
    return this.confirm('有未保存的修改', '离开此页面后，未保存的监控内容将丢失。确定离开吗？');
  }

  onBeforeUnload(e: BeforeUnloadEvent): void {
    if (this.dirty()) e.preventDefault();
  }

  private confirm(title: string, content: string): Promise<boolean> {
    return new Promise((resolve) => {
      this.modal.confirm({
        nzTitle: title,
        nzContent: content,
        nzOkText: '确定',
        nzOkDanger: true,
        nzCancelText: '取消',
        nzOnOk: () => resolve(true),
        nzOnCancel: () => resolve(false),
      });
    });
  }
}
