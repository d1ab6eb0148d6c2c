import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { FileExcelOutline, ImportOutline, UploadOutline } from '@ant-design/icons-angular/icons';
import { AuthStore } from '@pt/web/auth/data-access';
import { IMPORT_CHOICE_LABELS, IMPORT_CHOICES, ImportsApi, toImportFailure } from '@pt/web/exports/data-access';
import type { ImportChoice, ImportResult, ImportTextBody, ImportXlsxOptions } from '@pt/web/exports/data-access';
import { DEPARTMENT_FIELD_LABELS, POLICY_FIELD_LABELS } from '@pt/domain';
import { frameworkChoices } from '@pt/web/library/data-access';
import { isFiller, KindPipe, orgOptions, parseKind, ProjectsApi, TARGET_KIND_OPTIONS, type TargetKindKey } from '@pt/web/projects/data-access';
import { formatMoney, toApiFailure } from '@pt/web/shared/data-access';
import type { FrameworkResponse, OrgNode } from '@pt/web/projects/data-access';
import type { ApiFailure } from '@pt/web/shared/data-access';
import { FormFieldComponent, OrgSelectComponent, TextSelectComponent } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { choiceAllowed, choicesToSend, countByKind, existingNote, outcomeLabel, problemPlace, sourceLabel, targetNoun, unanswered, yearInText } from './import-view';

const XLSX_LIMIT = 10 * 1024 * 1024;
const TEXT_LIMIT = 500_000;

type ImportRequest = { kind: 'text'; body: ImportTextBody } | { kind: 'xlsx'; file: File; options: ImportXlsxOptions };

/**
 * 导入: a target table pasted from a published document, or a workbook in our 申报表 layouts (项目, 部门（单位）整体, 政策:
 * a form's title tells its kind; a paste, or a sheet under another title, is of the kind chosen here).
 * 预览 asks the server what it reads (dry run): every project with its rows and every problem with
 * its line; 创建草稿 then creates exactly what was previewed as drafts of the chosen unit and links
 * to them. Only fillers create; the preview is cleared when what it was made from changes. A project
 * whose name the unit already uses that year waits for a choice (替换 / 保留两份 / 跳过) before the create.
 */
@Component({
  selector: 'pt-import-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNzIconsPatch([FileExcelOutline, ImportOutline, UploadOutline])],
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    FormFieldComponent,
    OrgSelectComponent,
    TextSelectComponent,
    KindPipe,
  ],
  templateUrl: './import.page.html',
  styles: `
    .row { display: flex; flex-wrap: wrap; gap: 0 16px; }
    .row pt-form-field { min-width: 200px; }
    .grow { flex: 1 1 360px; }
    .year { width: 120px; }
    .full { display: block; }
    .text { font-family: monospace; }
    .buttons { display: flex; gap: 8px; align-items: center; margin-top: 8px; }
    .block { margin-bottom: 16px; }
    .result { margin-top: 16px; }
    .project { margin-bottom: 24px; }
    .project h3 { margin: 0 0 4px; display: flex; gap: 8px; align-items: center; }
    .meta { color: rgba(0, 0, 0, 0.45); margin-bottom: 8px; }
    .file-name { color: rgba(0, 0, 0, 0.65); }
    /* inline style on the file input: ng-zorro's .ant-form input[type='file'] { display: block } outranks a class */
    .clash { margin-bottom: 8px; }
    .clash-choice { margin-top: 8px; }
  `,
})
export class ImportPage {
  private readonly imports = inject(ImportsApi);
  private readonly projects = inject(ProjectsApi);
  private readonly user = inject(AuthStore).user;
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  readonly filler = computed(() => isFiller(this.user()));
  readonly tab = signal(0);
  readonly year = signal<number | null>(new Date().getFullYear());
  readonly xlsxYear = signal<number | null>(null);
  readonly orgId = signal<string>(this.user()?.orgId ?? '');
  readonly frameworkCode = signal<string | null>(null);
  readonly text = signal('');
  readonly file = signal<File | null>(null);
  /** The kind of the pasted tables (a paste has no form title). */
  readonly textKind = signal<TargetKindKey>('project');
  /** The kind of a sheet whose title is not one of our forms; null: by the title (project otherwise). */
  readonly xlsxKind = signal<TargetKindKey | null>(null);
  protected readonly kindOptions = TARGET_KIND_OPTIONS;
  protected readonly parseKind = parseKind;

  private readonly orgs = signal<OrgNode[]>([]);
  /** Units the user may create projects for (a filler: their own unit). */
  readonly units = computed(() => orgOptions(this.orgs(), ['unit']));
  readonly frameworks = signal<FrameworkResponse[]>([]);
  readonly frameworkItems = computed(() => frameworkChoices(this.frameworks()));
  readonly textYear = computed(() => yearInText(this.text().slice(0, 4000)));

  readonly busy = signal<'preview' | 'create' | null>(null);
  readonly failure = signal<ApiFailure | null>(null);
  /** The last answer and the request it answered (创建草稿 sends that request again, not the fields as they are now). */
  readonly answer = signal<{ request: ImportRequest; result: ImportResult } | null>(null);
  readonly result = computed(() => this.answer()?.result ?? null);
  readonly kind = computed(() => this.answer()?.request.kind ?? 'text');
  readonly created = computed(() => {
    const r = this.result();
    return r && !r.dryRun ? r.projects.filter((p) => !!p.id) : [];
  });
  readonly canCreate = computed(() => {
    const r = this.result();
    return this.filler() && !!r && r.dryRun && r.projects.length > 0;
  });
  /** The choice per clashing name (reset by each new preview). */
  readonly chosen = signal<Record<string, ImportChoice>>({});
  /** Clashing names still without a choice: the create waits for them. */
  readonly waiting = computed(() => {
    const r = this.result();
    return r?.dryRun ? unanswered(r.projects, this.chosen()) : [];
  });
  /** `已创建 2 个草稿项目，替换 1 个，跳过 1 个` after a create (`草稿绩效目标` when other kinds are among them). */
  readonly doneTitle = computed(() => {
    const projects = this.result()?.projects ?? [];
    const n = (o: string) => projects.filter((p) => (p.outcome ?? (p.id ? 'created' : '')) === o).length;
    const parts = [`已创建 ${n('created')} 个草稿${this.noun()}`];
    if (n('replaced')) parts.push(`替换 ${n('replaced')} 个`);
    if (n('skipped')) parts.push(`跳过 ${n('skipped')} 个`);
    return parts.join('，');
  });
  /** 项目 when every preview is a project, else 绩效目标. */
  readonly noun = computed(() => ((this.result()?.projects ?? []).every((p) => (p.kind ?? 'project') === 'project') ? '项目' : '绩效目标'));
  /** `预览：3 个绩效目标（项目 2、政策 1），1 个问题`. */
  readonly previewTitle = computed(() => {
    const r = this.result();
    if (!r) return '';
    const kinds = countByKind(r.projects);
    return `预览：${r.projects.length} 个${this.noun()}${kinds && this.noun() !== '项目' ? `（${kinds}）` : ''}，${r.problems.length} 个问题`;
  });
  protected readonly choiceOptions = IMPORT_CHOICES.map((value) => ({ value, label: IMPORT_CHOICE_LABELS[value] }));
  protected readonly choiceAllowed = choiceAllowed;
  protected readonly targetNoun = targetNoun;
  protected readonly D = DEPARTMENT_FIELD_LABELS;
  protected readonly P = POLICY_FIELD_LABELS;
  protected readonly existingNote = existingNote;
  protected readonly outcomeLabel = outcomeLabel;

  protected readonly problemPlace = problemPlace;
  protected readonly sourceLabel = sourceLabel;
  protected readonly formatMoney = formatMoney;

  constructor() {
    this.projects.orgs().then(
      (orgs) => {
        this.orgs.set(orgs);
        const units = orgOptions(orgs, ['unit']);
        if (!units.some((u) => u.value === this.orgId())) this.orgId.set(units.length === 1 ? units[0].value : '');
      },
      (e) => this.failure.set(toApiFailure(e, '单位列表加载失败')),
    );
    this.projects.frameworks().then(
      (f) => this.frameworks.set(f),
      (e) => this.failure.set(toApiFailure(e, '指标体系加载失败')),
    );
  }

  frameworkName(code: string): string {
    return this.frameworks().find((f) => f.code === code)?.name ?? code;
  }

  /** Any change to what a preview was made from makes it stale (a created result stays, with its links). */
  change<T>(field: { set(v: T): void }, value: T): void {
    field.set(value);
    if (this.result()?.dryRun) this.answer.set(null);
  }

  useTextYear(): void {
    const y = this.textYear();
    if (y !== null) this.change(this.year, y);
  }

  chooseFile(): void {
    this.fileInput()?.nativeElement.click();
  }

  onFile(input: HTMLInputElement): void {
    const file = input.files?.[0] ?? null;
    input.value = '';
    this.failure.set(null);
    if (file && !/\.xlsx$/i.test(file.name)) {
      this.failure.set(this.localFailure('请选择 .xlsx 格式的 Excel 文件（本系统导出的申报表）'));
      return;
    }
    if (file && file.size > XLSX_LIMIT) {
      this.failure.set(this.localFailure('文件超过 10 MB，请拆分后再导入'));
      return;
    }
    this.change(this.file, file);
  }

  previewText(): void {
    const text = this.text();
    const year = this.year();
    const problem =
      text.trim() === ''
        ? '请粘贴要导入的表格文本'
        : text.length > TEXT_LIMIT
          ? '粘贴的文本最多 50 万个字符，请分批导入'
          : !this.orgId()
            ? '请选择实施单位'
            : year === null || !Number.isInteger(year) || year < 2000 || year > 2100
              ? '请填写 2000–2100 之间的预算年度'
              : null;
    if (problem) {
      this.failure.set(this.localFailure(problem));
      return;
    }
    const body: ImportTextBody = { text, year: year as number, orgId: this.orgId(), kind: this.textKind() };
    const fw = this.frameworkCode();
    if (fw) body.frameworkCode = fw;
    void this.send({ kind: 'text', body }, true);
  }

  previewXlsx(): void {
    const file = this.file();
    const year = this.xlsxYear();
    const problem = !file
      ? '请选择要导入的 .xlsx 文件'
      : !this.orgId()
        ? '请选择实施单位'
        : year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100)
          ? '预算年度须在 2000–2100 之间，或留空按表中年度'
          : null;
    if (problem || !file) {
      this.failure.set(this.localFailure(problem ?? '请选择要导入的 .xlsx 文件'));
      return;
    }
    void this.send({ kind: 'xlsx', file, options: { orgId: this.orgId(), year, kind: this.xlsxKind() } }, true);
  }

  choose(name: string, choice: ImportChoice): void {
    this.chosen.update((c) => ({ ...c, [name]: choice }));
  }

  create(): void {
    const a = this.answer();
    if (!a || !this.canCreate() || this.waiting().length > 0) return;
    const choices = choicesToSend(a.result.projects, this.chosen());
    const request: ImportRequest = !choices.length
      ? a.request
      : a.request.kind === 'text'
        ? { kind: 'text', body: { ...a.request.body, choices } }
        : { ...a.request, options: { ...a.request.options, choices } };
    void this.send(request, false);
  }

  private async send(request: ImportRequest, dryRun: boolean): Promise<void> {
    if (this.busy()) return;
    this.busy.set(dryRun ? 'preview' : 'create');
    this.failure.set(null);
    try {
      const result =
        request.kind === 'text' ? await this.imports.text(request.body, dryRun) : await this.imports.xlsx(request.file, request.options, dryRun);
      this.answer.set({ request, result });
      if (dryRun) this.chosen.set({});
    } catch (e) {
      this.failure.set(toImportFailure(e));
    } finally {
      this.busy.set(null);
    }
  }

  private localFailure(message: string): ApiFailure {
    return { status: 0, code: 'LOCAL', message, details: [], findings: [] };
  }
}
