import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { EVALUATION_REPORT_LABELS, EVALUATION_REPORT_TITLE } from '@pt/domain';
import { REPORT_FIELDS, REPORT_MAX } from '@pt/web/evaluation/data-access';
import type { EvaluationReportField } from '@pt/shared/api-types';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';

/**
 * The 自评报告 (domain §11): 完成情况, 偏差原因, 存在问题, 改进措施 — saved with the self-evaluation, printed in its
 * export. Test ids: `eval-report-<field>`, `eval-report-<field>-error`.
 */
@Component({
  selector: 'pt-evaluation-report',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzCardModule, NzInputModule],
  template: `
    <nz-card class="block" nzSize="small" [nzTitle]="TITLE" data-testid="eval-report">
      <div class="report">
        @for (k of FIELDS; track k) {
          <label class="field">
            <span class="sub">{{ LABELS[k] }}</span>
            <textarea
              nz-input
              [attr.maxlength]="MAX"
              [attr.aria-label]="TITLE + LABELS[k]"
              [attr.data-testid]="'eval-report-' + k"
              [nzAutosize]="{ minRows: 2, maxRows: 8 }"
              [disabled]="!editable()"
              [ngModel]="report()[k]"
              (ngModelChange)="changed.emit({ field: k, value: $event })"
            ></textarea>
            @if (errors().get('report.' + k); as e) {
              <span class="error" [attr.data-testid]="'eval-report-' + k + '-error'">{{ e }}</span>
            }
          </label>
        }
      </div>
    </nz-card>
  `,
  styles: `
    .report { display: grid; grid-template-columns: 1fr 1fr; gap: 12px 16px; }
    .field { display: flex; flex-direction: column; gap: 4px; }
    .sub { color: rgba(0, 0, 0, 0.55); }
    .error { color: #cf1322; font-size: 12px; }
    @media (max-width: 900px) { .report { grid-template-columns: 1fr; } }
  `,
})
export class EvaluationReportComponent {
  readonly report = input.required<Record<EvaluationReportField, string>>();
  readonly editable = input(false);
  /** The first message of a failure by field (`report.completion`, …). */
  readonly errors = input<ReadonlyMap<string, string>>(new Map());
  readonly changed = output<{ field: EvaluationReportField; value: string }>();

  protected readonly TITLE = EVALUATION_REPORT_TITLE;
  protected readonly LABELS = EVALUATION_REPORT_LABELS;
  protected readonly FIELDS = REPORT_FIELDS;
  protected readonly MAX = REPORT_MAX;
}
