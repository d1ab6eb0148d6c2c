import { computed, inject, Injectable } from '@angular/core';
import { hasNumericProgress } from '@pt/domain';
import type { DeviationReason, Likelihood } from '@pt/domain';
import {
  defaultMonitoringMonth,
  levelSpans,
  lightExplanation,
  MonitoringApi,
  monitoringBody,
  monitoringFieldLabel,
  monitoringFormFrom,
  monitoringLights,
  monitoringSignature,
  validateMonitoringForm,
} from '@pt/web/evaluation/data-access';
import type { Monitoring, MonitoringForm, Versioned } from '@pt/web/evaluation/data-access';
import { ProjectReportEditor } from './project-report-editor';

export type BudgetKey = keyof MonitoringForm['budget'];

/**
 * The monitoring report of MonitoringPage for one month: its form, the lights of every row, of the budget and of
 * the project computed live by the domain's `indicatorLight` / `budgetLight` / `projectLight` (as the server
 * does), another month, and 保存 with If-Match. Provided by the page.
 */
@Injectable()
export class MonitoringEditor extends ProjectReportEditor<Versioned<Monitoring>, MonitoringForm, 'save' | 'load'> {
  private readonly api = inject(MonitoringApi);

  readonly lights = computed(() => {
    const f = this.form();
    return f && f.month >= 1 && f.month <= 12 ? monitoringLights(f) : { rows: [], budget: { light: 'none' as const, progress: null, executionRate: null }, project: 'none' as const };
  });
  readonly spans = computed(() => levelSpans(this.form()?.rows ?? []));
  /** Per row: its current value is a number (the light is computed from it), else a text. */
  readonly numeric = computed(() => (this.form()?.rows ?? []).map((r) => hasNumericProgress(r.target)));
  readonly budgetHint = computed(() => {
    const b = this.lights().budget;
    const month = this.form()?.month ?? 12;
    return b.progress !== null ? `应执行 ${month}/12，完成进度 ${b.progress}%` : lightExplanation(b);
  });

  constructor() {
    super(monitoringSignature, '运行监控加载失败', { content: '离开此页面后，未保存的监控内容将丢失。确定离开吗？' });
  }

  protected fetchReport(id: string, month?: number): Promise<Versioned<Monitoring>> {
    return this.api.get(id, month);
  }

  async reload(): Promise<void> {
    if (!(await this.mayDrop('重新加载最新版本？', '您尚未保存的修改将被放弃。'))) return;
    await this.load(this.id(), this.form()?.month);
  }

  /** Another month: its saved report, or an empty one (after asking when there are unsaved edits). */
  async changeMonth(month: number): Promise<void> {
    const f = this.form();
    if (!f || month === f.month) return;
    if (!(await this.mayDrop('切换监控月份？', `${f.month} 月尚未保存的修改将被放弃。`))) {
      // the select already shows the month chosen: put the old one back (ngModel sees a change only via another value)
      this.form.set({ ...f, month: 0 });
      setTimeout(() => this.form.set(f));
      return;
    }
    await this.runner.run('load', '运行监控加载失败', async () => {
      const m = await this.api.get(this.id(), month);
      this.apply(m, this.version(), month);
    });
  }

  protected apply(m: Versioned<Monitoring>, fallbackVersion: number | null, month?: number): void {
    const shown = month ?? defaultMonitoringMonth(m.month, this.project()?.year);
    const saved = m.months.includes(shown);
    const f = monitoringFormFrom(m, shown, { annualBudget: saved ? null : (this.project()?.funds.annualTotal ?? null) });
    this.show(m, f, fallbackVersion);
  }

  budget(key: BudgetKey): string {
    return this.form()?.budget[key] ?? '';
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
      // the fields are marked in the table; the message is seen wherever the page is scrolled
      this.runner.refuse('请先更正以下内容', errors);
      this.message.error(`未保存：${this.label(errors[0].field)}：${errors[0].message}${errors.length > 1 ? `（共 ${errors.length} 处，已标红）` : ''}`);
      return;
    }
    await this.runner.run(
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
}
