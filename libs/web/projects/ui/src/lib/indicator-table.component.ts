import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  model,
  PendingTasks,
  signal,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet, SlicePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { checkTable } from '@pt/domain';
import type { Finding, IndicatorHistory, IndicatorMeta } from '@pt/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectComponent, NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { applyPaste, navigate } from './indicator-clipboard';
import type { NavKey } from './indicator-clipboard';
import {
  COLUMN_COUNT,
  continuationRow,
  emptyRow,
  hasMeta,
  insertRow,
  level1Options,
  level2Options,
  moveRow,
  removeRow,
  toIndicatorRows,
  wholeFramework,
  withLevel1,
  withLevel2,
} from './indicator-rows';
import type { CellPos, EditorRow, LevelOption, TableCheckContext, TableFramework } from './indicator-rows';
import { IndicatorMetaComponent } from './indicator-meta.component';
import { LiveLevelSelect } from './live-level-select';
import { commentsByIndicator, RowViews } from './row-view';
import type { RowReviewComment, RowView } from './row-view';

export type { RowReviewComment } from './row-view';

/**
 * Rows drawn per task: none with the page (the header's cards fill the first screen and are drawn alone), then 10 per
 * task. A row costs about 3.5 ms to draw on the bench machine (Lighthouse's desktop run): 10 rows stay under the 50 ms
 * of a long task, where 40 (131 ms) and 20 (69 ms) each blocked the page.
 */
const PART = 10;

const NAV_KEYS: readonly string[] = ['Tab', 'Enter', 'ArrowUp', 'ArrowDown'];

/**
 * The three-level indicator table (一级 / 二级 / 三级 / 指标值 / 核心 / 分值) as an Excel-like editor:
 * Tab / Shift+Tab between cells, Enter down (a new row below the last), ↑ ↓ between rows, a block
 * pasted from Excel fills the rows from the focused one on; in a 一级/二级 cell typing filters its list,
 * Enter takes the highlighted match ({@link LiveLevelSelect}). Under each value the canonical parse,
 * on each row the findings of the domain checks, computed as the user types, and for a value the
 * checks could not read, one-click fixes; table-level findings above the table. `readonly` shows the table for reviewers, with a comment input per row when
 * `commentable`.
 *
 * Test ids (rows numbered from 1): `row-N`, `row-N-level1`, `row-N-level2`, `row-N-name`,
 * `row-N-target`, `row-N-parsed`, `row-N-core`, `row-N-weight`, `row-N-finding`, `row-N-comment`,
 * `row-N-fix`, `row-N-review-comment`, `row-N-up`, `row-N-down`, `row-N-insert`, `row-N-remove`, `add-row`,
 * `table-findings`.
 */
@Component({
  selector: 'pt-indicator-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, SlicePipe, FormsModule, NzButtonModule, NzIconModule, NzInputModule, NzSelectModule, NzTagModule, IndicatorMetaComponent],
  host: { '(focusin)': 'onFocusIn($event)', '(paste)': 'onPaste($event)' },
  templateUrl: './indicator-table.component.html',
  styleUrl: './indicator-table.component.css',
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
  /** Last year's value and actual of the rows, by indicator id (GET …/indicator-history). */
  readonly history = input<ReadonlyMap<string, IndicatorHistory | null>>(new Map());
  /** The one row whose 指标解释 / 设定依据 / 评(扣)分标准 / 数据来源 are open for editing (by key). */
  readonly metaOpen = signal<string | null>(null);
  protected readonly hasMeta = hasMeta;

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
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
      framework: wholeFramework(fw),
      rows: toIndicatorRows(this.rows()),
      year: ctx.year,
      startDate: ctx.startDate ?? null,
      endDate: ctx.endDate ?? null,
      funds: ctx.funds ?? null,
    });
  });

  readonly tableFindings = computed(() => this.findings().filter((f) => f.indicatorIndex === null));

  private readonly commentsByRow = computed(() => commentsByIndicator(this.reviewComments()));
  private readonly rowViews = new RowViews();
  readonly views = computed<RowView[]>(() => this.rowViews.update(this.framework(), this.rows(), this.findings(), this.commentsByRow()));

  // ------------------------------------------------------------ drawing a long table in parts

  /** How many rows are drawn: a long table is drawn in parts, one part per task, so that the page never stops answering. */
  private readonly drawn = signal(0);
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
      // a click on another level cell does not blur the live one (the buttons keep the focus where it is)
      this.live.leave();
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
    // (a pending task until the table is whole: the app is not stable — whenStable() — while rows are still to come)
    const pending = inject(PendingTasks);
    effect((onCleanup) => {
      if (this.drawn() >= this.views().length) return;
      const done = pending.add();
      const t = setTimeout(() => {
        this.drawn.update((n) => n + PART);
        done();
      });
      onCleanup(() => {
        clearTimeout(t);
        done();
      });
    });
    // capture phase: runs before nz-select's own handling
    const listeners: [EventTarget, string, (e: Event) => void][] = [
      [this.host, 'keydown', (e) => this.onKeydownCapture(e as KeyboardEvent)],
      [this.host, 'beforeinput', (e) => this.live.beforeInput(e as InputEvent)],
      [this.host, 'focusout', (e) => this.live.focusOut(e as FocusEvent)],
      [this.host.ownerDocument, 'pointerdown', (e) => this.live.pointerDown(e)],
    ];
    for (const [target, type, fn] of listeners) target.addEventListener(type, fn, true);
    inject(DestroyRef).onDestroy(() => listeners.forEach(([target, type, fn]) => target.removeEventListener(type, fn, true)));
  }

  /** The live select's keyboard; a chosen or typed value goes to the active cell's row. */
  private readonly live = new LiveLevelSelect(this.host, () => this.liveSelect(), (value) => {
    const a = this.active();
    const i = a ? this.rows().findIndex((r) => r.key === a.key) : -1;
    if (!a || i < 0) return;
    if (a.col === 0) this.setLevel1(i, value);
    else this.setLevel2(i, value);
  });

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

  /** A one-click fix: the value replaced, the focus back in it. */
  applyFix(i: number, fix: string): void {
    this.updateRow(i, (r) => ({ ...r, target: fix }));
    this.focusAfterRender({ row: i, col: 3 });
  }

  setCore(i: number, core: boolean): void {
    this.updateRow(i, (r) => ({ ...r, core }));
  }

  /** A description field of the row (the open one). */
  setMeta(i: number, patch: Partial<IndicatorMeta>): void {
    this.updateRow(i, (r) => ({ ...r, ...patch }));
  }

  rowHistory(r: EditorRow): IndicatorHistory | null {
    return (r.id && this.history().get(r.id)) || null;
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
    if ((e.target as HTMLElement).closest('nz-select') !== null) {
      // (the select's own state, not its CSS class: the class follows one change detection later)
      const outcome = this.live.key(e);
      if (outcome === 'list') return;
      if (outcome === 'stay') {
        e.preventDefault();
        e.stopPropagation();
        return;
      }
    }
    // after a choice the row count is the same; Enter on the last row appends one
    const next = navigate(pos, e.key as NavKey, e.shiftKey, this.rows().length, COLUMN_COUNT);
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

  /**
   * Draw the change and move the focus at once, in the key or click event: a key typed right after (a fast
   * typist's, a test's) goes to the new cell, not to the button that was pressed.
   */
  private focusAfterRender(pos: CellPos): void {
    this.drawn.update((n) => Math.max(n, pos.row + 1));
    this.cdr.detectChanges();
    this.focusCell(pos);
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
