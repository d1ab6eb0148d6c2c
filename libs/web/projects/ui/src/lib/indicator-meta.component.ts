import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { INDICATOR_BASES, INDICATOR_HISTORY_LABELS as H, INDICATOR_META_KEYS, INDICATOR_META_LABELS as L, INDICATOR_META_MAX as MAX } from '@pt/domain';
import type { IndicatorHistory, IndicatorMeta } from '@pt/domain';
import type { EditorRow } from './indicator-rows';

/**
 * Under a row of the indicator table: last year's value and actual of the same indicator (when there is one), and the
 * row's 指标解释, 设定依据, 评(扣)分标准, 数据来源 — edited when `editing`, else printed where filled. Plain inputs (no
 * ng-zorro) so that an open row costs the table little. Test ids: `row-N-history`, `row-N-meta`, `row-N-<field>`.
 */
@Component({
  selector: 'pt-indicator-meta',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet],
  template: `
    @if (history(); as h) {
      <div class="history" [attr.data-testid]="'row-' + n() + '-history'">
        <span class="tag">{{ H.history }}（{{ h.year }}年）</span>{{ H.target }} {{ h.target }}；{{ H.actual }} {{ h.actual ?? '未填报' }}
      </div>
    }
    @if (editing()) {
      <div class="meta edit" [attr.data-testid]="'row-' + n() + '-meta'">
        <ng-container *ngTemplateOutlet="longText; context: { $implicit: 'explanation' }" />
        <label>
          <span>{{ L.basis }}</span>
          <select class="ant-input ant-input-sm" [attr.data-testid]="'row-' + n() + '-basis'" (change)="set('basis', $event)">
            <option value="" [selected]="!row().basis">（未选）</option>
            @for (b of BASES; track b) {
              <option [value]="b" [selected]="row().basis === b">{{ b }}</option>
            }
          </select>
        </label>
        <ng-container *ngTemplateOutlet="longText; context: { $implicit: 'scoringRule' }" />
        <label>
          <span>{{ L.dataSource }}</span>
          <input class="ant-input ant-input-sm" [attr.maxlength]="MAX.dataSource" [attr.data-testid]="'row-' + n() + '-dataSource'"
            [value]="row().dataSource ?? ''" (input)="set('dataSource', $event)" />
        </label>
      </div>
    } @else if (filled()) {
      <dl class="meta" [attr.data-testid]="'row-' + n() + '-meta'">
        @for (k of KEYS; track k) {
          @if (row()[k]) {
            <div><dt>{{ L[k] }}</dt><dd [attr.data-testid]="'row-' + n() + '-' + k">{{ row()[k] }}</dd></div>
          }
        }
      </dl>
    }
    <!-- 指标解释 and 评(扣)分标准: a text area each -->
    <ng-template #longText let-k>
      @let f = longField(k);
      <label>
        <span>{{ f.label }}</span>
        <textarea class="ant-input ant-input-sm" rows="2" [attr.maxlength]="f.max" [attr.data-testid]="'row-' + n() + '-' + k"
          [value]="f.value" (input)="set(k, $event)"></textarea>
      </label>
    </ng-template>
  `,
  styles: `
    :host { display: block; font-size: 12px; }
    .history { color: #8c5a00; margin: 2px 0; }
    .tag { font-weight: 600; margin-right: 4px; }
    .meta.edit { display: grid; grid-template-columns: 1fr 160px 1fr 200px; gap: 6px 10px; margin: 4px 0 6px; }
    .meta.edit label { display: flex; flex-direction: column; gap: 2px; color: rgba(0,0,0,.55); }
    dl.meta { display: flex; flex-wrap: wrap; gap: 2px 16px; margin: 2px 0; }
    dl.meta div { display: flex; gap: 4px; }
    dt { color: rgba(0,0,0,.45); }
    dt::after { content: '：'; }
    dd { margin: 0; white-space: pre-wrap; }
    @media (max-width: 1100px) { .meta.edit { grid-template-columns: 1fr 1fr; } }
  `,
})
export class IndicatorMetaComponent {
  readonly row = input.required<EditorRow>();
  /** The row's number (test ids). */
  readonly n = input.required<number>();
  readonly editing = input(false);
  readonly filled = input(false);
  readonly history = input<IndicatorHistory | null | undefined>(null);
  /** One field as typed ("" for an emptied one: the save sends it as null, which clears it). */
  readonly changed = output<Partial<IndicatorMeta>>();

  protected readonly L = L;
  protected readonly H = H;
  protected readonly MAX = MAX;
  protected readonly BASES = INDICATOR_BASES;
  protected readonly KEYS = INDICATOR_META_KEYS;

  protected longField(k: 'explanation' | 'scoringRule'): { label: string; max: number; value: string } {
    return { label: L[k], max: MAX[k], value: this.row()[k] ?? '' };
  }

  set(field: keyof IndicatorMeta, e: Event): void {
    const value = (e.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
    this.changed.emit({ [field]: field === 'basis' ? value || null : value } as Partial<IndicatorMeta>);
  }
}
