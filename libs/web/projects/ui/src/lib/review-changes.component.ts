import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTableModule } from 'ng-zorro-antd/table';
import type { ReviewChanges } from './review-changes';
import { fieldValueText } from './row-diff';
import { RowDiffTableComponent } from './row-diff-table.component';

/**
 * The review screen's 「自上次退回以来的修改」: the header fields changed (old → new) and the rows added, removed or
 * changed in each table, highlighted as on the revisions page. Test ids: `review-changes`, `review-changes-fields`,
 * `review-changes-none`; the tables' `diff-row` (with `data-kind`).
 */
@Component({
  selector: 'pt-review-changes',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzAlertModule, NzTableModule, RowDiffTableComponent],
  styles: `
    :host { display: block; }
    h4 { margin: 12px 0 8px; font-size: 14px; }
    .old { color: #a8071a; }
    .new { color: #ad4e00; font-weight: 500; }
  `,
  template: `
    <div data-testid="review-changes">
      @if (!changes().any) {
        <nz-alert nzType="info" nzShowIcon nzMessage="退回后重新提交时未作修改。" data-testid="review-changes-none"></nz-alert>
      } @else {
        @if (changes().fields.length > 0) {
          <h4>基本信息</h4>
          <nz-table nzTemplateMode nzSize="small" nzBordered data-testid="review-changes-fields">
            <thead>
              <tr><th nzWidth="160px">项目</th><th>退回时</th><th>现在</th></tr>
            </thead>
            <tbody>
              @for (f of changes().fields; track f.field) {
                <tr>
                  <td>{{ f.label }}</td>
                  <td class="old">{{ text(f.before) }}</td>
                  <td class="new">{{ text(f.after) }}</td>
                </tr>
              }
            </tbody>
          </nz-table>
        }
        <h4>年度绩效指标</h4>
        <pt-row-diff-table [rows]="changes().annualRows" [onlyChanges]="true" emptyText="没有年度绩效指标" />
        @if (changes().overallRows.length > 0) {
          <h4>总体绩效指标</h4>
          <pt-row-diff-table [rows]="changes().overallRows" [onlyChanges]="true" emptyText="没有总体绩效指标" />
        }
      }
    </div>
  `,
})
export class ReviewChangesComponent {
  readonly changes = input.required<ReviewChanges>();
  readonly text = fieldValueText;
}
