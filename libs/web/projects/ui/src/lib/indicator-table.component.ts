import {
  afterNextRender,
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  model,
  signal,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet, SlicePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { checkTable, parseTargetValue } from '@pt/domain';
import type { Finding, TargetValue } from '@pt/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectComponent, NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
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
  /** ng-zorro's tag colour class of the value's kind. */
  kindClass: string;
  /** What the 一级 / 二级 cells show: the option's label (with a note when not in the framework), '' when empty. */
  level1Label: string;
  level2Label: string;
  findings: Finding[];
  reviewComments: RowReviewComment[];
  weightInvalid: boolean;
}

const KIND_LABEL: Record<string, [string, string]> = {
  quantitative: ['定量', 'ant-tag-blue'],
  compare: ['比较', 'ant-tag-purple'],
  qualitative: ['定性', ''],
};

/** What a row shows that depends on the row alone (kept while the row object is unchanged). */
interface RowDerived {
  parsed: TargetValue;
  kindLabel: string;
  kindClass: string;
  level1Label: string;
  level2Label: string;
  weightInvalid: boolean;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((f, k) => f.code === b[k].code && f.severity === b[k].severity && f.message === b[k].message);
}

/** Rows drawn at once, then per task (each part well under the 50 ms of a long task on a desktop). */
const FIRST_PART = 40;
const NEXT_PART = 20;

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
  imports: [NgTemplateOutlet, SlicePipe, FormsModule, NzButtonModule, NzIconModule, NzInputModule, NzSelectModule, NzTagModule],
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
    <div class="grid" role="table" aria-label="绩效指标" [class.readonly]="readonly()">
      <div class="head" role="row">
          <div role="columnheader" class="c-num">序号</div>
          <div role="columnheader" class="c-level">一级指标</div>
          <div role="columnheader" class="c-level">二级指标</div>
          <div role="columnheader">三级指标</div>
          <div role="columnheader" class="c-target">年度指标值</div>
          <div role="columnheader" class="c-core">核心</div>
          <div role="columnheader" class="c-weight">分值</div>
          @if (!readonly()) {
            <div role="columnheader" class="c-ops">操作</div>
          }
      </div>
        @for (v of shown(); track v.row.key; let i = $index) {
          <!-- a row and its findings: drawn only near the viewport (content-visibility), so an edit repaints little -->
          <div class="r" role="rowgroup">
          <div class="main" role="row" [attr.data-testid]="'row-' + v.n" [class.has-error]="hasError(v)">
            <div role="cell" class="c-num">{{ v.n }}</div>
            @if (readonly()) {
              <div role="cell" [attr.data-testid]="'row-' + v.n + '-level1'">{{ v.row.level1 }}</div>
              <div role="cell" [attr.data-testid]="'row-' + v.n + '-level2'">{{ v.row.level2 }}</div>
              <div role="cell" [attr.data-testid]="'row-' + v.n + '-name'">{{ v.row.name }}</div>
              <div role="cell">
                <div [attr.data-testid]="'row-' + v.n + '-target'">{{ v.row.target }}</div>
                <ng-container *ngTemplateOutlet="parsedTpl; context: { $implicit: v }" />
              </div>
              <div role="cell" class="c-core" [attr.data-testid]="'row-' + v.n + '-core'">{{ v.row.core ? '★' : '' }}</div>
              <div role="cell" class="c-weight" [attr.data-testid]="'row-' + v.n + '-weight'">{{ v.row.weight }}</div>
            } @else {
              @for (col of LEVEL_COLS; track col) {
                <div role="cell" [attr.data-cell]="i + ':' + col">
                  @if (isActive(v.row.key, col)) {
                    <!-- the one live select of the table: the cell being edited -->
                    <nz-select
                      class="cell-select"
                      nzSize="small"
                      nzShowSearch
                      nzAllowClear
                      nzSelectOnTab
                      [nzPlaceHolder]="col === 0 ? '一级指标' : '二级指标'"
                      [nzNotFoundContent]="col === 0 ? undefined : '请先选择一级指标'"
                      [nzDropdownMatchSelectWidth]="false"
                      [attr.data-testid]="'row-' + v.n + (col === 0 ? '-level1' : '-level2')"
                      [ngModel]="(col === 0 ? v.row.level1 : v.row.level2) || null"
                      (ngModelChange)="col === 0 ? setLevel1(i, $event) : setLevel2(i, $event)"
                    >
                      @for (o of activeOptions(); track o.value) {
                        <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
                      }
                    </nz-select>
                  } @else {
                    <!-- every other cell: a button that looks like the select (a 300-row table stays light);
                         a click or the keyboard's focus makes it the live select -->
                    <button
                      type="button"
                      class="lvl"
                      [class.placeholder]="!(col === 0 ? v.level1Label : v.level2Label)"
                      [attr.data-testid]="'row-' + v.n + (col === 0 ? '-level1' : '-level2')"
                      [attr.aria-label]="'第' + v.n + '行' + (col === 0 ? '一级指标' : '二级指标')"
                      (mousedown)="$event.preventDefault()"
                      (click)="activate(v.row.key, col, true)"
                      (focus)="activate(v.row.key, col, false)"
                    >{{ (col === 0 ? v.level1Label : v.level2Label) || (col === 0 ? '一级指标' : '二级指标') }}</button>
                  }
                </div>
              }
              <div role="cell" [attr.data-cell]="i + ':2'">
                <input
                  class="ant-input ant-input-sm"
                  placeholder="三级指标名称"
                  [attr.aria-label]="'第' + v.n + '行三级指标'"
                  [attr.data-testid]="'row-' + v.n + '-name'"
                  [value]="v.row.name"
                  (input)="setText(i, 'name', $event)"
                />
              </div>
              <div role="cell" [attr.data-cell]="i + ':3'">
                <input
                  class="ant-input ant-input-sm"
                  placeholder="如 ≥90%"
                  [attr.aria-label]="'第' + v.n + '行指标值'"
                  [attr.data-testid]="'row-' + v.n + '-target'"
                  [value]="v.row.target"
                  (input)="setText(i, 'target', $event)"
                />
                <ng-container *ngTemplateOutlet="parsedTpl; context: { $implicit: v }" />
              </div>
              <div role="cell" class="c-core" [attr.data-cell]="i + ':4'">
                <input
                  type="checkbox"
                  class="core"
                  [attr.data-testid]="'row-' + v.n + '-core'"
                  [attr.aria-label]="'第' + v.n + '行核心指标'"
                  [checked]="v.row.core"
                  (change)="setCore(i, $any($event.target).checked)"
                />
              </div>
              <div role="cell" class="c-weight" [attr.data-cell]="i + ':5'">
                <input
                  class="ant-input ant-input-sm"
                  placeholder="默认"
                  [class.ant-input-status-error]="v.weightInvalid"
                  [attr.aria-label]="'第' + v.n + '行分值'"
                  [attr.data-testid]="'row-' + v.n + '-weight'"
                  [value]="v.row.weight"
                  (input)="setText(i, 'weight', $event)"
                />
              </div>
              <div role="cell" class="c-ops">
                <!-- plain buttons with CSS icons and the browser's tooltip: few elements per row -->
                <button type="button" class="op op-up" title="上移" aria-label="上移" [attr.data-testid]="'row-' + v.n + '-up'" [disabled]="i === 0" (click)="move(i, -1)"></button>
                <button type="button" class="op op-down" title="下移" aria-label="下移" [attr.data-testid]="'row-' + v.n + '-down'" [disabled]="i === views().length - 1" (click)="move(i, 1)"></button>
                <button type="button" class="op op-insert" title="在下方插入一行" aria-label="插入行" [attr.data-testid]="'row-' + v.n + '-insert'" (click)="insertBelow(i)"></button>
                <button type="button" class="op op-remove" title="删除本行" aria-label="删除行" [attr.data-testid]="'row-' + v.n + '-remove'" (click)="remove(i)"></button>
              </div>
            }
          </div>
          @if (v.findings.length > 0 || v.reviewComments.length > 0 || commentable() || v.weightInvalid) {
            <div class="sub" role="row">
              <div role="cell"></div>
              <div role="cell">
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
              </div>
            </div>
          }
          </div>
        } @empty {
          <div class="empty" role="row">
            {{ readonly() ? '尚未填写绩效指标' : '尚无指标：点击「添加一行」，或从 Excel 复制「一级 二级 三级 指标值」四列后在表格中粘贴' }}
          </div>
        }
    </div>
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
            <span class="ant-tag ant-tag-red">格式有误</span>
          } @else {
            <span [class]="'ant-tag ' + v.kindClass">{{ v.kindLabel }}</span>
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
    .grid { --cols: 48px 150px 150px minmax(0, 1fr) 190px 52px 70px 132px; border-top: 1px solid #f0f0f0; border-left: 1px solid #f0f0f0; }
    .grid.readonly { --cols: 48px 150px 150px minmax(0, 1fr) 190px 52px 70px; }
    .head, .main { display: grid; grid-template-columns: var(--cols); }
    .sub { display: grid; grid-template-columns: 48px minmax(0, 1fr); }
    .head > div, .main > div, .sub > div, .empty { border-right: 1px solid #f0f0f0; padding: 4px 6px; min-width: 0; }
    .head > div { background: #fafafa; font-weight: 500; border-bottom: 1px solid #f0f0f0; }
    .r, .empty { border-bottom: 1px solid #f0f0f0; }
    .r { content-visibility: auto; contain-intrinsic-size: auto 33px; }
    .grid.readonly .main > div { word-break: break-all; }
    .c-num { text-align: center; color: rgba(0,0,0,.45); }
    .c-core { text-align: center; }
    .c-ops { white-space: nowrap; }
    .cell-select { width: 100%; }
    .lvl { width: 100%; height: 24px; padding: 0 22px 0 7px; border: 1px solid #d9d9d9; border-radius: 4px; background: #fff; color: rgba(0,0,0,.88);
      font: inherit; text-align: left; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; cursor: pointer; position: relative; }
    .lvl::after { content: ''; position: absolute; right: 8px; top: 7px; width: 7px; height: 7px; border: solid rgba(0,0,0,.25); border-width: 0 1.5px 1.5px 0; transform: translateY(-2px) rotate(45deg); }
    .lvl:hover, .lvl:focus-visible { border-color: #4096ff; outline: none; }
    .lvl.placeholder { color: rgba(0,0,0,.25); }
    .core { width: 16px; height: 16px; margin: 4px 0; accent-color: #1677ff; cursor: pointer; }
    .op { width: 24px; height: 24px; padding: 0; border: 0; border-radius: 4px; background: transparent; color: rgba(0,0,0,.88); cursor: pointer; position: relative; vertical-align: top; }
    .op::before { content: ''; position: absolute; inset: 5px; background: currentColor; mask: var(--i) center / contain no-repeat; }
    .op:hover { background: rgba(0,0,0,.06); }
    .op:disabled { color: rgba(0,0,0,.25); background: transparent; cursor: not-allowed; }
    .op-remove { color: #ff4d4f; }
    .op-up { --i: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M8 1 2 7.5h4V15h4V7.5h4z'/%3E%3C/svg%3E"); }
    .op-down { --i: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M8 15 2 8.5h4V1h4v7.5h4z'/%3E%3C/svg%3E"); }
    .op-insert { --i: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M7 1h2v6h6v2H9v6H7V9H1V7h6z'/%3E%3C/svg%3E"); }
    .op-remove { --i: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M6 1h4v1.5h4.5V4h-13V2.5H6zM3 5h10l-.8 10H3.8zm2.5 2v6h1V7zm3 0v6h1V7z'/%3E%3C/svg%3E"); }
    .main.has-error > .c-num { box-shadow: inset 3px 0 #ff4d4f; }
    .sub > div { background: #fcfcfc; padding-top: 0; }
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
  private readonly cdr = inject(ChangeDetectorRef);
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

  /** Per row object: its parsed value and labels (a key press changes one row: the others are not parsed again). */
  private derived = new WeakMap<EditorRow, RowDerived>();
  private derivedFramework: TableFramework | null = null;
  private previousViews: RowView[] = [];

  readonly views = computed<RowView[]>(() => {
    const fw = this.framework();
    if (fw !== this.derivedFramework) {
      this.derived = new WeakMap();
      this.derivedFramework = fw;
    }
    const byRow = new Map<number, Finding[]>();
    for (const f of this.findings()) {
      if (f.indicatorIndex === null) continue;
      const list = byRow.get(f.indicatorIndex) ?? [];
      list.push(f);
      byRow.set(f.indicatorIndex, list);
    }
    const comments = this.commentsByRow();
    const previous = this.previousViews;
    const views = this.rows().map((row, i): RowView => {
      const findings = byRow.get(i) ?? [];
      const reviewComments = row.id ? (comments.get(row.id) ?? []) : [];
      const before = previous[i];
      // the same row at the same place with the same findings: the same view (nothing in it to check again)
      if (before && before.row === row && before.n === i + 1 && before.reviewComments === reviewComments && sameFindings(before.findings, findings)) return before;
      return { row, n: i + 1, ...this.derive(fw, row), findings, reviewComments };
    });
    this.previousViews = views;
    return views;
  });

  private derive(fw: TableFramework | null, row: EditorRow): RowDerived {
    let d = this.derived.get(row);
    if (!d) {
      const parsed = parseTargetValue(row.target);
      const [kindLabel, kindClass] = KIND_LABEL[parsed.kind] ?? ['', ''];
      d = {
        parsed,
        kindLabel,
        kindClass,
        level1Label: row.level1 === '' ? '' : (level1Options(fw, row.level1).find((o) => o.value === row.level1)?.label ?? row.level1),
        level2Label: row.level2 === '' ? '' : (level2Options(fw, row.level1, row.level2).find((o) => o.value === row.level2)?.label ?? row.level2),
        weightInvalid: !isValidWeight(row.weight),
      };
      this.derived.set(row, d);
    }
    return d;
  }

  // ------------------------------------------------------------ drawing a long table in parts

  /** How many rows are drawn: a long table is drawn in parts, one part per task, so that the page never stops answering. */
  private readonly drawn = signal(FIRST_PART);
  /** The rows drawn so far (all of them once the parts are done). */
  readonly shown = computed(() => {
    const views = this.views();
    const n = this.drawn();
    return views.length <= n ? views : views.slice(0, n);
  });

  // ------------------------------------------------------------ the live select

  protected readonly LEVEL_COLS = [0, 1] as const;
  /** The one 一级/二级 cell that has a real nz-select (by row key and column); the others only look like one. */
  private readonly active = signal<{ key: string; col: 0 | 1 } | null>(null);
  private readonly liveSelect = viewChild(NzSelectComponent);

  /** The live select's options (一级 of the framework, or the 二级 of the row's 一级). */
  readonly activeOptions = computed<LevelOption[]>(() => {
    const a = this.active();
    const row = a ? this.rows().find((r) => r.key === a.key) : undefined;
    if (!a || !row) return [];
    const fw = this.framework();
    return a.col === 0 ? level1Options(fw, row.level1) : level2Options(fw, row.level1, row.level2);
  });

  isActive(key: string, col: 0 | 1): boolean {
    const a = this.active();
    return a !== null && a.key === key && a.col === col;
  }

  /**
   * Make a level cell the live select, focus it and, when clicked, open its list — at once, in the click or focus
   * event (the view is drawn synchronously), so that a key typed right after the click goes to the select.
   */
  activate(key: string, col: 0 | 1, open: boolean): void {
    if (!this.isActive(key, col)) {
      this.active.set({ key, col });
      this.cdr.detectChanges();
    }
    const select = this.liveSelect();
    if (!select) return;
    select.focus();
    if (open && !select.nzOpen) select.setOpenState(true);
  }

  constructor() {
    // the next part of a long table in a task of its own, after the previous part was drawn
    effect((onCleanup) => {
      if (this.drawn() >= this.views().length) return;
      const t = setTimeout(() => this.drawn.update((n) => n + NEXT_PART));
      onCleanup(() => clearTimeout(t));
    });
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
    // (the select's own state, not its CSS class: the class follows at the next change detection, and a key may come
    // before it — typing filters and opens the list)
    const inSelect = (e.target as HTMLElement).closest('nz-select') !== null;
    if (inSelect && this.liveSelect()?.nzOpen) {
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
    this.drawn.update((n) => Math.max(n, pos.row + 1));
    afterNextRender(() => this.focusCell(pos), { injector: this.injector });
  }

  private focusCell(pos: CellPos): void {
    const cell = this.host.querySelector(`[data-cell="${pos.row}:${pos.col}"]`);
    const el = cell?.querySelector<HTMLInputElement>('input, textarea, button.lvl');
    if (!el) return;
    el.focus();
    if (el.classList.contains('ant-input')) el.select();
    this.focused = pos;
  }
}
