import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  input,
  model,
} from '@angular/core';
import { NgTemplateOutlet, SlicePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { checkTable, parseTargetValue } from '@pt/domain';
import type { Finding, TargetValue } from '@pt/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import {
  applyPaste,
  COLUMN_COUNT,
  continuationRow,
  emptyRow,
  insertRow,
  isValidWeight,
  level1Options,
  level2Options,
  moveRow,
  navigate,
  removeRow,
  toIndicatorRows,
  withLevel1,
  withLevel2,
} from './indicator-rows';
import type { CellPos, EditorRow, LevelOption, NavKey, TableCheckContext, TableFramework } from './indicator-rows';

/** A reviewer's comment on a row (the project's `reviewComments`). */
export interface RowReviewComment {
  id?: string;
  indicatorId: string | null;
  /** The row as it was when commented on. */
  indicatorName?: string | null;
  comment: string;
  user: string;
  at: string;
  action?: string | null;
}

interface RowView {
  row: EditorRow;
  /** 1-based row number, as shown and as in the messages (第N行). */
  n: number;
  parsed: TargetValue;
  kindLabel: string;
  kindColor: string;
  level1Options: LevelOption[];
  level2Options: LevelOption[];
  findings: Finding[];
  reviewComments: RowReviewComment[];
  weightInvalid: boolean;
}

const KIND_LABEL: Record<string, [string, string]> = {
  quantitative: ['定量', 'blue'],
  compare: ['比较', 'purple'],
  qualitative: ['定性', 'default'],
};

const NAV_KEYS: readonly string[] = ['Tab', 'Enter', 'ArrowUp', 'ArrowDown'];

/**
 * The three-level indicator table (一级 / 二级 / 三级 / 指标值 / 核心 / 分值) as an Excel-like editor:
 * Tab / Shift+Tab between cells, Enter down (a new row below the last), ↑ ↓ between rows, a block
 * pasted from Excel fills the rows from the focused one on. Under each value the canonical parse,
 * on each row the findings of the domain checks, computed as the user types; table-level findings
 * above the table. `readonly` shows the table for reviewers, with a comment input per row when
 * `commentable`.
 *
 * Test ids (rows numbered from 1): `row-N`, `row-N-level1`, `row-N-level2`, `row-N-name`,
 * `row-N-target`, `row-N-parsed`, `row-N-core`, `row-N-weight`, `row-N-finding`, `row-N-comment`,
 * `row-N-review-comment`, `row-N-up`, `row-N-down`, `row-N-insert`, `row-N-remove`, `add-row`,
 * `table-findings`.
 */
@Component({
  selector: 'pt-indicator-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, SlicePipe, FormsModule, NzButtonModule, NzCheckboxModule, NzIconModule, NzInputModule, NzSelectModule, NzTagModule, NzTooltipModule],
  host: { '(focusin)': 'onFocusIn($event)', '(paste)': 'onPaste($event)' },
  template: `
    @if (tableFindings().length > 0) {
      <ul class="table-findings" data-testid="table-findings">
        @for (f of tableFindings(); track $index) {
          <li [class]="'finding ' + f.severity" [attr.data-code]="f.code">
            <span class="sev">{{ severityLabel(f.severity) }}</span>{{ f.message }}
          </li>
        }
      </ul>
    }
    <table class="grid" [class.readonly]="readonly()">
      <thead>
        <tr>
          <th class="c-num">序号</th>
          <th class="c-level">一级指标</th>
          <th class="c-level">二级指标</th>
          <th>三级指标</th>
          <th class="c-target">年度指标值</th>
          <th class="c-core">核心</th>
          <th class="c-weight">分值</th>
          @if (!readonly()) {
            <th class="c-ops">操作</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (v of views(); track v.row.key; let i = $index) {
          <tr class="main" [attr.data-testid]="'row-' + v.n" [class.has-error]="hasError(v)">
            <td class="c-num">{{ v.n }}</td>
            @if (readonly()) {
              <td [attr.data-testid]="'row-' + v.n + '-level1'">{{ v.row.level1 }}</td>
              <td [attr.data-testid]="'row-' + v.n + '-level2'">{{ v.row.level2 }}</td>
              <td [attr.data-testid]="'row-' + v.n + '-name'">{{ v.row.name }}</td>
              <td>
                <div [attr.data-testid]="'row-' + v.n + '-target'">{{ v.row.target }}</div>
                <ng-container *ngTemplateOutlet="parsedTpl; context: { $implicit: v }" />
              </td>
              <td class="c-core" [attr.data-testid]="'row-' + v.n + '-core'">{{ v.row.core ? '★' : '' }}</td>
              <td class="c-weight" [attr.data-testid]="'row-' + v.n + '-weight'">{{ v.row.weight }}</td>
            } @else {
              <td [attr.data-cell]="i + ':0'">
                <nz-select
                  class="cell-select"
                  nzSize="small"
                  nzShowSearch
                  nzAllowClear
                  nzSelectOnTab
                  nzPlaceHolder="一级指标"
                  [nzDropdownMatchSelectWidth]="false"
                  [attr.data-testid]="'row-' + v.n + '-level1'"
                  [ngModel]="v.row.level1 || null"
                  (ngModelChange)="setLevel1(i, $event)"
                >
                  @for (o of v.level1Options; track o.value) {
                    <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
                  }
                </nz-select>
              </td>
              <td [attr.data-cell]="i + ':1'">
                <nz-select
                  class="cell-select"
                  nzSize="small"
                  nzShowSearch
                  nzAllowClear
                  nzSelectOnTab
                  nzPlaceHolder="二级指标"
                  nzNotFoundContent="请先选择一级指标"
                  [nzDropdownMatchSelectWidth]="false"
                  [attr.data-testid]="'row-' + v.n + '-level2'"
                  [ngModel]="v.row.level2 || null"
                  (ngModelChange)="setLevel2(i, $event)"
                >
                  @for (o of v.level2Options; track o.value) {
                    <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
                  }
                </nz-select>
              </td>
              <td [attr.data-cell]="i + ':2'">
                <input
                  nz-input
                  nzSize="small"
                  placeholder="三级指标名称"
                  [attr.aria-label]="'第' + v.n + '行三级指标'"
                  [attr.data-testid]="'row-' + v.n + '-name'"
                  [value]="v.row.name"
                  (input)="setText(i, 'name', $event)"
                />
              </td>
              <td [attr.data-cell]="i + ':3'">
                <input
                  nz-input
                  nzSize="small"
                  placeholder="如 ≥90%"
                  [attr.aria-label]="'第' + v.n + '行指标值'"
                  [attr.data-testid]="'row-' + v.n + '-target'"
                  [value]="v.row.target"
                  (input)="setText(i, 'target', $event)"
                />
                <ng-container *ngTemplateOutlet="parsedTpl; context: { $implicit: v }" />
              </td>
              <td class="c-core" [attr.data-cell]="i + ':4'">
                <span
                  nz-checkbox
                  [attr.data-testid]="'row-' + v.n + '-core'"
                  [attr.aria-label]="'第' + v.n + '行核心指标'"
                  [nzChecked]="v.row.core"
                  (nzCheckedChange)="setCore(i, $event)"
                ></span>
              </td>
              <td class="c-weight" [attr.data-cell]="i + ':5'">
                <input
                  nz-input
                  nzSize="small"
                  placeholder="默认"
                  [nzStatus]="v.weightInvalid ? 'error' : ''"
                  [attr.aria-label]="'第' + v.n + '行分值'"
                  [attr.data-testid]="'row-' + v.n + '-weight'"
                  [value]="v.row.weight"
                  (input)="setText(i, 'weight', $event)"
                />
              </td>
              <td class="c-ops">
                <button nz-button nzType="text" nzSize="small" type="button" nz-tooltip nzTooltipTitle="上移" aria-label="上移"
                  [attr.data-testid]="'row-' + v.n + '-up'" [disabled]="i === 0" (click)="move(i, -1)">
                  <span nz-icon nzType="arrow-up"></span>
                </button>
                <button nz-button nzType="text" nzSize="small" type="button" nz-tooltip nzTooltipTitle="下移" aria-label="下移"
                  [attr.data-testid]="'row-' + v.n + '-down'" [disabled]="i === views().length - 1" (click)="move(i, 1)">
                  <span nz-icon nzType="arrow-down"></span>
                </button>
                <button nz-button nzType="text" nzSize="small" type="button" nz-tooltip nzTooltipTitle="在下方插入一行" aria-label="插入行"
                  [attr.data-testid]="'row-' + v.n + '-insert'" (click)="insertBelow(i)">
                  <span nz-icon nzType="plus"></span>
                </button>
                <button nz-button nzType="text" nzDanger nzSize="small" type="button" nz-tooltip nzTooltipTitle="删除本行" aria-label="删除行"
                  [attr.data-testid]="'row-' + v.n + '-remove'" (click)="remove(i)">
                  <span nz-icon nzType="delete"></span>
                </button>
              </td>
            }
          </tr>
          @if (v.findings.length > 0 || v.reviewComments.length > 0 || commentable() || v.weightInvalid) {
            <tr class="sub">
              <td></td>
              <td [attr.colspan]="readonly() ? 6 : 7">
                @if (v.findings.length > 0 || v.weightInvalid) {
                  <ul class="row-findings" [attr.data-testid]="'row-' + v.n + '-finding'">
                    @for (f of v.findings; track $index) {
                      <li [class]="'finding ' + f.severity" [attr.data-code]="f.code">
                        <span class="sev">{{ severityLabel(f.severity) }}</span>{{ f.message }}
                      </li>
                    }
                    @if (v.weightInvalid) {
                      <li class="finding error"><span class="sev">错误</span>分值须为 0–999 的数，最多两位小数。</li>
                    }
                  </ul>
                }
                @for (c of v.reviewComments; track $index) {
                  <div class="review-comment" [attr.data-testid]="'row-' + v.n + '-review-comment'">
                    <span nz-icon nzType="message"></span>
                    <span class="who">{{ c.user }} {{ c.at | slice: 0 : 16 }}</span>
                    @if (c.action) {
                      <nz-tag>{{ c.action }}</nz-tag>
                    }
                    {{ c.comment }}
                  </div>
                }
                @if (commentable() && v.row.id; as rowId) {
                  <textarea
                    nz-input
                    class="comment"
                    rows="1"
                    placeholder="对本行的审核意见（选填）"
                    [attr.aria-label]="'第' + v.n + '行审核意见'"
                    [attr.data-testid]="'row-' + v.n + '-comment'"
                    [value]="comments()[rowId] || ''"
                    (input)="setComment(rowId, $event)"
                  ></textarea>
                }
              </td>
            </tr>
          }
        } @empty {
          <tr>
            <td [attr.colspan]="readonly() ? 7 : 8" class="empty">
              {{ readonly() ? '尚未填写绩效指标' : '尚无指标：点击「添加一行」，或从 Excel 复制「一级 二级 三级 指标值」四列后在表格中粘贴' }}
            </td>
          </tr>
        }
      </tbody>
    </table>
    @if (!readonly()) {
      <div class="actions">
        <button nz-button type="button" nzType="dashed" data-testid="add-row" (click)="addRow()">
          <span nz-icon nzType="plus"></span>添加一行
        </button>
        <span class="hint">Tab / Shift+Tab 切换单元格，Enter 下移（末行自动加行），↑ ↓ 换行，可从 Excel 粘贴多行多列</span>
      </div>
    }

    <ng-template #parsedTpl let-v>
      @if (v.parsed.kind !== 'empty') {
        <div class="parsed" [attr.data-testid]="'row-' + v.n + '-parsed'">
          @if (v.parsed.malformed) {
            <nz-tag nzColor="red">格式有误</nz-tag>
          } @else {
            <nz-tag [nzColor]="v.kindColor">{{ v.kindLabel }}</nz-tag>
            @if (v.parsed.kind !== 'qualitative') {
              <span class="canon">{{ v.parsed.text }}</span>
            }
          }
        </div>
      }
    </ng-template>
  `,
  styles: `
    :host { display: block; }
    .grid { width: 100%; border-collapse: collapse; table-layout: fixed; }
    .grid th, .grid td { border: 1px solid #f0f0f0; padding: 4px 6px; vertical-align: top; }
    .grid th { background: #fafafa; font-weight: 500; text-align: left; }
    .grid.readonly td { word-break: break-all; }
    .c-num { width: 48px; text-align: center !important; color: rgba(0,0,0,.45); }
    .c-level { width: 150px; }
    .c-target { width: 190px; }
    .c-core { width: 52px; text-align: center !important; }
    .c-weight { width: 70px; }
    .c-ops { width: 132px; white-space: nowrap; }
    .cell-select { width: 100%; }
    tr.has-error > td.c-num { border-left: 3px solid #ff4d4f; }
    tr.sub td { border-top: none; background: #fcfcfc; padding-top: 0; }
    .parsed { margin-top: 2px; font-size: 12px; }
    .canon { color: rgba(0,0,0,.65); }
    ul { list-style: none; margin: 0; padding: 0; }
    .finding { font-size: 12px; line-height: 20px; }
    .finding.error { color: #cf1322; }
    .finding.warning { color: #d46b08; }
    .finding.info { color: rgba(0,0,0,.55); }
    .sev { font-weight: 600; margin-right: 4px; }
    .sev::after { content: '：'; }
    .table-findings { margin-bottom: 8px; padding: 8px 12px; border: 1px solid #ffccc7; background: #fff2f0; border-radius: 4px; }
    .review-comment { font-size: 12px; color: #0958d9; margin: 2px 0; }
    .review-comment .who { color: rgba(0,0,0,.45); margin: 0 6px 0 4px; }
    .comment { margin: 4px 0; font-size: 12px; }
    .empty { text-align: center; color: rgba(0,0,0,.45); padding: 16px; }
    .actions { margin-top: 8px; display: flex; gap: 12px; align-items: center; }
    .hint { color: rgba(0,0,0,.45); font-size: 12px; }
  `,
})
export class IndicatorTableComponent {
  /** The rows (two-way). */
  readonly rows = model<EditorRow[]>([]);
  /** The project's framework: limits 一级 and 二级. */
  readonly framework = input<TableFramework | null>(null);
  /** Year, dates and funds for the table-level checks. */
  readonly context = input<TableCheckContext>({});
  readonly readonly = input(false);
  /** Readonly mode: a comment input under each saved row. */
  readonly commentable = input(false);
  /** Per-row comments by indicator id (two-way). */
  readonly comments = model<Record<string, string>>({});
  /** Earlier reviewers' comments, shown on their rows. */
  readonly reviewComments = input<readonly RowReviewComment[]>([]);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
  private readonly injector = inject(Injector);
  private readonly message = inject(NzMessageService);
  private focused: CellPos = { row: 0, col: 2 };

  /** Findings of the domain checks on the current rows, dates and funds. */
  readonly findings = computed<Finding[]>(() => {
    const fw = this.framework();
    if (!fw) return [];
    const ctx = this.context();
    return checkTable({
      frameworkCode: fw.code,
      rows: toIndicatorRows(this.rows()),
      year: ctx.year,
      startDate: ctx.startDate ?? null,
      endDate: ctx.endDate ?? null,
      funds: ctx.funds ?? null,
    });
  });

  readonly tableFindings = computed(() => this.findings().filter((f) => f.indicatorIndex === null));

  private readonly commentsByRow = computed(() => {
    const map = new Map<string, RowReviewComment[]>();
    for (const c of this.reviewComments()) {
      if (!c.indicatorId) continue;
      const list = map.get(c.indicatorId) ?? [];
      list.push(c);
      map.set(c.indicatorId, list);
    }
    return map;
  });

  readonly views = computed<RowView[]>(() => {
    const fw = this.framework();
    const byRow = new Map<number, Finding[]>();
    for (const f of this.findings()) {
      if (f.indicatorIndex === null) continue;
      const list = byRow.get(f.indicatorIndex) ?? [];
      list.push(f);
      byRow.set(f.indicatorIndex, list);
    }
    const comments = this.commentsByRow();
    return this.rows().map((row, i) => {
      const parsed = parseTargetValue(row.target);
      const [kindLabel, kindColor] = KIND_LABEL[parsed.kind] ?? ['', 'default'];
      return {
        row,
        n: i + 1,
        parsed,
        kindLabel,
        kindColor,
        level1Options: level1Options(fw, row.level1),
        level2Options: level2Options(fw, row.level1, row.level2),
        findings: byRow.get(i) ?? [],
        reviewComments: row.id ? (comments.get(row.id) ?? []) : [],
        weightInvalid: !isValidWeight(row.weight),
      };
    });
  });

  constructor() {
    const onKeydown = (e: KeyboardEvent) => this.onKeydownCapture(e);
    // capture phase: runs before nz-select's own key handling
    this.host.addEventListener('keydown', onKeydown, true);
    inject(DestroyRef).onDestroy(() => this.host.removeEventListener('keydown', onKeydown, true));
  }

  severityLabel(s: string): string {
    return s === 'error' ? '错误' : s === 'warning' ? '提示' : '说明';
  }

  hasError(v: RowView): boolean {
    return v.weightInvalid || v.findings.some((f) => f.severity === 'error');
  }

  // ------------------------------------------------------------ editing

  setLevel1(i: number, value: string | null): void {
    this.updateRow(i, (r) => withLevel1(this.framework(), r, value ?? ''));
  }

  setLevel2(i: number, value: string | null): void {
    this.updateRow(i, (r) => withLevel2(this.framework(), r, value ?? ''));
  }

  setText(i: number, field: 'name' | 'target' | 'weight', e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    this.updateRow(i, (r) => ({ ...r, [field]: value }));
  }

  setCore(i: number, core: boolean): void {
    this.updateRow(i, (r) => ({ ...r, core }));
  }

  setComment(indicatorId: string, e: Event): void {
    const value = (e.target as HTMLTextAreaElement).value;
    this.comments.update((c) => ({ ...c, [indicatorId]: value }));
  }

  addRow(): void {
    const rows = this.rows();
    this.rows.set([...rows, rows.length > 0 ? continuationRow(rows, rows.length - 1) : emptyRow()]);
    this.focusAfterRender({ row: rows.length, col: rows.length > 0 ? 2 : 0 });
  }

  insertBelow(i: number): void {
    this.rows.set(insertRow(this.rows(), i + 1, continuationRow(this.rows(), i)));
    this.focusAfterRender({ row: i + 1, col: 2 });
  }

  remove(i: number): void {
    this.rows.set(removeRow(this.rows(), i));
  }

  move(i: number, delta: -1 | 1): void {
    this.rows.set(moveRow(this.rows(), i, delta));
  }

  private updateRow(i: number, fn: (r: EditorRow) => EditorRow): void {
    this.rows.update((rows) => rows.map((r, k) => (k === i ? fn(r) : r)));
  }

  // ------------------------------------------------------------ keyboard and clipboard

  onFocusIn(e: FocusEvent): void {
    const pos = this.cellOf(e.target);
    if (pos) this.focused = pos;
  }

  onPaste(e: ClipboardEvent): void {
    if (this.readonly()) return;
    const at = this.cellOf(e.target) ?? this.focused;
    const text = e.clipboardData?.getData('text/plain') ?? '';
    const result = applyPaste(this.rows(), at, text, this.framework());
    if (!result) return; // a single value: the browser pastes it into the input
    e.preventDefault();
    this.rows.set(result.rows);
    this.message.success(`已粘贴 ${result.count} 行`);
    this.focusAfterRender(result.focus);
  }

  private onKeydownCapture(e: KeyboardEvent): void {
    if (this.readonly() || e.isComposing || e.keyCode === 229 || e.altKey || e.ctrlKey || e.metaKey) return;
    if (!NAV_KEYS.includes(e.key)) return;
    const pos = this.cellOf(e.target);
    if (!pos) return;
    const next = navigate(pos, e.key as NavKey, e.shiftKey, this.rows().length, COLUMN_COUNT);
    const select = (e.target as HTMLElement).closest('nz-select');
    if (select?.classList.contains('ant-select-open')) {
      // the open list owns Enter and the arrows; Tab takes the active option (nzSelectOnTab), then moves on
      if (e.key === 'Tab' && next) setTimeout(() => this.focusCell(next));
      return;
    }
    if (!next) return;
    e.preventDefault();
    e.stopPropagation();
    if (next.addRow) {
      this.rows.set([...this.rows(), continuationRow(this.rows(), this.rows().length - 1)]);
      this.focusAfterRender(next);
    } else {
      this.focusCell(next);
    }
  }

  private cellOf(target: EventTarget | null): CellPos | null {
    const el = (target as HTMLElement | null)?.closest?.('[data-cell]') as HTMLElement | null;
    if (!el || !this.host.contains(el)) return null;
    const [row, col] = (el.dataset['cell'] ?? '').split(':').map(Number);
    return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : null;
  }

  private focusAfterRender(pos: CellPos): void {
    afterNextRender(() => this.focusCell(pos), { injector: this.injector });
  }

  private focusCell(pos: CellPos): void {
    const cell = this.host.querySelector(`[data-cell="${pos.row}:${pos.col}"]`);
    const el = cell?.querySelector<HTMLInputElement>('input, textarea');
    if (!el) return;
    el.focus();
    if (el.classList.contains('ant-input')) el.select();
    this.focused = pos;
  }
}
