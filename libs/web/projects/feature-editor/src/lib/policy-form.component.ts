import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { POLICY_FIELD_LABELS, YUAN_SUFFIX } from '@pt/domain';
import { formatMoney, normaliseMoney } from '@pt/web/shared/data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { fieldHint } from './target-kind-form';
import type { TargetKindState } from './target-kind-state';

const P = POLICY_FIELD_LABELS;

/** 实施期 (起止年度) and 资金规模 (总额, 年度): one row of inputs, alike but for these. */
const ROW_FIELDS = [
  { key: 'startYear', id: 'policy-start', kind: 'year', label: `${P.period}（起始年度）`, placeholder: '如 2025' },
  { key: 'endYear', id: 'policy-end', kind: 'year', label: `${P.period}（结束年度）`, placeholder: '如 2027' },
  { key: 'totalFunds', id: 'policy-total', kind: 'money', label: P.fundsTotal + YUAN_SUFFIX },
  { key: 'annualFunds', id: 'policy-annual', kind: 'money', label: P.fundsAnnual + YUAN_SUFFIX },
] as const;

/** 政策绩效目标 block, editable: 政策依据, 实施期 (起止年度), 资金规模 (总额, 年度), each with its hint under it. */
@Component({
  selector: 'pt-policy-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, ReactiveFormsModule, NzCardModule, NzInputModule],
  template: `
    @let s = state();
    @let f = s.policy.controls;
    <nz-card nzTitle="政策情况" class="block" nzSize="small" [formGroup]="s.policy" data-testid="policy-block">
      <div class="field">
        <label for="policy-basis">{{ P.basis }}</label>
        <textarea nz-input id="policy-basis" formControlName="basis" [nzAutosize]="{ minRows: 2, maxRows: 8 }" placeholder="如：政策文件名称及文号" data-testid="policy-basis"></textarea>
        <ng-container *ngTemplateOutlet="hintTpl; context: { $implicit: hint('policy.basis', f.basis) }" />
      </div>
      <div class="row">
        @for (x of rowFields; track x.key) {
          @let h = hint('policy.' + x.key, f[x.key]);
          <div class="field">
            <label [for]="x.id">{{ x.label }}</label>
            @if (x.kind === 'year') {
              <input nz-input [id]="x.id" type="number" [formControlName]="x.key" min="2000" max="2100" step="1" inputmode="numeric" [placeholder]="x.placeholder" [nzStatus]="h?.status ?? ''" [attr.data-testid]="'policy-' + x.key" />
            } @else {
              <input nz-input [id]="x.id" [formControlName]="x.key" inputmode="decimal" placeholder="0.00" [nzStatus]="h?.status ?? ''" (blur)="pretty(f[x.key])" [attr.data-testid]="'policy-' + x.key" />
            }
            <ng-container *ngTemplateOutlet="hintTpl; context: { $implicit: h }" />
          </div>
        }
      </div>
    </nz-card>
    <ng-template #hintTpl let-h>
      @if (h) {
        <div class="hint" [class.warn]="h.status === 'warning'">{{ h.message }}</div>
      }
    </ng-template>
  `,
  styles: `
    .block { margin-bottom: 16px; display: block; }
    .row { display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; }
    .field { margin-bottom: 12px; }
    .field label { display: block; margin-bottom: 4px; }
    .hint { color: #cf1322; font-size: 12px; margin-top: 2px; }
    .hint.warn { color: #d46b08; }
    @media (max-width: 992px) { .row { grid-template-columns: 1fr 1fr; } }
  `,
})
export class PolicyFormComponent {
  readonly state = input.required<TargetKindState>();
  readonly errors = input<ReadonlyMap<string, string>>(new Map());
  readonly P = P;
  readonly rowFields = ROW_FIELDS;

  hint(field: string, c: AbstractControl) {
    const year = field.endsWith('Year');
    return fieldHint(field, this.errors(), c.invalid && c.dirty, this.state().findingByField().get(field), year ? '须为 2000–2100 之间的年份' : undefined);
  }

  pretty(c: AbstractControl<string>): void {
    const n = normaliseMoney(c.value);
    if (n && formatMoney(n) !== c.value) c.setValue(formatMoney(n));
  }
}
