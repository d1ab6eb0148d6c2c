import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, ChangeDetectorRef, Component, ElementRef, inject, input } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { DEPARTMENT_FIELD_LABELS, YUAN_SUFFIX } from '@pt/domain';
import { formatMoney, normaliseMoney, sumMoney } from '@pt/web/shared/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { BUDGET_LABELS, fieldHint } from './target-kind-form';
import type { BudgetKey } from './target-kind-form';
import type { TargetKindState } from './target-kind-state';

/**
 * 部门（单位）整体 申报表 block, editable: 年度预算申请 (资金总额 by source and by nature, their sums) and the 年度主要任务
 * table (rows added and removed with buttons or Enter; amounts shown with thousands separators once typed). Each
 * field shows the last save's refusal, its own bad amount or the live check of the domain under it.
 */
@Component({
  selector: 'pt-department-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, ReactiveFormsModule, NzButtonModule, NzCardModule, NzIconModule, NzInputModule],
  template: `
    @let s = state();
    <nz-card [nzTitle]="D.budget + YUAN" class="block" nzSize="small" [formGroup]="s.department" data-testid="dept-budget">
      <div formGroupName="budget" class="budget">
        <ng-container [ngTemplateOutlet]="money" [ngTemplateOutletContext]="{ key: 'total', strong: true }" />
        <div class="parts">
          <div>
            <div class="part-title">按资金来源</div>
            <ng-container [ngTemplateOutlet]="money" [ngTemplateOutletContext]="{ key: 'fiscal' }" />
            <ng-container [ngTemplateOutlet]="money" [ngTemplateOutletContext]="{ key: 'other' }" />
            <div class="sum" data-testid="dept-sum-source">{{ D.fiscal }} + {{ D.other }} = {{ sum(['fiscal', 'other']) }}</div>
          </div>
          <div>
            <div class="part-title">按支出性质</div>
            <ng-container [ngTemplateOutlet]="money" [ngTemplateOutletContext]="{ key: 'basic' }" />
            <ng-container [ngTemplateOutlet]="money" [ngTemplateOutletContext]="{ key: 'project' }" />
            <div class="sum" data-testid="dept-sum-nature">{{ D.basic }} + {{ D.project }} = {{ sum(['basic', 'project']) }}</div>
          </div>
        </div>
        <ng-template #money let-key="key" let-strong="strong">
          @let c = s.department.controls.budget.controls[asKey(key)];
          @let h = hint('department.budget.' + key, c);
          <div class="fund-row" [class.strong]="strong">
            <label [for]="'dept-' + key">{{ labels[asKey(key)] }}</label>
            <div>
              <input nz-input [id]="'dept-' + key" [formControlName]="key" inputmode="decimal" placeholder="0.00" [nzStatus]="h?.status ?? ''" (blur)="pretty(c)" [attr.data-testid]="'dept-budget-' + key" />
              @if (h) {
                <div class="hint" [class.warn]="h.status === 'warning'" [attr.data-testid]="'hint-department.budget.' + key">{{ h.message }}</div>
              }
            </div>
          </div>
        </ng-template>
      </div>
    </nz-card>

    <nz-card [nzTitle]="D.tasks" class="block" nzSize="small" [nzExtra]="addTpl" [formGroup]="s.department" data-testid="dept-tasks">
      <p class="note">每行一项任务；在一行的输入框中按 Enter 可在其下新增一行。金额单位：元。</p>
      <div class="scroll">
        <table class="tasks" formArrayName="tasks">
          <thead>
            <tr>
              <th rowspan="2" class="no">序号</th>
              <th rowspan="2" class="name">{{ D.taskName }}</th>
              <th rowspan="2">{{ D.taskContent }}</th>
              <th colspan="3">{{ D.taskBudget }}</th>
              <th rowspan="2" class="op"><span class="sr-only">操作</span></th>
            </tr>
            <tr>
              <th class="amt">{{ D.taskAmount }}</th>
              <th class="amt">{{ D.fiscal }}</th>
              <th class="amt">{{ D.other }}</th>
            </tr>
          </thead>
          <tbody>
            @for (g of s.tasks.controls; track g; let i = $index) {
              <tr [formGroupName]="i" data-testid="dept-task-row">
                <td class="no">{{ i + 1 }}</td>
                @for (col of taskCols; track col) {
                  @let h = hint('department.tasks[' + i + '].' + col, g.controls[col]);
                  <td [class.amt]="col !== 'name' && col !== 'content'">
                    @if (col === 'content') {
                      <textarea nz-input [formControlName]="col" [nzAutosize]="{ minRows: 1, maxRows: 6 }" [nzStatus]="h?.status ?? ''" [attr.aria-label]="'第' + (i + 1) + '行' + colLabel(col)" [attr.data-testid]="'task-' + col" (keydown.enter)="onEnter($event, i)"></textarea>
                    } @else {
                      <input
                        nz-input
                        [formControlName]="col"
                        [attr.inputmode]="col === 'name' ? null : 'decimal'"
                        [placeholder]="col === 'name' ? '' : '0.00'"
                        [nzStatus]="h?.status ?? ''"
                        [attr.aria-label]="'第' + (i + 1) + '行' + colLabel(col)"
                        [attr.data-testid]="'task-' + col"
                        (keydown.enter)="onEnter($event, i)"
                        (blur)="col === 'name' ? null : pretty(g.controls[col])"
                      />
                    }
                    @if (h) {
                      <div class="hint" [class.warn]="h.status === 'warning'">{{ h.message }}</div>
                    }
                  </td>
                }
                <td class="op">
                  <button nz-button nzType="text" nzDanger type="button" (click)="remove(i)" [attr.aria-label]="'删除第' + (i + 1) + '行任务'" data-testid="task-remove">
                    <span nz-icon nzType="delete"></span>
                  </button>
                </td>
              </tr>
            }
          </tbody>
          <tfoot>
            <tr>
              <td colspan="3" class="total-label">合计</td>
              <td class="amt" data-testid="task-sum">{{ taskSum() }}</td>
              <td colspan="3"></td>
            </tr>
          </tfoot>
        </table>
      </div>
      @if (tasksHint(); as h) {
        <div class="hint" [class.warn]="h.status === 'warning'" data-testid="hint-department.tasks">{{ h.message }}</div>
      }
    </nz-card>
    <ng-template #addTpl>
      <button nz-button nzSize="small" type="button" (click)="add()" data-testid="task-add"><span nz-icon nzType="plus"></span>添加任务</button>
    </ng-template>
  `,
  styles: `
    .block { margin-bottom: 16px; display: block; }
    .parts { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
    .part-title { color: rgba(0, 0, 0, 0.55); margin: 8px 0; }
    .fund-row { display: grid; grid-template-columns: 120px 1fr; align-items: start; gap: 8px; margin-bottom: 8px; max-width: 480px; }
    .fund-row label { line-height: 32px; text-align: right; }
    .fund-row.strong label { font-weight: 600; }
    .sum { color: rgba(0, 0, 0, 0.55); font-size: 12px; margin-left: 128px; }
    .hint { color: #cf1322; font-size: 12px; margin-top: 2px; }
    .hint.warn { color: #d46b08; }
    .note { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin-top: 0; }
    .scroll { overflow-x: auto; }
    .tasks { width: 100%; border-collapse: collapse; min-width: 900px; }
    .tasks th, .tasks td { border: 1px solid #f0f0f0; padding: 4px 6px; vertical-align: top; }
    .tasks th { background: #fafafa; font-weight: 500; text-align: center; }
    .tasks .no { width: 48px; text-align: center; line-height: 32px; }
    .tasks .name { width: 200px; }
    .tasks .amt { width: 150px; }
    .tasks td.amt { text-align: right; }
    .tasks .op { width: 48px; }
    .total-label { text-align: right; font-weight: 600; }
    .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    @media (max-width: 768px) { .parts { grid-template-columns: 1fr; } }
  `,
})
export class DepartmentFormComponent {
  readonly state = input.required<TargetKindState>();
  /** The last save's refusals by request field (rows as in the form). */
  readonly errors = input<ReadonlyMap<string, string>>(new Map());

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly cdr = inject(ChangeDetectorRef);
  readonly D = DEPARTMENT_FIELD_LABELS;
  readonly YUAN = YUAN_SUFFIX;
  readonly labels = BUDGET_LABELS;
  readonly taskCols = ['name', 'content', 'amount', 'fiscal', 'other'] as const;

  asKey(k: string): BudgetKey {
    return k as BudgetKey;
  }

  colLabel(col: (typeof this.taskCols)[number]): string {
    return { name: this.D.taskName, content: this.D.taskContent, amount: this.D.taskBudget + this.D.taskAmount, fiscal: this.D.fiscal, other: this.D.other }[col];
  }

  hint(field: string, c: AbstractControl) {
    return fieldHint(field, this.errors(), c.invalid && c.dirty, this.state().findingByField().get(field));
  }

  tasksHint() {
    return fieldHint('department.tasks', this.errors(), false, this.state().findingByField().get('department.tasks'));
  }

  sum(keys: BudgetKey[]): string {
    const b = this.state().departmentValue().budget;
    const s = sumMoney(keys.map((k) => b[k]));
    return s === null ? '（有无效金额）' : formatMoney(s);
  }

  taskSum(): string {
    const s = sumMoney(this.state().departmentValue().tasks.map((t) => t.amount));
    return s === null ? '（有无效金额）' : formatMoney(s);
  }

  /** An amount as typed is shown with thousands separators once the field is left (the saved value is the same). */
  pretty(c: AbstractControl<string>): void {
    const n = normaliseMoney(c.value);
    if (n) {
      const shown = formatMoney(n);
      if (shown !== c.value) c.setValue(shown);
    }
  }

  add(): void {
    this.focusRow(this.state().addTask());
  }

  remove(i: number): void {
    this.state().removeTask(i);
    this.focusRow(Math.min(i, this.state().tasks.length - 1));
  }

  /** Enter in a row: a new row below it, its name focused (Shift+Enter in 主要内容 keeps the line break). */
  onEnter(e: Event, i: number): void {
    const k = e as KeyboardEvent;
    if (k.shiftKey || k.isComposing) return;
    e.preventDefault();
    this.focusRow(this.state().addTask(i));
  }

  /** Drawn and focused in the key or click event itself: a key typed right after goes to the new row, not the old one. */
  private focusRow(i: number): void {
    this.cdr.detectChanges();
    const rows = this.host.nativeElement.querySelectorAll<HTMLElement>('[data-testid="dept-task-row"]');
    rows[i]?.querySelector<HTMLInputElement>('[data-testid="task-name"]')?.focus();
  }
}
