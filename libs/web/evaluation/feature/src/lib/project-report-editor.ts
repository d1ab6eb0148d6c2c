import { inject, signal, type Provider, type Type } from '@angular/core';
import { toEvaluationFailure } from '@pt/web/evaluation/data-access';
import { ProjectsApi } from '@pt/web/projects/data-access';
import { confirmDanger } from '@pt/web/projects/ui';
import { ActionRunner } from '@pt/web/shared/data-access';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalService } from 'ng-zorro-antd/modal';
import { ProjectReportState, type ProjectReport } from './project-report-state';

/** What both forms have: one row per indicator and the budget figures, typed as text. */
export interface ProjectReportForm {
  rows: object[];
  budget: object;
}

/** The question before edits are dropped by leaving the page. */
export interface LeaveQuestion {
  content: string;
  okText?: string;
}

/**
 * The state and the writes of a report page of a project (绩效自评, 运行监控), one per page: the page provides
 * its editor and reads it, and so do its header (ReportHeaderComponent) and its blocks, instead of being handed
 * the form, the score and the failure through inputs. Loading, 保存's failure, and asking before unsaved edits
 * are dropped work alike on both pages.
 */
export abstract class ProjectReportEditor<R extends ProjectReport, F extends ProjectReportForm, B extends string> extends ProjectReportState<R, F> {
  protected readonly projects = inject(ProjectsApi);
  protected readonly message = inject(NzMessageService);
  protected readonly modal = inject(NzModalService);
  /** 保存, the steps and the page's other writes: the one on its way, the last failure. */
  protected readonly runner = new ActionRunner<B>(toEvaluationFailure);
  readonly failure = this.runner.failure;
  readonly busy = this.runner.busy;
  /** Field errors of the last failure (client checks or the server's 400/422), by field. */
  readonly fieldErrors = this.runner.fieldErrors;
  /** The target's id (the route's `:id`) of the last load. */
  readonly id = signal('');
  /** The field names of a refusal, for the failure alert. */
  readonly fieldLabel = (field: string) => this.label(field);

  /**
   * `signature` tells two forms apart; `loadFailure` is said when the load fails without the server's reason;
   * `leaving` is asked before a page with unsaved edits is left.
   */
  constructor(
    signature: (form: F) => string,
    private readonly loadFailure: string,
    private readonly leaving: LeaveQuestion,
  ) {
    super(signature);
  }

  /** The report of the project (of `month` for 运行监控; the 自评 has one a year). */
  protected abstract fetchReport(id: string, month?: number): Promise<R>;
  /** Shows a report as saved (ProjectReportState.show) with the form built from it. */
  protected abstract apply(report: R, fallbackVersion: number | null, month?: number): void;
  abstract label(field: string): string;
  abstract reload(): Promise<void>;
  abstract save(): Promise<unknown>;

  /** The project and its report, loaded together; a refusal is the page's `loadError`. */
  async load(id = this.id(), month?: number): Promise<void> {
    this.id.set(id);
    const loaded = await this.fetch(() => Promise.all([this.projects.get(id), this.fetchReport(id, month)]), this.loadFailure);
    if (!loaded) return;
    const [p, report] = loaded;
    this.failure.set(null);
    this.apply(report, p.version, month);
  }

  setRow(index: number, patch: Partial<F['rows'][number]>): void {
    this.form.update((f) => (f ? { ...f, rows: f.rows.map((r, i) => (i === index ? { ...r, ...patch } : r)) } : f));
  }

  setBudget(key: keyof F['budget'] & string, value: string): void {
    this.form.update((f) => (f ? { ...f, budget: { ...f.budget, [key]: value } } : f));
  }

  /** Whether the page may be left: at once without unsaved edits, else when the user agrees to drop them. */
  canLeave(): boolean | Promise<boolean> {
    if (!this.dirty()) return true;
    return confirmDanger(this.modal, '有未保存的修改', this.leaving.content, this.leaving.okText);
  }

  /** True when there are no unsaved edits or the user agrees to drop them (a reload, another month). */
  protected async mayDrop(title: string, content: string, okText?: string): Promise<boolean> {
    return !this.dirty() || confirmDanger(this.modal, title, content, okText);
  }
}

/** What the header and the page's base class read of any page's editor. */
export type AnyReportEditor = Pick<
  ProjectReportEditor<ProjectReport, ProjectReportForm, string>,
  'project' | 'forms' | 'dirty' | 'editable' | 'loading' | 'loadError' | 'busy' | 'failure' | 'fieldLabel' | 'load' | 'reload' | 'save' | 'canLeave'
>;

/** The providers of a page with its editor: the editor, the same one as the header's ProjectReportEditor, the page's dialogs. */
export function provideReportEditor(editor: Type<AnyReportEditor>): Provider[] {
  return [NzModalService, editor, { provide: ProjectReportEditor, useExisting: editor }];
}
