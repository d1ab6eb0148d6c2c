import { computed, inject, Injectable, signal } from '@angular/core';
import type { FundsColumn, FundsSource } from '@pt/domain';
import {
  EVALUATION_ACTION_DONE,
  EvaluationApi,
  evaluationBody,
  evaluationFieldLabel,
  evaluationFormFrom,
  evaluationSignature,
  executedIsCarried,
  isWeightProblem,
  problemPlace,
  scoreEvaluationForm,
  submissionView,
  validateEvaluationForm,
  weightTotals,
  withCustomWeights,
  withFundsValue,
} from '@pt/web/evaluation/data-access';
import type { Evaluation, EvaluationForm, Versioned } from '@pt/web/evaluation/data-access';
import type { EvaluationReportField } from '@pt/shared/api-types';
import type { TransitionAction } from '@pt/web/projects/data-access';
import { AttachmentsClient } from '@pt/web/evidence/ui';
import type { WorkflowStep } from '@pt/web/shared/ui';
import { ProjectReportEditor } from './project-report-editor';

type Busy = 'save' | TransitionAction | 'reload' | 'deduct';

/** A row of the funds block: the total or one of its sources. */
export type FundsRowKey = 'total' | FundsSource;

/**
 * The 自评表 of EvaluationPage: the evaluation and its form, the live score by the domain's `scoreEvaluation`
 * (the code the server runs) with its problems and what 提交 needs, and the writes — 保存, the workflow steps and
 * the reviewer's 按偏离度扣分 — with If-Match. Provided by the page; its funds block and indicator table read it.
 */
@Injectable()
export class EvaluationEditor extends ProjectReportEditor<Versioned<Evaluation>, EvaluationForm, Busy> {
  private readonly api = inject(EvaluationApi);
  private readonly attachments = inject(AttachmentsClient);

  /** The framework and settings versions the project was declared under: the live score uses the server's rules. */
  private readonly basis = computed(() => this.report()?.basis ?? null);
  readonly actions = computed(() => this.report()?.permissions.actions ?? []);
  /** The reviewer's dialog of 按偏离度扣分: the row index. */
  readonly deductFor = signal<number | null>(null);

  /** The live score (null when the project's framework is unknown to the domain). */
  readonly result = computed(() => {
    const f = this.form();
    const p = this.project();
    return f && p ? scoreEvaluationForm(f, this.basis()?.framework ?? p.frameworkCode, this.basis()?.settings) : null;
  });
  readonly problems = computed(() => {
    const r = this.result();
    const rows = this.form()?.rows ?? [];
    if (!r) return [];
    return [...r.problems]
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
      .map((p) => ({ ...p, place: problemPlace(p, rows, this.forms().funds) }));
  });
  /** 自定义分值: the typed 分值 per group against the group weights (null while off). */
  readonly weights = computed(() => {
    const f = this.form();
    const p = this.project();
    return f?.customWeights && p ? weightTotals(f, this.basis()?.framework ?? p.frameworkCode, this.basis()?.settings) : null;
  });
  /** The domain's problems about 分值, shown next to the inputs while 自定义分值 is on. */
  readonly weightProblems = computed(() => (this.form()?.customWeights ? this.problems().filter(isWeightProblem) : []));
  readonly errorCount = computed(() => this.problems().filter((p) => p.severity === 'error').length);
  /** What 提交 would refuse (errors) or point out (warnings), live: 偏差原因 of missed rows, the funds adding up. */
  readonly submission = computed(() => submissionView(this.form(), this.result(), this.forms().funds));
  /** 全年执行数 is still the figure carried from the monitoring report: its month. */
  readonly carriedMonth = computed(() => {
    const f = this.form();
    return f && executedIsCarried(f) ? (f.carried?.month ?? null) : null;
  });
  readonly goalText = computed(() => this.project()?.annualGoal || this.project()?.totalGoal || '');

  constructor() {
    super(evaluationSignature, '绩效自评加载失败', { content: '离开此页面后，未保存的自评内容将丢失。确定离开吗？', okText: '离开' });
  }

  protected fetchReport(id: string): Promise<Versioned<Evaluation>> {
    return this.api.get(id);
  }

  async reload(): Promise<void> {
    if (!(await this.mayDrop('重新加载最新版本？', '您尚未保存的修改将被放弃，表单将显示最新保存的内容。', '重新加载'))) return;
    await this.runner.hold('reload', () => this.load());
  }

  protected apply(e: Versioned<Evaluation>, fallbackVersion: number | null): void {
    const f = evaluationFormFrom(e, { annualBudget: e.saved ? null : (this.project()?.funds.annualTotal ?? null) });
    this.show(e, f, fallbackVersion);
  }

  // ------------------------------------------------------------ editing

  /** A figure of the funds block (万元); the total's 全年预算数 / 全年执行数 go to the form's `budget`. */
  setFunds(source: FundsRowKey, column: FundsColumn, value: string): void {
    this.form.update((f) => (f ? withFundsValue(f, source, column, value) : f));
  }

  setGoal(value: string): void {
    this.form.update((f) => (f ? { ...f, goalAchievement: value } : f));
  }

  /** A text of the 自评报告. */
  setReport(field: EvaluationReportField, value: string): void {
    this.form.update((f) => (f ? { ...f, report: { ...f.report, [field]: value } } : f));
  }

  /** 自定义分值 on (each row's input prefilled with its current 分值) or off (null: the equal split). */
  setCustomWeights(on: boolean): void {
    const framework = this.basis()?.framework ?? this.project()?.frameworkCode;
    this.form.update((f) => (f ? withCustomWeights(f, on, framework, this.basis()?.settings) : f));
  }

  label(field: string): string {
    return evaluationFieldLabel(field, this.form()?.rows ?? [], this.forms().funds);
  }

  // ------------------------------------------------------------ actions

  /** 保存: PUT with If-Match; the answer replaces the form. */
  async save(quiet = false): Promise<boolean> {
    const f = this.form();
    const p = this.project();
    if (!f || !p || !this.editable()) return false;
    const errors = validateEvaluationForm(f);
    if (errors.length > 0) {
      this.runner.refuse('请先更正以下内容', errors);
      return false;
    }
    const body = evaluationBody(f);
    return this.run('save', '保存失败，请稍后重试', (id, v) => this.api.put(id, v, body), (e) => (quiet ? null : `已保存：总分 ${e.totalScore}（${e.grade}）`));
  }

  /** A step of the action bar: 提交 (saving first when there are changes), 撤回, 审核通过 / 退回 with the comment. */
  async act({ action, comment }: WorkflowStep): Promise<void> {
    if (action === 'submit' && (this.dirty() || !this.report()?.saved) && !(await this.save(true))) return;
    await this.transition(action, comment);
  }

  /** 按偏离度扣分 of the dialog's row with the reason typed there. */
  async confirmDeduct(reason: string): Promise<void> {
    const index = this.deductFor();
    if (index === null) return;
    this.deductFor.set(null);
    await this.deduct(index, true, reason);
  }

  /** Apply (with its reason) or remove the reviewer's deduction of a row (PATCH). */
  async deduct(index: number, apply: boolean, reason?: string): Promise<void> {
    const row = this.form()?.rows[index];
    if (!row) return;
    const body = { deductions: [{ indicatorId: row.indicatorId, apply, ...(apply ? { reason } : {}) }] };
    await this.run('deduct', '操作失败，请稍后重试', (id, v) => this.api.patch(id, v, body), (e) => `${apply ? '已按偏离度扣分' : '已取消扣分'}：总分 ${e.totalScore}（${e.grade}）`);
  }

  private async transition(action: TransitionAction, comment?: string): Promise<void> {
    const body = comment === undefined ? { action } : { action, comment };
    const done = await this.run(action, '操作失败，请稍后重试', (id, v) => this.api.transition(id, v, body), () => EVALUATION_ACTION_DONE[action]);
    // whether 佐证材料 may still be added or removed follows the self-evaluation's status: the rows' buttons with it
    if (done) await this.attachments.reload(this.id()).catch(() => undefined);
  }

  /**
   * A write of the filler or the reviewer with If-Match; its answer replaces the page's evaluation and `done`
   * says so (null: quietly). True when it was written.
   */
  private async run(
    busy: Busy,
    fallback: string,
    call: (id: string, version: number) => Promise<Versioned<Evaluation>>,
    done: (e: Versioned<Evaluation>) => string | null,
  ): Promise<boolean> {
    const p = this.project();
    if (!p) return false;
    const version = await this.currentVersion();
    return this.runner.run(busy, fallback, async () => {
      const next = await call(p.id, version);
      this.apply(next, null);
      if (next.version === null) this.version.set(await this.fetchVersion());
      const text = done(next);
      if (text !== null) this.message.success(text);
    });
  }

  private async currentVersion(): Promise<number> {
    const v = this.version();
    if (v !== null) return v;
    const fetched = await this.fetchVersion();
    this.version.set(fetched);
    return fetched ?? 0;
  }

  private async fetchVersion(): Promise<number | null> {
    try {
      const p = await this.projects.get(this.id());
      this.project.set(p);
      return p.version;
    } catch {
      return null;
    }
  }
}
