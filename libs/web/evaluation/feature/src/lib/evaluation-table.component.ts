import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Dec } from '@pt/domain';
import type { EvaluationProblem, EvaluationResult } from '@pt/domain';
import { AttachmentsComponent } from '@pt/web/evidence/ui';
import { flagColor, flagLabel, levelSpans, QUALITATIVE_GRADE_OPTIONS, rowBandText, TOTAL_GRADE_COLORS } from '@pt/web/evaluation/data-access';
import type { Evaluation, EvaluationForm, EvaluationFormRow, Versioned, WeightTotals } from '@pt/web/evaluation/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

/**
 * The 绩效指标 card of the 自评表: one row per indicator of the approved table (a number, a grade, or achieved
 * yes/no for 比…), 分值 (typed while 自定义分值 is on), the live 得分, 偏差原因, the flags and the reviewer's
 * 按偏离度扣分; the totals and grade below. The page owns the form: every edit goes out as `rowChange`.
 */
@Component({
  selector: 'pt-evaluation-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AttachmentsComponent, FormsModule, NzButtonModule, NzCardModule, NzCheckboxModule, NzInputModule, NzSelectModule, NzTableModule, NzTagModule],
  templateUrl: './evaluation-table.component.html',
  styleUrl: './evaluation.page.css',
})
export class EvaluationTableComponent {
  readonly form = input.required<EvaluationForm>();
  /** The live score (null when the project's framework is unknown to the domain). */
  readonly result = input<EvaluationResult | null>(null);
  /** The stored evaluation: its deductions and whether this user may deduct. */
  readonly evaluation = input.required<Versioned<Evaluation>>();
  readonly editable = input(false);
  /** The target, whose 佐证材料 each row shows and takes (none shown without it). */
  readonly targetId = input<string | null>(null);
  /** A write is under way: the deduct buttons wait. */
  readonly busy = input(false);
  /** Field errors of the last failure, by the API's field names (`items[i].actual`). */
  readonly errors = input<ReadonlyMap<string, string>>(new Map());
  /** Rows whose 偏差原因 提交 still needs. */
  readonly reasonRequired = input<ReadonlySet<number>>(new Set());
  /** 自定义分值: the typed 分值 per group (null while off). */
  readonly weights = input<WeightTotals | null>(null);
  readonly weightProblems = input<readonly EvaluationProblem[]>([]);

  readonly rowChange = output<{ index: number; patch: Partial<EvaluationFormRow> }>();
  readonly customWeights = output<boolean>();
  /** 按偏离度扣分 (`apply`: the page asks the reason) or 取消扣分 of a row. */
  readonly deduct = output<{ index: number; apply: boolean }>();

  readonly flagLabel = flagLabel;
  readonly flagColor = flagColor;
  readonly gradeOptions = QUALITATIVE_GRADE_OPTIONS;
  readonly gradeColors = TOTAL_GRADE_COLORS;

  readonly spans = computed(() => levelSpans(this.form().rows));
  readonly weightSum = computed(() => {
    const r = this.result();
    return r ? Dec.sum(r.items.map((i) => Dec.of(i.weight))).toFixed(2) : '';
  });

  setRow(index: number, patch: Partial<EvaluationFormRow>): void {
    this.rowChange.emit({ index, patch });
  }

  setAchieved(index: number, value: 'yes' | 'no' | null): void {
    this.setRow(index, { achieved: value === 'yes' ? true : value === 'no' ? false : null });
  }

  achievedValue(r: EvaluationFormRow): 'yes' | 'no' | null {
    return r.achieved === true ? 'yes' : r.achieved === false ? 'no' : null;
  }

  fieldError(field: string): string | null {
    return this.errors().get(field) ?? null;
  }

  band(r: EvaluationFormRow, index: number): string {
    return rowBandText(r, this.result()?.items[index]?.weight);
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
    const g = this.weights()?.groupOfRow[index];
    const total = g === null || g === undefined ? null : this.weights()?.groups[g];
    if (!total || total.ok) return null;
    return this.result()?.items[index]?.weight ?? null;
  }
}
