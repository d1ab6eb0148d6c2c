import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Dec } from '@pt/domain';
import { AttachmentsComponent } from '@pt/web/evidence/ui';
import { flagColor, flagLabel, levelSpans, QUALITATIVE_GRADE_OPTIONS, rowBandText, TOTAL_GRADE_COLORS } from '@pt/web/evaluation/data-access';
import type { EvaluationFormRow } from '@pt/web/evaluation/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { EvaluationEditor } from './evaluation-editor';
import { IndicatorRowComponent } from './indicator-row.component';

/**
 * The 绩效指标 card of the 自评表: one row per indicator of the approved table (a number, a grade, or achieved
 * yes/no for 比…), 分值 (typed while 自定义分值 is on), the live 得分, 偏差原因, the flags and the reviewer's
 * 按偏离度扣分; the totals and grade below. Edits go to the page's EvaluationEditor.
 */
@Component({
  selector: 'pt-evaluation-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AttachmentsComponent, FormsModule, IndicatorRowComponent, NzButtonModule, NzCardModule, NzCheckboxModule, NzInputModule, NzSelectModule, NzTableModule, NzTagModule],
  templateUrl: './evaluation-table.component.html',
  styleUrl: './evaluation.page.css',
})
export class EvaluationTableComponent {
  /** The page's 自评表: the form, the live score, the stored evaluation (its deductions, whether this user may deduct). */
  readonly ed = inject(EvaluationEditor);

  readonly flagLabel = flagLabel;
  readonly flagColor = flagColor;
  readonly gradeOptions = QUALITATIVE_GRADE_OPTIONS;
  readonly gradeColors = TOTAL_GRADE_COLORS;

  readonly spans = computed(() => levelSpans(this.ed.form()?.rows ?? []));
  readonly weightSum = computed(() => {
    const r = this.ed.result();
    return r ? Dec.sum(r.items.map((i) => Dec.of(i.weight))).toFixed(2) : '';
  });

  setAchieved(index: number, value: 'yes' | 'no' | null): void {
    this.ed.setRow(index, { achieved: value === 'yes' ? true : value === 'no' ? false : null });
  }

  achievedValue(r: EvaluationFormRow): 'yes' | 'no' | null {
    return r.achieved === true ? 'yes' : r.achieved === false ? 'no' : null;
  }

  fieldError(field: string): string | null {
    return this.ed.fieldErrors().get(field) ?? null;
  }

  band(r: EvaluationFormRow, index: number): string {
    return rowBandText(r, this.ed.result()?.items[index]?.weight);
  }

  /** The 得分 box of a 定性 row (optional until a grade is chosen) or a 比较 row: the band it must lie in. */
  scorePlaceholder(r: EvaluationFormRow, index: number): string {
    return r.kind === 'qualitative' && !r.grade ? '得分（可选）' : `得分 ${this.band(r, index)}`;
  }

  /** The domain flags a 得分 outside the grade's band (定性) or outside 0–分值 (比较). */
  scoreOutOfBand(r: EvaluationFormRow, flags: readonly string[] | undefined): boolean {
    return flags?.includes(r.kind === 'qualitative' ? 'SCORE_OUTSIDE_BAND' : 'SCORE_OUT_OF_RANGE') ?? false;
  }

  /**
   * The 分值 a row is scored with when it differs from the typed one (its group does not add up yet:
   * the domain keeps the equal split), else null.
   */
  scoredWeight(index: number): string | null {
    const g = this.ed.weights()?.groupOfRow[index];
    const total = g === null || g === undefined ? null : this.ed.weights()?.groups[g];
    if (!total || total.ok) return null;
    return this.ed.result()?.items[index]?.weight ?? null;
  }
}
