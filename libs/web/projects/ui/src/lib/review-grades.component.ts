import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { REVIEW_DIMENSION_LABELS, REVIEW_DIMENSIONS, REVIEW_GRADES, type ReviewDimension, type ReviewGrade } from '@pt/domain';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import type { ReviewDraft } from './review-rules';

/**
 * The structured review of 财预〔2015〕88号: 完整性, 相关性, 适当性, 可行性 and 总体, each 优/良/中/差 — one radio group
 * per dimension (arrow keys move within it, Tab to the next). Test ids from `testId`: `<testId>-<dimension>`.
 */
@Component({
  selector: 'pt-review-grades',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzRadioModule],
  styles: `
    :host { display: block; }
    .row { display: flex; align-items: center; gap: 12px; margin-bottom: 8px; }
    .label { width: 56px; color: rgba(0, 0, 0, 0.85); }
    .overall .label { font-weight: 600; }
    .hint { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin: 0 0 8px; }
  `,
  template: `
    <p class="hint">按财预〔2015〕88号评价：优、良可通过；中须修改后重新提交；差应退回。</p>
    @for (d of dimensions; track d) {
      <div class="row" [class.overall]="d === 'overall'">
        <span class="label" [id]="testId() + '-' + d + '-label'">{{ labels[d] }}</span>
        <nz-radio-group
          nzButtonStyle="solid"
          nzSize="small"
          [nzDisabled]="disabled()"
          [attr.aria-labelledby]="testId() + '-' + d + '-label'"
          [attr.data-testid]="testId() + '-' + d"
          [ngModel]="value()[d] ?? null"
          (ngModelChange)="set(d, $event)"
        >
          @for (g of grades; track g) {
            <label nz-radio-button [nzValue]="g">{{ g }}</label>
          }
        </nz-radio-group>
      </div>
    }
  `,
})
export class ReviewGradesComponent {
  readonly value = model<ReviewDraft>({});
  readonly disabled = input(false);
  readonly testId = input('review');
  readonly dimensions = REVIEW_DIMENSIONS;
  readonly labels = REVIEW_DIMENSION_LABELS;
  readonly grades = REVIEW_GRADES;

  set(d: ReviewDimension, g: ReviewGrade | null): void {
    this.value.set({ ...this.value(), [d]: g });
  }
}
