import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { LibraryPage, Suggestions } from '@pt/shared/api-types';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCollapseModule } from 'ng-zorro-antd/collapse';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import {
  allPickable,
  cascadePickerFilter,
  pickCheckState,
  existingNameSet,
  pickerLevel2Options,
  isEmptySearch,
  libraryCandidates,
  pickedRows,
  prunePicks,
  setAllPicks,
  similarCandidates,
  similarityLabel,
  togglePick,
} from './indicator-picker.state';
import type { PickCandidate, PickerFramework, PickerSearch, PickRow } from './indicator-picker.state';

export * from './indicator-picker.state';

type SimilarProject = Suggestions['similarProjects'][number];

interface SimilarView {
  project: SimilarProject;
  similarity: string;
  candidates: PickCandidate[];
}

const DEFAULT_PAGE_SIZE = 10;

/**
 * 选用指标 (presentational, no HTTP): helps fill a project's indicator table from three sources, one
 * tab each.
 *
 * - 指标库: with no filter, the suggestions' library rows (二级 not yet covered first); with a search
 *   text or a 一级/二级 filter, the page of GET /api/indicator-library the container passes in
 *   `libraryPage`. Tick rows, 「加入指标表」 emits them.
 * - 相似项目: each similar project with its annual rows; tick some or 「全部加入」.
 * - 上年同名项目: 「复制上年指标」 (with a confirmation, as it replaces the annual table); disabled when
 *   there is no such project or it has no rows.
 *
 * Inputs:
 * - `suggestions`: GET /api/projects/:id/suggestions (null while loading).
 * - `libraryPage`: the answer to the last `librarySearch` (null before any search / while none is wanted).
 * - `framework`: the project's framework (GET /api/frameworks entry) for the 一级/二级 filters.
 * - `existingNames`: 三级 names already in the table: such rows show 「已在表中」 and cannot be ticked.
 * - `loading`: a library search is running. `copying`: copy-last-year is running.
 * - `disabled`: the table is read-only (nothing can be added).
 *
 * Outputs:
 * - `librarySearch` (not `search`, which is a native DOM event of the search box): {@link PickerSearch}
 *   (text, 一级, 二级, page, pageSize): run GET /api/indicator-library
 *   with `frameworkCode` = the project's framework and pass the answer back as `libraryPage`. Not
 *   emitted for an empty filter (the suggestions are shown then).
 * - `pick`: rows `{ level1, level2, name, target }[]` to append to the table (each name once, none
 *   already in `existingNames`).
 * - `copyLastYear`: the user confirmed copying last year's table: POST /api/projects/:id/copy-last-year
 *   with If-Match, then reload the table from the answered project.
 *
 * Test ids: `picker-tabs`, `picker-q`, `picker-level1`, `picker-level2`, `picker-search`,
 * `picker-clear`, `picker-library-table`, `picker-library-row`, `picker-add`, `picker-similar`,
 * `picker-similar-project`, `picker-similar-row`, `picker-similar-add`, `picker-similar-add-all`,
 * `picker-last-year`, `picker-copy-last-year`.
 */
@Component({
  selector: 'pt-indicator-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    NzButtonModule,
    NzCollapseModule,
    NzEmptyModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
  ],
  template: `
    <nz-tabs nzSize="small" data-testid="picker-tabs">
      <nz-tab nzTitle="指标库">
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
          <nz-select
            class="f-level"
            nzAllowClear
            nzPlaceHolder="全部一级指标"
            aria-label="一级指标"
            data-testid="picker-level1"
            [ngModel]="level1()"
            (ngModelChange)="setLevels($event, level2())"
          >
            @for (g of level1Options(); track g) {
              <nz-option [nzValue]="g" [nzLabel]="g" />
            }
          </nz-select>
          <nz-select
            class="f-level"
            nzAllowClear
            nzShowSearch
            nzPlaceHolder="全部二级指标"
            aria-label="二级指标"
            data-testid="picker-level2"
            [ngModel]="level2()"
            (ngModelChange)="setLevels(level1(), $event)"
          >
            @for (c of level2Options(); track c) {
              <nz-option [nzValue]="c" [nzLabel]="c" />
            }
          </nz-select>
          <button nz-button nzType="primary" type="button" data-testid="picker-search" (click)="runSearch()">
            <span nz-icon nzType="search"></span>搜索
          </button>
          @if (searching()) {
            <button nz-button type="button" data-testid="picker-clear" (click)="clearSearch()">清除条件</button>
          }
        </div>
        <p class="hint">
          @if (searching()) {
            指标库搜索结果{{ libraryPage() ? '：共 ' + libraryPage()!.total + ' 条' : '' }}
          } @else {
            推荐指标：本项目尚未覆盖的二级指标优先，常用的在前。可按名称搜索整个指标库。
          }
        </p>
        <nz-table
          #libTable
          nzSize="small"
          [nzData]="libraryRows()"
          [nzLoading]="searching() && loading()"
          [nzFrontPagination]="false"
          [nzShowPagination]="searching() && (libraryPage()?.total ?? 0) > (libraryPage()?.pageSize ?? 0)"
          [nzTotal]="libraryPage()?.total ?? 0"
          [nzPageIndex]="libraryPage()?.page ?? 1"
          [nzPageSize]="libraryPage()?.pageSize ?? pageSize"
          [nzNoResult]="searching() ? '没有符合条件的指标' : '暂无推荐指标'"
          (nzPageIndexChange)="goToPage($event)"
          data-testid="picker-library-table"
        >
          <thead>
            <tr>
              <th
                nzWidth="40px"
                nzLabel="全选"
                [nzChecked]="libraryCheck().all"
                [nzIndeterminate]="libraryCheck().some"
                [nzDisabled]="disabled() || libraryCheck().pickable === 0"
                (nzCheckedChange)="selectAllLibrary($event)"
              ></th>
              <th nzWidth="110px">一级指标</th>
              <th nzWidth="130px">二级指标</th>
              <th>三级指标</th>
              <th nzWidth="150px">参考指标值</th>
              <th nzWidth="80px" nzAlign="right">使用次数</th>
            </tr>
          </thead>
          <tbody>
            @for (c of libTable.data; track c.key) {
              <tr data-testid="picker-library-row" [class.existing]="c.existing">
                <td
                  [nzLabel]="'选择 ' + c.row.name"
                  [nzChecked]="librarySelected().has(c.key)"
                  [nzDisabled]="disabled() || c.existing"
                  (nzCheckedChange)="toggleLibrary(c.key, $event)"
                ></td>
                <td>{{ c.row.level1 }}</td>
                <td>{{ c.row.level2 }}</td>
                <td>
                  {{ c.row.name }}
                  @if (c.existing) {
                    <nz-tag class="in-table">已在表中</nz-tag>
                  }
                  @if (c.source) {
                    <div class="sub">来源：{{ c.source }}</div>
                  }
                </td>
                <td>{{ c.row.target || '—' }}</td>
                <td nzAlign="right">{{ c.usageCount ?? 0 }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
        <div class="actions">
          <button
            nz-button
            nzType="primary"
            type="button"
            data-testid="picker-add"
            [disabled]="disabled() || libraryCheck().count === 0"
            (click)="addLibrary()"
          >
            <span nz-icon nzType="plus"></span>加入指标表{{ libraryCheck().count ? '（' + libraryCheck().count + ' 条）' : '' }}
          </button>
          @if (disabled()) {
            <span class="hint">指标表当前不可编辑</span>
          }
        </div>
      </nz-tab>

      <nz-tab [nzTitle]="'相似项目' + (similar().length ? '（' + similar().length + '）' : '')">
        <div data-testid="picker-similar">
          @if (!suggestions()) {
            <p class="hint">正在加载…</p>
          } @else if (similar().length === 0) {
            <nz-empty nzNotFoundContent="没有名称相近的项目"></nz-empty>
          } @else {
            <p class="hint">名称相近的项目（相似度高的在前）及其年度指标，可勾选部分或全部加入。</p>
            <nz-collapse>
              @for (s of similar(); track s.project.id; let first = $first) {
                <nz-collapse-panel [nzHeader]="header" [nzActive]="first" data-testid="picker-similar-project">
                  <ng-template #header>
                    <span class="p-name">{{ s.project.name }}</span>
                    <span class="sub">{{ s.project.year }} 年 · {{ s.project.orgName }}</span>
                    <nz-tag nzColor="blue" class="sim">相似度 {{ s.similarity }}</nz-tag>
                  </ng-template>
                  @if (s.candidates.length === 0) {
                    <p class="hint">该项目的年度指标表为空。</p>
                  } @else {
                    <nz-table #simTable nzSize="small" nzTemplateMode [nzData]="s.candidates">
                      <thead>
                        <tr>
                          <th
                            nzWidth="40px"
                            nzLabel="全选"
                            [nzChecked]="similarCheck(s).all"
                            [nzIndeterminate]="similarCheck(s).some"
                            [nzDisabled]="disabled() || similarCheck(s).pickable === 0"
                            (nzCheckedChange)="selectAllSimilar(s, $event)"
                          ></th>
                          <th nzWidth="110px">一级指标</th>
                          <th nzWidth="130px">二级指标</th>
                          <th>三级指标</th>
                          <th nzWidth="150px">指标值</th>
                        </tr>
                      </thead>
                      <tbody>
                        @for (c of s.candidates; track c.key) {
                          <tr data-testid="picker-similar-row" [class.existing]="c.existing">
                            <td
                              [nzLabel]="'选择 ' + c.row.name"
                              [nzChecked]="similarSelected().has(c.key)"
                              [nzDisabled]="disabled() || c.existing"
                              (nzCheckedChange)="toggleSimilar(c.key, $event)"
                            ></td>
                            <td>{{ c.row.level1 }}</td>
                            <td>{{ c.row.level2 }}</td>
                            <td>
                              {{ c.row.name }}
                              @if (c.existing) {
                                <nz-tag class="in-table">已在表中</nz-tag>
                              }
                            </td>
                            <td>{{ c.row.target || '—' }}</td>
                          </tr>
                        }
                      </tbody>
                    </nz-table>
                    <div class="actions">
                      <button
                        nz-button
                        nzType="primary"
                        type="button"
                        data-testid="picker-similar-add"
                        [disabled]="disabled() || similarCheck(s).count === 0"
                        (click)="addSimilar(s)"
                      >
                        加入选中{{ similarCheck(s).count ? '（' + similarCheck(s).count + ' 条）' : '' }}
                      </button>
                      <button
                        nz-button
                        type="button"
                        data-testid="picker-similar-add-all"
                        [disabled]="disabled() || similarCheck(s).pickable === 0"
                        (click)="addAllSimilar(s)"
                      >
                        全部加入（{{ similarCheck(s).pickable }} 条）
                      </button>
                    </div>
                  }
                </nz-collapse-panel>
              }
            </nz-collapse>
          }
        </div>
      </nz-tab>

      <nz-tab nzTitle="上年同名项目">
        <div class="last-year" data-testid="picker-last-year">
          @if (!suggestions()) {
            <p class="hint">正在加载…</p>
          } @else if (lastYear(); as ly) {
            <p>
              本单位 {{ ly.year }} 年的同名项目「{{ ly.name }}」年度指标表共 <strong>{{ ly.indicatorCount }}</strong> 条。
            </p>
            <p class="hint">复制后将<strong>替换</strong>本项目当前的年度指标表（未保存的修改会丢失），之后可继续修改指标值。</p>
          } @else {
            <p class="hint">本单位没有上年的同名项目，无法复制上年指标。</p>
          }
          <button
            nz-button
            nzType="primary"
            type="button"
            data-testid="picker-copy-last-year"
            nz-popconfirm
            nzPopconfirmTitle="复制上年指标将替换本项目当前的年度指标表，确定吗？"
            nzOkText="复制"
            nzCancelText="取消"
            [nzLoading]="copying()"
            [disabled]="!canCopy()"
            (nzOnConfirm)="copyLastYear.emit()"
          >
            <span nz-icon nzType="copy"></span>复制上年指标（{{ lastYear()?.indicatorCount ?? 0 }} 条）
          </button>
        </div>
      </nz-tab>
    </nz-tabs>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 8px; }
    .f-q { width: 260px; }
    .f-level { width: 170px; }
    .hint { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin: 4px 0 8px; }
    .sub { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin-left: 8px; }
    td .sub { margin-left: 0; }
    .existing { color: rgba(0, 0, 0, 0.45); }
    .in-table { margin-left: 6px; }
    .actions { display: flex; gap: 8px; align-items: center; margin-top: 8px; }
    .p-name { font-weight: 500; }
    .sim { margin-left: 8px; }
    .last-year { padding: 8px 0; }
  `,
})
export class IndicatorPickerComponent {
  readonly suggestions = input<Suggestions | null>(null);
  readonly libraryPage = input<LibraryPage | null>(null);
  readonly framework = input<PickerFramework | null>(null);
  readonly existingNames = input<readonly string[]>([]);
  readonly loading = input(false);
  readonly copying = input(false);
  readonly disabled = input(false);

  readonly librarySearch = output<PickerSearch>();
  readonly pick = output<PickRow[]>();
  readonly copyLastYear = output<void>();

  readonly pageSize = DEFAULT_PAGE_SIZE;
  readonly qDraft = signal('');
  readonly level1 = signal<string | null>(null);
  readonly level2 = signal<string | null>(null);
  /** The filter of the rows shown (set by 搜索), null: the suggestions are shown. */
  private readonly applied = signal<PickerSearch | null>(null);
  readonly searching = computed(() => this.applied() !== null);

  readonly librarySelected = signal<ReadonlySet<string>>(new Set());
  readonly similarSelected = signal<ReadonlySet<string>>(new Set());

  private readonly existing = computed(() => existingNameSet(this.existingNames()));

  readonly level1Options = computed(() => (this.framework()?.groups ?? []).map((g) => g.name));
  readonly level2Options = computed(() => pickerLevel2Options(this.framework(), this.level1()));

  readonly libraryRows = computed<PickCandidate[]>(() => {
    const items = this.searching() ? (this.libraryPage()?.items ?? []) : (this.suggestions()?.library ?? []);
    return libraryCandidates(items, this.existing());
  });
  readonly libraryCheck = computed(() => pickCheckState(this.librarySelected(), this.libraryRows()));

  readonly similar = computed<SimilarView[]>(() =>
    (this.suggestions()?.similarProjects ?? []).map((project) => ({
      project,
      similarity: similarityLabel(project.similarity),
      candidates: similarCandidates(project, this.existing()),
    })),
  );
  private readonly allSimilarCandidates = computed(() => this.similar().flatMap((s) => s.candidates));

  readonly lastYear = computed(() => this.suggestions()?.lastYear ?? null);
  readonly canCopy = computed(() => !this.disabled() && !this.copying() && (this.lastYear()?.indicatorCount ?? 0) > 0);

  constructor() {
    // ticks of rows that left the list or are now in the table are dropped
    effect(() => {
      const lib = this.libraryRows();
      untracked(() => this.librarySelected.update((s) => prunePicks(s, lib)));
    });
    effect(() => {
      const sim = this.allSimilarCandidates();
      untracked(() => this.similarSelected.update((s) => prunePicks(s, sim)));
    });
  }

  setLevels(level1: string | null, level2: string | null): void {
    const next = cascadePickerFilter(this.framework(), level1, level2);
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
    this.librarySearch.emit(s);
  }

  goToPage(page: number): void {
    const s = this.applied();
    if (!s || page === s.page) return;
    const next = { ...s, page };
    this.applied.set(next);
    this.librarySearch.emit(next);
  }

  clearSearch(): void {
    this.qDraft.set('');
    this.level1.set(null);
    this.level2.set(null);
    this.applied.set(null);
  }

  toggleLibrary(key: string, on: boolean): void {
    this.librarySelected.update((s) => togglePick(s, key, on));
  }

  selectAllLibrary(on: boolean): void {
    this.librarySelected.update((s) => setAllPicks(s, this.libraryRows(), on));
  }

  addLibrary(): void {
    const rows = pickedRows(this.libraryRows(), this.librarySelected());
    if (rows.length === 0) return;
    this.pick.emit(rows);
    this.librarySelected.set(new Set());
  }

  similarCheck(s: SimilarView) {
    return pickCheckState(this.similarSelected(), s.candidates);
  }

  toggleSimilar(key: string, on: boolean): void {
    this.similarSelected.update((s) => togglePick(s, key, on));
  }

  selectAllSimilar(s: SimilarView, on: boolean): void {
    this.similarSelected.update((sel) => setAllPicks(sel, s.candidates, on));
  }

  addSimilar(s: SimilarView): void {
    const rows = pickedRows(s.candidates, this.similarSelected());
    if (rows.length === 0) return;
    this.pick.emit(rows);
    this.similarSelected.update((sel) => setAllPicks(sel, s.candidates, false));
  }

  addAllSimilar(s: SimilarView): void {
    const rows = allPickable(s.candidates);
    if (rows.length === 0) return;
    this.pick.emit(rows);
    this.similarSelected.update((sel) => setAllPicks(sel, s.candidates, false));
  }
}
