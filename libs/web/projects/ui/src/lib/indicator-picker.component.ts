import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { LibraryPage, Suggestions } from '@pt/shared/api-types';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { existingNameSet } from './indicator-picker.state';
import type { PickerFramework, PickerSearch, PickRow } from './indicator-picker.state';
import { PickerLibraryTabComponent } from './picker-library-tab.component';
import { PickerSimilarTabComponent, similarViews } from './picker-similar-tab.component';

export * from './indicator-picker.state';

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
 * Test ids: `picker-tabs`, `picker-last-year`, `picker-copy-last-year`; the tabs' (PickerLibraryTabComponent,
 * PickerSimilarTabComponent).
 */
@Component({
  selector: 'pt-indicator-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzIconModule, NzPopconfirmModule, NzTabsModule, PickerLibraryTabComponent, PickerSimilarTabComponent],
  template: `
    <nz-tabs nzSize="small" data-testid="picker-tabs">
      <nz-tab nzTitle="指标库">
        <pt-picker-library-tab
          [suggestions]="suggestions()"
          [libraryPage]="libraryPage()"
          [framework]="framework()"
          [existing]="existing()"
          [loading]="loading()"
          [disabled]="disabled()"
          (librarySearch)="librarySearch.emit($event)"
          (pick)="pick.emit($event)"
        />
      </nz-tab>

      <nz-tab [nzTitle]="'相似项目' + (similar().length ? '（' + similar().length + '）' : '')">
        <pt-picker-similar-tab [similar]="similar()" [loaded]="suggestions() !== null" [disabled]="disabled()" (pick)="pick.emit($event)" />
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
    .hint { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin: 4px 0 8px; }
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

  readonly existing = computed(() => existingNameSet(this.existingNames()));
  readonly similar = computed(() => similarViews(this.suggestions(), this.existing()));
  readonly lastYear = computed(() => this.suggestions()?.lastYear ?? null);
  readonly canCopy = computed(() => !this.disabled() && !this.copying() && (this.lastYear()?.indicatorCount ?? 0) > 0);
}
