import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RowDiffDto } from '@pt/shared/api-types';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { groupDiffRows, ROW_KIND_META } from './row-diff';

/**
 * One indicator table's row diffs (年度 or 总目标), grouped by 一级: 新增 green, 删除 red and struck
 * through, 修改 orange with the changed cells highlighted (old value struck through, new value after
 * it), 未变 plain.
 *
 * Test ids: `diff-group`, `diff-row` (with `data-kind`), `diff-cell-changed`.
 */
@Component({
  selector: 'pt-row-diff-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzTableModule, NzTagModule],
  template: `
    @if (groups().length === 0) {
      <p class="empty">{{ rows().length === 0 ? emptyText() : '该指标表没有变化' }}</p>
    } @else {
      <nz-table nzTemplateMode nzSize="small" nzBordered>
        <thead>
          <tr>
            <th nzWidth="70px">变化</th>
            <th nzWidth="110px">一级指标</th>
            <th nzWidth="130px">二级指标</th>
            <th>三级指标</th>
            <th nzWidth="170px">指标值</th>
            <th nzWidth="60px" nzAlign="center">核心</th>
            <th nzWidth="80px" nzAlign="right">分值</th>
          </tr>
        </thead>
        <tbody>
          @for (g of groups(); track g.level1) {
            <tr class="group" data-testid="diff-group">
              <td colspan="7">
                <strong>{{ g.level1 }}</strong>
                @for (k of kinds; track k) {
                  @if (g.counts[k] > 0) {
                    <span class="count {{ meta[k].className }}">{{ meta[k].label }} {{ g.counts[k] }}</span>
                  }
                }
              </td>
            </tr>
            @for (r of g.rows; track r.key) {
              <tr [class]="r.meta.className" data-testid="diff-row" [attr.data-kind]="r.kind" [attr.title]="r.changedLabels ? '修改了：' + r.changedLabels : null">
                <td><span class="kind-tag {{ r.meta.className }}">{{ r.meta.label }}</span></td>
                @for (c of r.cells; track c.column) {
                  <td
                    [class.changed]="c.changed"
                    [attr.data-testid]="c.changed ? 'diff-cell-changed' : null"
                    [attr.align]="c.column === 'core' ? 'center' : c.column === 'weight' ? 'right' : null"
                  >
                    @if (c.changed) {
                      <del class="old">{{ c.before || '（空）' }}</del>
                      <span class="arrow">→</span>
                      <span class="new">{{ c.text || '（空）' }}</span>
                    } @else {
                      {{ c.text }}
                    }
                  </td>
                }
              </tr>
            }
          }
        </tbody>
      </nz-table>
    }
  `,
  styles: `
    .empty { color: rgba(0, 0, 0, 0.45); margin: 8px 0; }
    tr.group > td { background: #fafafa; }
    .count { margin-left: 12px; font-size: 12px; }
    .kind-tag { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 12px; line-height: 20px; border: 1px solid transparent; }
    .kind-tag.kind-added { color: #389e0d; background: #f6ffed; border-color: #b7eb8f; }
    .kind-tag.kind-removed { color: #cf1322; background: #fff1f0; border-color: #ffa39e; }
    .kind-tag.kind-changed { color: #d46b08; background: #fff7e6; border-color: #ffd591; }
    .kind-tag.kind-unchanged { color: rgba(0, 0, 0, 0.45); background: #fafafa; border-color: #d9d9d9; }
    .count.kind-added { color: #389e0d; }
    .count.kind-removed { color: #cf1322; }
    .count.kind-changed { color: #d46b08; }
    .count.kind-unchanged { color: rgba(0, 0, 0, 0.45); }
    tr.kind-added > td { background: #f6ffed; }
    tr.kind-removed > td { background: #fff1f0; color: #a8071a; text-decoration: line-through; }
    tr.kind-removed > td:first-child { text-decoration: none; }
    tr.kind-changed > td { background: #fffbf0; }
    tr.kind-changed > td.changed { background: #ffe7ba; }
    .old { color: #a8071a; margin-right: 2px; }
    .arrow { color: rgba(0, 0, 0, 0.45); margin: 0 4px; }
    .new { color: #ad4e00; font-weight: 500; }
  `,
})
export class RowDiffTableComponent {
  readonly rows = input<readonly RowDiffDto[]>([]);
  /** Leave unchanged rows out. */
  readonly onlyChanges = input(false);
  /** Said when neither side has a row. */
  readonly emptyText = input('两个版本的该指标表都没有指标');

  readonly kinds = ['added', 'removed', 'changed', 'unchanged'] as const;
  readonly meta = ROW_KIND_META;
  readonly groups = computed(() => groupDiffRows(this.rows(), this.onlyChanges()));
}
