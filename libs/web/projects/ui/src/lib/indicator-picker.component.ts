import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { PickerLibraryTabComponent } from './picker-library-tab.component';
import { PickerSimilarTabComponent, similarViews } from './picker-similar-tab.component';
import { PickerSource } from './picker-source';

export * from './indicator-picker.state';
export * from './picker-source';

/**
 * 选用指标 (presentational, no HTTP): helps fill a project's indicator table from three sources, one
 * tab each. It and its tabs read and ask the {@link PickerSource} the container provides.
 *
 * - 指标库: with no filter, the suggestions' library rows (二级 not yet covered first); with a search
 *   text or a 一级/二级 filter, the page of GET /api/indicator-library the source answers with in
 *   `libraryPage`. Tick rows, 「加入指标表」 adds them.
 * - 相似项目: each similar project with its annual rows; tick some or 「全部加入」.
 * - 上年同名项目: 「复制上年指标」 (with a confirmation, as it replaces the annual table); disabled when
 *   there is no such project or it has no rows.
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
        <pt-picker-library-tab />
      </nz-tab>

      <nz-tab [nzTitle]="'相似项目' + (similar().length ? '（' + similar().length + '）' : '')">
        <pt-picker-similar-tab [similar]="similar()" />
      </nz-tab>

      <nz-tab nzTitle="上年同名项目">
        <div class="last-year" data-testid="picker-last-year">
          @if (!source.suggestions()) {
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
            [nzLoading]="source.copying()"
            [disabled]="!canCopy()"
            (nzOnConfirm)="source.copyLastYear()"
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
  protected readonly source = inject(PickerSource);

  readonly similar = computed(() => similarViews(this.source.suggestions(), this.source.existing()));
  readonly lastYear = computed(() => this.source.suggestions()?.lastYear ?? null);
  readonly canCopy = computed(() => !this.source.disabled() && !this.source.copying() && (this.lastYear()?.indicatorCount ?? 0) > 0);
}
