import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { TextSelectComponent } from '@pt/web/shared/ui';
import {
  cascadePickerFilter,
  isEmptySearch,
  libraryCandidates,
  pickCheckState,
  pickedRows,
  pickerLevel2Options,
  prunePicks,
} from './indicator-picker.state';
import type { PickCandidate, PickerSearch } from './indicator-picker.state';
import { PickTableComponent } from './pick-table.component';
import { PickerSource } from './picker-source';

const DEFAULT_PAGE_SIZE = 10;

/**
 * The picker's 指标库 tab: with no filter the suggestions' library rows, with a search text or a 一级/二级 filter the
 * library page the {@link PickerSource} answers its `search` with; tick rows, 「加入指标表」 adds them.
 *
 * Test ids: `picker-q`, `picker-level1`, `picker-level2`, `picker-search`, `picker-clear`, `picker-library-table`,
 * `picker-library-row`, `picker-add`.
 */
@Component({
  selector: 'pt-picker-library-tab',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzIconModule, NzInputModule, PickTableComponent, TextSelectComponent],
  template: `
    <div class="filters">
      <input
        nz-input
        class="f-q"
        type="search"
        placeholder="搜索三级指标、指标值或二级指标"
        aria-label="搜索指标库"
        data-testid="picker-q"
        [ngModel]="qDraft()"
        (ngModelChange)="qDraft.set($event)"
        (keydown.enter)="runSearch()"
      />
      <pt-text-select class="f-level" clearable placeholder="全部一级指标" label="一级指标" testId="picker-level1" [options]="level1Options()" [value]="level1()"
        (valueChange)="setLevels($event, level2())" />
      <pt-text-select class="f-level" clearable search placeholder="全部二级指标" label="二级指标" testId="picker-level2" [options]="level2Options()" [value]="level2()"
        (valueChange)="setLevels(level1(), $event)" />
      <button nz-button nzType="primary" type="button" data-testid="picker-search" (click)="runSearch()">
        <span nz-icon nzType="search"></span>搜索
      </button>
      @if (searching()) {
        <button nz-button type="button" data-testid="picker-clear" (click)="clearSearch()">清除条件</button>
      }
    </div>
    <p class="hint">
      @if (searching()) {
        指标库搜索结果{{ source.libraryPage() ? '：共 ' + source.libraryPage()!.total + ' 条' : '' }}
      } @else {
        推荐指标：本项目尚未覆盖的二级指标优先，常用的在前。可按名称搜索整个指标库。
      }
    </p>
    <pt-pick-table
      testId="picker-library-table"
      rowTestId="picker-library-row"
      [library]="true"
      [rows]="rows()"
      [(selected)]="selected"
      [disabled]="source.disabled()"
      [loading]="searching() && source.searching()"
      [page]="searching() ? source.libraryPage() : null"
      [noResult]="searching() ? '没有符合条件的指标' : '暂无推荐指标'"
      (pageChange)="goToPage($event)"
    />
    <div class="actions">
      <button nz-button nzType="primary" type="button" data-testid="picker-add" [disabled]="source.disabled() || check().count === 0" (click)="add()">
        <span nz-icon nzType="plus"></span>加入指标表{{ check().count ? '（' + check().count + ' 条）' : '' }}
      </button>
      @if (source.disabled()) {
        <span class="hint">指标表当前不可编辑</span>
      }
    </div>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; }
    .f-q { width: 260px; }
    .f-level { width: 170px; }
    .hint { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin: 4px 0 8px; }
    .actions { display: flex; gap: 8px; align-items: center; margin-top: 8px; }
  `,
})
export class PickerLibraryTabComponent {
  protected readonly source = inject(PickerSource);
  readonly pageSize = DEFAULT_PAGE_SIZE;
  readonly qDraft = signal('');
  readonly level1 = signal<string | null>(null);
  readonly level2 = signal<string | null>(null);
  /** The filter of the rows shown (set by 搜索), null: the suggestions are shown. */
  private readonly applied = signal<PickerSearch | null>(null);
  readonly searching = computed(() => this.applied() !== null);
  readonly selected = signal<ReadonlySet<string>>(new Set());

  readonly level1Options = computed(() => (this.source.framework()?.groups ?? []).map((g) => g.name));
  readonly level2Options = computed(() => pickerLevel2Options(this.source.framework(), this.level1()));
  readonly rows = computed<PickCandidate[]>(() => {
    const items = this.searching() ? (this.source.libraryPage()?.items ?? []) : (this.source.suggestions()?.library ?? []);
    return libraryCandidates(items, this.source.existing());
  });
  readonly check = computed(() => pickCheckState(this.selected(), this.rows()));

  constructor() {
    // ticks of rows that left the list or are now in the table are dropped
    effect(() => {
      const rows = this.rows();
      untracked(() => this.selected.update((s) => prunePicks(s, rows)));
    });
  }

  setLevels(level1: string | null, level2: string | null): void {
    const next = cascadePickerFilter(this.source.framework(), level1, level2);
    this.level1.set(next.level1);
    this.level2.set(next.level2);
  }

  runSearch(): void {
    const s: PickerSearch = { q: this.qDraft().trim(), level1: this.level1(), level2: this.level2(), page: 1, pageSize: this.pageSize };
    if (isEmptySearch(s)) {
      this.clearSearch();
      return;
    }
    this.applied.set(s);
    this.source.search(s);
  }

  goToPage(page: number): void {
    const s = this.applied();
    if (!s || page === s.page) return;
    const next = { ...s, page };
    this.applied.set(next);
    this.source.search(next);
  }

  clearSearch(): void {
    this.qDraft.set('');
    this.level1.set(null);
    this.level2.set(null);
    this.applied.set(null);
  }

  add(): void {
    const rows = pickedRows(this.rows(), this.selected());
    if (rows.length === 0) return;
    this.source.add(rows);
    this.selected.set(new Set());
  }
}
