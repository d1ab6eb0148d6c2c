import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PROJECT_FIELD_LABELS } from '@pt/domain';
import type { FundsColumn } from '@pt/domain';
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
  toEvaluationFailure,
  TOTAL_GRADE_COLORS,
  validateEvaluationForm,
  weightTotals,
  withCustomWeights,
  withFundsValue,
} from '@pt/web/evaluation/data-access';
import type { Evaluation, EvaluationForm, EvaluationFormRow, Versioned } from '@pt/web/evaluation/data-access';
import type { EvaluationReportField } from '@pt/shared/api-types';
import { ProjectsApi, statusColor, statusLabel } from '@pt/web/projects/data-access';
import type { TransitionAction } from '@pt/web/projects/data-access';
import { confirmDanger, FailureAlertComponent, PageLoadComponent } from '@pt/web/projects/ui';
import { AttachmentsClient } from '@pt/web/evidence/ui';
import { ActionRunner, loadOn } from '@pt/web/shared/data-access';
import { ReasonDialogComponent, WorkflowActionsComponent, type WorkflowStep } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { EvaluationFundsComponent, type FundsRowKey } from './evaluation-funds.component';
import { EvaluationReportComponent } from './evaluation-report.component';
import { EvaluationTableComponent } from './evaluation-table.component';
import { ProjectReportState } from './project-report-state';

type Busy = 'save' | TransitionAction | 'reload' | 'deduct';

/**
 * 绩效自评 (自评表, domain §8) of an approved project: header, funds block (EvaluationFundsComponent, 万元), one row
 * per indicator of the approved table (a number, a grade, or achieved yes/no for 比…), totals and grade — scored live
 * by the domain's `scoreEvaluation`, the code the server runs — the problems, what 提交 needs, and 保存 / 提交 / 撤回 /
 * 审核通过 / 退回 / the reviewer's 按偏离度扣分.
 *
 * Test ids (row `i` from 0, as `items[i]` of the API): `eval-actual-i`, `eval-grade-i`, `eval-score-i`, `eval-achieved-i`,
 * `eval-description-i`, `eval-deviation-i`, `eval-deviation-required-i`, `eval-row-weight-i`, `eval-row-score-i`,
 * `eval-flags-i`, `eval-deduct-i`, `eval-undeduct-i`, `eval-deduction-i`; `eval-indicator-score`, `eval-total`, `eval-grade`,
 * `eval-status`, `eval-save`, `eval-submit`, `eval-withdraw`, `eval-approve`, `eval-return`, the dialogs' `eval-comment` and
 * `eval-deduct` (+ `-ok`, `-required`), `eval-problems`, `eval-submission` with `eval-submission-problem`, `eval-error`,
 * `eval-reload`; 自定义分值: `eval-custom-weights`, `eval-weight-i`, `eval-weight-groups` with `eval-weight-group` (`data-ok`),
 * `eval-weight-total`, `eval-weight-problems` with `eval-weight-problem` (`data-code`). */
@Component({
  selector: 'pt-evaluation-page',
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
    NzModalModule,
    NzSpinModule,
    NzTagModule,
    EvaluationFundsComponent,
    EvaluationReportComponent,
    EvaluationTableComponent,
    ReasonDialogComponent,
    WorkflowActionsComponent,
    FailureAlertComponent,
    PageLoadComponent,
  ],
  templateUrl: './evaluation.page.html',
  styleUrl: './evaluation.page.css',
})
export class EvaluationPage {
  /** Header labels from the domain's field catalogue. */
  readonly F = PROJECT_FIELD_LABELS;
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly projects = inject(ProjectsApi);
  private readonly api = inject(EvaluationApi);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly attachments = inject(AttachmentsClient);

  readonly statusLabel = statusLabel;
  readonly statusColor = statusColor;
  readonly gradeColors = TOTAL_GRADE_COLORS;

  /** The project, its evaluation, the version for If-Match, the form (dirty or not) and the first load. */
  private readonly state = new ProjectReportState<Versioned<Evaluation>, EvaluationForm>(evaluationSignature);
  readonly project = this.state.project;
  readonly forms = this.state.forms;
  readonly evaluation = this.state.report;
  /** The framework and settings versions the project was declared under: the live score uses the server's rules. */
  private readonly basis = computed(() => this.evaluation()?.basis ?? null);
  readonly version = this.state.version;
  readonly form = this.state.form;
  readonly loadError = this.state.loadError;
  readonly loading = this.state.loading;
  /** 保存 and the workflow steps: the one on its way, the last failure. */
  private readonly actionRunner = new ActionRunner<Busy>(toEvaluationFailure);
  readonly failure = this.actionRunner.failure;
  readonly busy = this.actionRunner.busy;

  /** The reviewer's dialog of 按偏离度扣分: the row index. */
  readonly deductFor = signal<number | null>(null);

  readonly editable = this.state.editable;
  readonly actions = computed(() => this.evaluation()?.permissions.actions ?? []);
  readonly dirty = this.state.dirty;
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
      .map((p) => ({ ...p, place: problemPlace(p, rows, this.state.forms().funds) }));
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
  readonly submission = computed(() => submissionView(this.form(), this.result(), this.state.forms().funds));
  /** 全年执行数 is still the figure carried from the monitoring report: its month. */
  readonly carriedMonth = computed(() => {
    const f = this.form();
    return f && executedIsCarried(f) ? (f.carried?.month ?? null) : null;
  });
  /** Field errors of the last failure (client checks or the server's 400/422), by field. */
  readonly fieldErrors = this.actionRunner.fieldErrors;
  readonly goalText = computed(() => this.project()?.annualGoal || this.project()?.totalGoal || '');

  constructor() {
    loadOn(() => this.id(), (id) => this.load(id));
  }

  // ------------------------------------------------------------ loading

  async load(id = this.id()): Promise<void> {
    const loaded = await this.state.fetch(() => Promise.all([this.projects.get(id), this.api.get(id)]), '绩效自评加载失败');
    if (!loaded) return;
    const [p, e] = loaded;
    this.failure.set(null);
    this.apply(e, p.version);
  }

  async reload(): Promise<void> {
    if (this.dirty() && !(await confirmDanger(this.modal, '重新加载最新版本？', '您尚未保存的修改将被放弃，表单将显示最新保存的内容。', '重新加载'))) return;
    await this.actionRunner.hold('reload', () => this.load());
  }

  private apply(e: Versioned<Evaluation>, fallbackVersion: number | null): void {
    const f = evaluationFormFrom(e, { annualBudget: e.saved ? null : (this.project()?.funds.annualTotal ?? null) });
    this.state.show(e, f, fallbackVersion);
  }

  // ------------------------------------------------------------ editing

  setBudget(key: 'annualBudget' | 'executed', value: string): void {
    this.form.update((f) => (f ? { ...f, budget: { ...f.budget, [key]: value } } : f));
  }

  /** A figure of the funds block (万元) other than the total's 全年预算数 / 全年执行数 (`setBudget`). */
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

  setRow(index: number, patch: Partial<EvaluationFormRow>): void {
    this.form.update((f) => (f ? { ...f, rows: f.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) } : f));
  }

  /** 自定义分值 on (each row's input prefilled with its current 分值) or off (null: the equal split). */
  setCustomWeights(on: boolean): void {
    const framework = this.basis()?.framework ?? this.project()?.frameworkCode;
    this.form.update((f) => (f ? withCustomWeights(f, on, framework, this.basis()?.settings) : f));
  }

  label(field: string): string {
    return evaluationFieldLabel(field, this.form()?.rows ?? [], this.state.forms().funds);
  }

  /** The field names of a refusal, for the failure alert. */
  readonly fieldLabel = (field: string) => this.label(field);

  // ------------------------------------------------------------ actions

  /** 保存: PUT with If-Match; the answer replaces the form. */
  async save(quiet = false): Promise<boolean> {
    const f = this.form();
    const p = this.project();
    if (!f || !p || !this.editable()) return false;
    const errors = validateEvaluationForm(f);
    if (errors.length > 0) {
      this.actionRunner.refuse('请先更正以下内容', errors);
      return false;
    }
    const body = evaluationBody(f);
    return this.run('save', '保存失败，请稍后重试', (id, v) => this.api.put(id, v, body), (e) => (quiet ? null : `已保存：总分 ${e.totalScore}（${e.grade}）`));
  }

  /** A step of the action bar: 提交 (saving first when there are changes), 撤回, 审核通过 / 退回 with the comment. */
  async act({ action, comment }: WorkflowStep): Promise<void> {
    if (action === 'submit' && (this.dirty() || !this.evaluation()?.saved) && !(await this.save(true))) return;
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
    return this.actionRunner.run(busy, fallback, async () => {
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

  // ------------------------------------------------------------ leaving

  canLeave(): boolean | Promise<boolean> {
    if (!this.dirty()) return true;
    return confirmDanger(this.modal, '有未保存的修改', '离开此页面后，未保存的自评内容将丢失。确定离开吗？', '离开');
  }

  onBeforeUnload(e: BeforeUnloadEvent): void {
    if (this.dirty()) e.preventDefault();
  }

}
