import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { cascadeLevels, findFramework, frameworkChoices, LibraryApi, level1Choices, level2Choices, toLibraryFailure } from '@pt/web/library/data-access';
import type { LibraryIndicator } from '@pt/web/library/data-access';
import type { FrameworkResponse } from '@pt/shared/api-types';
import { formDialog } from '@pt/web/shared/data-access';
import { CrudModalComponent, FormFieldComponent, TextFieldComponent, TextSelectComponent } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { createBody, errorsFromDetails, formFromIndicator, hasErrors, updateBody, validateLibraryForm } from './library-form';
import type { LibraryFormErrors, LibraryFormValue } from './library-form';
import { INDICATOR_BASES, INDICATOR_META_LABELS, INDICATOR_META_MAX } from '@pt/domain';

/** What the page asks the dialog to open: `row` null = 新增 with `form` as defaults. */
export interface LibraryEditRequest {
  row: LibraryIndicator | null;
  form: LibraryFormValue;
}

/** The form and the row it edits (its version changes when the row is loaded again after a 412). */
interface Editing {
  row: LibraryIndicator | null;
  value: LibraryFormValue;
}

/**
 * 新增指标 / 修改指标 of the 指标库 (system administrator): cascading 一级 and 二级 by framework, the checks the server
 * makes anyway shown by field before sending; an edit sends `If-Match` with the row's version, a 412 offers 刷新
 * (the row as it is now, with its new version). Closes with true when saved.
 */
@Component({
  selector: 'pt-library-editor-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzSelectModule, CrudModalComponent, FormFieldComponent, TextFieldComponent, TextSelectComponent],
  host: { style: 'display: none' },
  template: `
    <pt-crud-modal
      [open]="dialog.open()"
      [title]="dialog.form()?.row ? '修改指标' : '新增指标'"
      [saving]="dialog.saving()"
      [width]="560"
      testId="library-form"
      (submitted)="save()"
      (cancelled)="close()"
    >
      @if (dialog.failure(); as f) {
        <!-- one root node, so the alert and its template are projected into the lead slot together -->
        <ng-container ptCrudModalLead>
          <nz-alert
            class="error"
            nzType="error"
            nzShowIcon
            [nzMessage]="f.message"
            [nzAction]="f.status === 412 ? refreshTpl : null"
            data-testid="library-form-error"
          ></nz-alert>
          <ng-template #refreshTpl>
            <button nz-button nzSize="small" type="button" data-testid="library-form-refresh" (click)="refresh()">刷新</button>
          </ng-template>
        </ng-container>
      }
      @if (dialog.form(); as e) {
        <pt-form-field label="指标体系" controlId="lib-fw" required [error]="errors().frameworkCode">
          <pt-text-select class="full" inputId="lib-fw" testId="library-form-framework" placeholder="请选择指标体系" [disabled]="!!e.row" [items]="frameworkItems()"
            [value]="e.value.frameworkCode" (valueChange)="setFramework($event)" />
        </pt-form-field>
        <div class="two">
          <pt-form-field label="一级指标" controlId="lib-l1" required [error]="errors().level1">
            <pt-text-select class="full" inputId="lib-l1" testId="library-form-level1" placeholder="请选择一级指标" [options]="level1()" [value]="e.value.level1"
              (valueChange)="setLevels($event, e.value.level2)" />
          </pt-form-field>
          <pt-form-field label="二级指标" controlId="lib-l2" required [error]="errors().level2">
            <pt-text-select class="full" inputId="lib-l2" testId="library-form-level2" placeholder="请选择二级指标" [groups]="level2()" [value]="e.value.level2"
              (valueChange)="setLevels(e.value.level1, $event)" />
          </pt-form-field>
        </div>
        <pt-text-field label="三级指标名称" fieldId="lib-name" name="name" required [error]="errors().name" [maxlength]="300" placeholder="如：培训人次"
          testId="library-form-name" [value]="e.value.name" (valueChange)="patch({ name: $event })" />
        <pt-text-field label="参考指标值" fieldId="lib-target" name="target" [error]="errors().target" extra="可不填；如 ≥90.00(%)、=100(%)、提高" [maxlength]="500"
          placeholder="如：≥90.00(%)" testId="library-form-target" [value]="e.value.target" (valueChange)="patch({ target: $event })" />
        <!-- domain §11: carried into a table's row when the entry is picked -->
        <pt-text-field [label]="META.explanation" fieldId="lib-explanation" name="explanation" [error]="errors().explanation" [maxlength]="MAX.explanation"
          testId="library-form-explanation" [value]="e.value.explanation" (valueChange)="patch({ explanation: $event })" />
        <div class="two">
          <pt-form-field [label]="META.basis" fieldId="lib-basis" [error]="errors().basis">
            <nz-select id="lib-basis" name="basis" nzAllowClear nzPlaceHolder="可不选" data-testid="library-form-basis" [ngModel]="e.value.basis || null" (ngModelChange)="patch({ basis: $event ?? '' })">
              @for (b of BASES; track b) {
                <nz-option [nzValue]="b" [nzLabel]="b" />
              }
            </nz-select>
          </pt-form-field>
          <pt-text-field [label]="META.dataSource" fieldId="lib-data-source" name="dataSource" [error]="errors().dataSource" [maxlength]="MAX.dataSource"
            testId="library-form-dataSource" [value]="e.value.dataSource" (valueChange)="patch({ dataSource: $event })" />
        </div>
        <pt-text-field [label]="META.scoringRule" fieldId="lib-scoring-rule" name="scoringRule" [error]="errors().scoringRule" [maxlength]="MAX.scoringRule"
          testId="library-form-scoringRule" [value]="e.value.scoringRule" (valueChange)="patch({ scoringRule: $event })" />
      }
    </pt-crud-modal>
  `,
  styles: `
    .error { margin-bottom: 16px; }
    .two { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
    .full { display: block; }
  `,
})
export class LibraryEditorModal {
  protected readonly META = INDICATOR_META_LABELS;
  protected readonly MAX = INDICATOR_META_MAX;
  protected readonly BASES = INDICATOR_BASES;
  private readonly api = inject(LibraryApi);
  private readonly message = inject(NzMessageService);

  /** The dialog to open (null: closed). */
  readonly request = input<LibraryEditRequest | null>(null);
  readonly frameworks = input<readonly FrameworkResponse[]>([]);
  readonly frameworkItems = computed(() => frameworkChoices(this.frameworks()));
  /** Closed, with true when saved (the list reloads); `stale` when the row turned out changed or gone (the list reloads too). */
  readonly closed = output<boolean>();
  readonly stale = output<void>();

  readonly dialog = formDialog<Editing>();
  /** The field messages: the local checks', or the server's details. */
  readonly errors = signal<LibraryFormErrors>({});
  private readonly framework = computed(() => findFramework(this.frameworks(), this.dialog.form()?.value.frameworkCode ?? null));
  readonly level1 = computed(() => level1Choices(this.framework()));
  readonly level2 = computed(() => level2Choices(this.framework(), this.dialog.form()?.value.level1 ?? null));

  constructor() {
    effect(() => {
      const r = this.request();
      untracked(() => {
        this.errors.set({});
        if (r) this.dialog.show({ row: r.row, value: r.form });
        else this.dialog.form.set(null);
      });
    });
  }

  close(): void {
    if (this.dialog.saving()) return;
    this.dialog.close();
    this.closed.emit(false);
  }

  patch(patch: Partial<LibraryFormValue>): void {
    const e = this.dialog.form();
    if (!e) return;
    this.dialog.patch({ value: { ...e.value, ...patch } });
    this.errors.update((errors) => {
      const next = { ...errors };
      for (const k of Object.keys(patch) as (keyof LibraryFormValue)[]) delete next[k];
      return next;
    });
  }

  setFramework(code: string | null): void {
    this.patch({ frameworkCode: code ?? '', level1: '', level2: '' });
  }

  setLevels(level1: string | null, level2: string | null): void {
    const next = cascadeLevels(this.framework(), level1, level2);
    this.patch({ level1: next.level1 ?? '', level2: next.level2 ?? '' });
  }

  async save(): Promise<void> {
    const e = this.dialog.form();
    if (!e || this.dialog.saving()) return;
    const errors = validateLibraryForm(e.value, this.framework());
    this.errors.set(errors);
    if (hasErrors(errors)) return;
    const saved = await this.dialog.save({
      send: (s) => this.send(s),
      toFailure: (err) => toLibraryFailure(err),
      failed: (f) => {
        this.errors.set(errorsFromDetails(f.details));
        if (f.status === 412 || f.status === 404) this.stale.emit();
      },
    });
    if (saved) this.closed.emit(true);
  }

  private async send({ row, value }: Editing): Promise<void> {
    if (!row) {
      await this.api.create(createBody(value));
      this.message.success(`已新增「${value.name.trim()}」`);
      return;
    }
    const body = updateBody(row, value);
    if (!body) {
      this.message.info('没有修改');
      return;
    }
    await this.api.update(row.id, row.version, body);
    this.message.success(`已保存「${value.name.trim()}」`);
  }

  /** After a 412: load the row as it is now into the form (with its new version). */
  async refresh(): Promise<void> {
    const row = this.dialog.form()?.row;
    if (!row) return;
    try {
      const fresh = await this.api.get(row.id);
      this.dialog.show({ row: fresh, value: formFromIndicator(fresh) });
      this.errors.set({});
      this.message.info('已载入该指标的最新内容，请确认后再保存');
    } catch (err) {
      const f = toLibraryFailure(err);
      this.message.error(f.message);
      if (f.status === 404) {
        this.dialog.form.set(null);
        this.closed.emit(false);
      }
    }
  }
}
