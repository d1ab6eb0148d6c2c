import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal, viewChild } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { FUND_FIELDS, FUNDS_BLOCK_LABEL, POLICY_FIELD_LABELS, PROJECT_FIELD_LABELS, YUAN_SUFFIX } from '@pt/domain';
import type { Finding } from '@pt/domain';
import { ProjectsApi } from '@pt/web/projects/data-access';
import type { Project, Target } from '@pt/web/projects/data-access';
import { PROJECT_EXPORT_PROVIDERS, ProjectExporter } from '@pt/web/exports/data-access';
import { ProjectExportButtonsComponent } from '@pt/web/exports/ui';
import { confirmDanger, IndicatorTableComponent, toEditorRows } from '@pt/web/projects/ui';
import { ActionRunner, loadOn, markAllInvalid, normaliseMoney, PtMoneyPipe, sumMoney } from '@pt/web/shared/data-access';
import type { WorkflowStep } from '@pt/web/shared/ui';
import type { EditorRow, PickRow, TableCheckContext } from '@pt/web/projects/ui';
import { RectificationApi, type Rectification } from '@pt/web/rectification/data-access';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { KindHeaderFormComponent } from './kind-header-form.component';
import { detailText, formTaskField } from './target-kind-form';
import { findingPlace } from './finding-place';
import { TargetKindState } from './target-kind-state';
import { buildHeaderForm, CHOICE_FIELDS, DATE_FIELDS, GOAL_FIELDS, LAST_YEAR_FIELDS, TEXT_FIELDS } from './project-form-group';
import { TextFieldsComponent } from './text-fields.component';
import { ProjectIndicatorPickerComponent } from './project-indicator-picker.component';
import { ProjectDocument } from './project-document';
import { TARGET_PAGE_IMPORTS } from './target-page.imports';
import {
  appendPickedRows,
  dateToIso,
  FUND_KEYS,
  headerFromProject,
  indicatorInputs,
  isoToDate,
  rowsSignature,
} from './project-form';
import type { HeaderFormValue } from './project-form';

/**
 * 申报表: the declaration form of one target — a project's (every header field of domain §2, the funds block
 * with its sums, the goal texts), a 部门（单位）整体 or 政策 target's (their blocks, TargetKindState; a policy's
 * 中期 table besides the annual one) — the annual indicator table with live checks, the review
 * comments on their rows, 保存 / 提交 / 撤回 / 删除 and the history. Read-only when the user may
 * not edit. A save that loses the race (412) keeps every edit in the form and offers 「重新加载」.
 */
@Component({
  selector: 'pt-project-editor-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [NzModalService, PROJECT_EXPORT_PROVIDERS],
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
  imports: [
    ...TARGET_PAGE_IMPORTS,
    PtMoneyPipe,
    NgTemplateOutlet,
    ReactiveFormsModule,
    NzDatePickerModule,
    NzFormModule,
    NzGridModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    KindHeaderFormComponent,
    ProjectExportButtonsComponent,
    ProjectIndicatorPickerComponent,
    TextFieldsComponent,
  ],
  templateUrl: './project-editor.page.html',
  styleUrl: './project-editor.page.css',
})
export class ProjectEditorPage {
  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  /** 导出: the menu's downloads (the export lib's, provided with this page). */
  readonly exporter = inject(ProjectExporter);

  readonly choiceFields = CHOICE_FIELDS;
  readonly dateFields = DATE_FIELDS;
  readonly lastYearFields = LAST_YEAR_FIELDS;
  readonly detailText = detailText;
  readonly findingPlace = findingPlace;

  /** The project, its load, history, findings and framework. */
  private readonly doc = new ProjectDocument(this.api);
  readonly project = this.doc.project;
  readonly loadError = this.doc.loadError;
  readonly loading = this.doc.loading;
  /** 保存, 提交 / 撤回, 删除 and 重新加载: the one on its way, the last failure. */
  private readonly actionRunner = new ActionRunner<'save' | 'submit' | 'withdraw' | 'delete' | 'reload'>();
  readonly busy = this.actionRunner.busy;
  readonly failure = this.actionRunner.failure;
  readonly history = this.doc.history;
  readonly serverFindings = this.doc.serverFindings;

  readonly form = buildHeaderForm(inject(NonNullableFormBuilder));
  readonly textFields = TEXT_FIELDS;
  readonly goalFields = GOAL_FIELDS;
  /** Labels from the domain's field catalogue. */
  readonly F = PROJECT_FIELD_LABELS;
  readonly FUNDS = FUND_FIELDS;
  readonly FUNDS_TITLE = FUNDS_BLOCK_LABEL + YUAN_SUFFIX;
  readonly POLICY = POLICY_FIELD_LABELS;
  /** 年度, 主管部门, 实施单位: shown in the form, not edited. */
  readonly fixedFields = computed(() => {
    const p = this.project();
    if (!p) return [];
    return [
      { label: this.F.year, value: `${p.year} 年` },
      { label: this.F.department, value: p.departmentName || '—' },
      { label: this.F.org, value: p.orgName },
    ];
  });

  /** The kind's block (部门整体, 政策), its live checks and a policy's 中期 table. */
  readonly kinds = new TargetKindState();
  readonly kind = computed(() => this.project()?.kind ?? 'project');
  /** The form rows of the department task rows of the last save (the server names a row by its place as sent). */
  private sentTaskRows: number[] = [];
  /** The last save's refusals by field, a task row's as the form's row. */
  readonly fieldErrors = computed(() => {
    const out = new Map<string, string>();
    for (const [field, message] of this.actionRunner.fieldErrors()) out.set(formTaskField(field, this.sentTaskRows), message);
    return out;
  });

  /** The form's values, as a signal. */
  readonly header = signal<HeaderFormValue>(this.readForm());
  readonly rows = signal<EditorRow[]>([]);
  private readonly savedHeader = signal('');
  private readonly savedRows = signal('');

  readonly editable = computed(() => this.project()?.permissions.edit === true);
  readonly actions = computed(() => this.project()?.permissions.actions ?? []);
  readonly canReview = computed(() => this.actions().includes('approve') || this.actions().includes('return'));
  /** The filler's steps (提交 / 撤回); a reviewer goes to the review page instead. */
  readonly fillerActions = computed(() => this.actions().filter((a) => a === 'submit' || a === 'withdraw'));
  readonly headerDirty = computed(() => this.editable() && this.kinds.signature(this.header()) !== this.savedHeader());
  readonly rowsDirty = computed(() => this.editable() && (rowsSignature(this.rows()) !== this.savedRows() || this.kinds.overallDirty()));
  readonly dirty = computed(() => this.headerDirty() || this.rowsDirty());

  readonly framework = this.doc.framework;
  readonly checkContext = computed<TableCheckContext>(() => {
    const h = this.header();
    const p = this.project();
    // a 部门整体 or 政策 target has no plan dates or project funds of its own (its period is checked by its kind)
    if (p && this.kind() !== 'project') return { year: p.year };
    if (!this.editable() && p) {
      return { year: p.year, startDate: p.startDate, endDate: p.endDate, funds: p.funds };
    }
    const funds = Object.fromEntries(FUND_KEYS.map((k) => [k, normaliseMoney(h.funds[k]) ?? h.funds[k]]));
    return { year: p?.year, startDate: h.startDate || null, endDate: h.endDate || null, funds };
  });
  readonly sums = computed(() => {
    const f = this.header().funds;
    return {
      total: sumMoney([f.fiscal, f.other]),
      annual: sumMoney([f.annualFiscal, f.carryover, f.annualOther]),
    };
  });
  readonly totalMismatch = computed(() => this.mismatch(this.header().funds.total, this.sums().total));
  readonly annualMismatch = computed(() => this.mismatch(this.header().funds.annualTotal, this.sums().annual));

  /** The annual table (a policy's 中期 table comes before it on the page). */
  private readonly table = viewChild('annualTable', { read: IndicatorTableComponent });
  private readonly picker = viewChild(ProjectIndicatorPickerComponent);
  /** 选用指标 (library, similar projects, last year's table) shown under the table. */
  readonly pickerOpen = signal(false);
  readonly rowNames = computed(() => this.rows().map((r) => r.name));
  readonly liveFindings = computed<Finding[]>(() => [...this.kinds.findings(), ...(this.table()?.findings() ?? [])]);
  readonly reviewComments = this.doc.reviewComments;
  readonly rowHistory = this.doc.rowHistory;
  private readonly rectifications = inject(RectificationApi);
  /** Open 整改 of last year's same-name target (the banner). */
  readonly carriedRectifications = signal<Rectification[]>([]);
  readonly lastReturn = computed(() => {
    if (this.project()?.status !== 'returned') return null;
    const returns = this.history().filter((h) => h.action === 'return');
    return returns.length > 0 ? [...returns].sort((a, b) => (a.at < b.at ? -1 : 1))[returns.length - 1] : null;
  });

  constructor() {
    const sub = this.form.valueChanges.subscribe(() => this.header.set(this.readForm()));
    inject(DestroyRef).onDestroy(() => sub.unsubscribe());
    loadOn(() => this.id(), (id) => this.load(id));
  }

  // ------------------------------------------------------------ loading

  async load(id = this.id()): Promise<void> {
    const p = await this.doc.fetch(id);
    if (!p) return;
    this.failure.set(null);
    this.apply(p, true, true);
    void this.doc.refreshSide(p.id);
    this.rectifications.carried(p.id).then((r) => this.carriedRectifications.set(r), () => this.carriedRectifications.set([]));
  }

  /** 「重新加载」 after a conflict: the latest version replaces the edits (after asking). */
  async reload(): Promise<void> {
    if (this.dirty() && !(await confirmDanger(this.modal, '重新加载最新版本？', '您尚未保存的修改将被放弃，表单将显示他人保存的最新内容。', '重新加载'))) {
      return;
    }
    await this.actionRunner.hold('reload', () => this.load());
  }

  /** Show a target; the form, the annual rows and a policy's 中期 rows are replaced only where asked. */
  private apply(p: Target, resetForm: boolean, resetRows: boolean, resetOverall = resetRows): void {
    this.project.set(p);
    this.kinds.reset(p, resetForm, resetOverall);
    if (resetForm) {
      const h = headerFromProject(p);
      this.form.reset({ ...h, startDate: isoToDate(h.startDate), endDate: isoToDate(h.endDate) });
      this.header.set(this.readForm());
      this.savedHeader.set(this.kinds.savedSignature(p, h));
    }
    if (resetRows) {
      const rows = toEditorRows(
        p.indicators,
        this.rows().map((r) => r.key),
      );
      this.rows.set(rows);
      this.savedRows.set(rowsSignature(rows));
    }
    if (p.permissions.edit) this.form.enable({ emitEvent: false });
    else this.form.disable({ emitEvent: false });
  }

  private readForm(): HeaderFormValue {
    const v = this.form.getRawValue();
    return { ...v, startDate: dateToIso(v.startDate), endDate: dateToIso(v.endDate) };
  }

  // ------------------------------------------------------------ actions

  /** 保存: the header (PATCH) and then the table (PUT), each with the version of the answer before. */
  async save(quiet = false): Promise<boolean> {
    const p0 = this.project();
    if (!p0 || !this.editable()) return false;
    const { body, errors, taskRows } = this.kinds.body(this.header());
    this.sentTaskRows = [];
    if (errors.length > 0 || this.form.invalid || this.kinds.invalid()) {
      markAllInvalid(this.form);
      this.kinds.markAllInvalid();
      this.actionRunner.refuse('请先更正标红的字段', errors);
      // the alert is at the top of the page: the message is seen wherever the user is
      this.message.error(`未保存：${errors[0]?.message ?? '请先更正标红的字段'}`);
      return false;
    }
    if (!this.dirty()) {
      if (!quiet) this.message.info('没有需要保存的修改');
      return true;
    }
    return this.actionRunner.run(
      'save',
      '保存失败，请稍后重试',
      async () => {
        let p = p0;
        if (this.headerDirty()) {
          this.sentTaskRows = taskRows;
          p = await this.api.update(p.id, p.version, body);
          this.apply(p, true, false);
        }
        if (rowsSignature(this.rows()) !== this.savedRows()) {
          p = await this.api.putIndicators(p.id, p.version, indicatorInputs(this.rows()));
          this.apply(p, false, true, false);
        }
        const overallGoal = this.kinds.overallGoalId();
        if (this.kinds.overallDirty() && overallGoal) {
          p = await this.api.putIndicators(p.id, p.version, indicatorInputs(this.kinds.overallRows()), overallGoal);
          this.apply(p, false, false, true);
        }
        if (!quiet) this.message.success(`已保存（版本 ${p.version}）`);
        void this.doc.refreshSide(p.id);
        void this.picker()?.reload(); // the suggestions follow what the table now covers
      },
      (f) => this.message.error(`未保存：${f.message}`),
    );
  }

  /** 提交 (saving first when needed; a 422 shows the blocking findings) or 撤回, from the action bar. */
  async transition({ action }: WorkflowStep): Promise<void> {
    if (action !== 'submit' && action !== 'withdraw') return;
    if (action === 'submit' && this.dirty() && !(await this.save(true))) return;
    const p = this.project();
    if (!p) return;
    await this.actionRunner.run(
      action,
      action === 'submit' ? '提交失败，请稍后重试' : '撤回失败，请稍后重试',
      async () => {
        const next = await this.api.transition(p.id, p.version, { action });
        this.apply(next, true, true);
        this.message.success(action === 'submit' ? '已提交，等待主管部门审核' : '已撤回，可继续修改');
        void this.doc.refreshSide(next.id);
      },
      (f) => {
        if (f.findings.length > 0) this.serverFindings.set(f.findings);
      },
    );
  }

  async remove(): Promise<void> {
    const p = this.project();
    if (!p) return;
    await this.actionRunner.run('delete', '删除失败，请稍后重试', async () => {
      await this.api.remove(p.id, p.version);
      this.savedHeader.set(this.kinds.signature(this.header()));
      this.savedRows.set(rowsSignature(this.rows()));
      this.message.success('项目已删除');
      await this.router.navigate(['/projects']);
    });
  }

  /** Rows picked from the library or a similar project: appended to the table (saved with 保存). */
  appendPicked(picked: readonly PickRow[]): void {
    this.rows.set(appendPickedRows(this.rows(), picked));
    this.message.success(`已加入 ${picked.length} 条指标（尚未保存）`);
  }

  /** Last year's table was copied on the server: its rows and version, as after a save (header edits stay). */
  onCopied(p: Project): void {
    // the answer of /api/targets/:id/copy-last-year is the whole target (its kind included)
    this.apply(p as Target, false, true, false);
    void this.doc.refreshSide(p.id);
  }

  /** Put the sum of the parts into a total. */
  fillTotal(which: 'total' | 'annualTotal'): void {
    const sum = which === 'total' ? this.sums().total : this.sums().annual;
    if (sum !== null) this.form.controls.funds.controls[which].setValue(sum);
  }

  // ------------------------------------------------------------ leaving

  /** For the route's canDeactivate: ask before unsaved edits are dropped. */
  canLeave(): boolean | Promise<boolean> {
    if (!this.dirty()) return true;
    return confirmDanger(this.modal, '有未保存的修改', '离开此页面后，未保存的修改将丢失。确定离开吗？', '离开');
  }

  onBeforeUnload(e: BeforeUnloadEvent): void {
    if (this.dirty()) e.preventDefault();
  }

  private mismatch(total: string, sum: string | null): boolean {
    const t = normaliseMoney(total);
    return t !== null && t !== '' && sum !== null && t !== sum;
  }
}
