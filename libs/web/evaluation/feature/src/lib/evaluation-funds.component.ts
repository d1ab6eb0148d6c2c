import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FUNDS_COLUMN_LABELS, FUNDS_ROW_LABELS, formatWan } from '@pt/domain';
import type { FundsColumn } from '@pt/domain';
import { FUNDS_FORM_COLUMNS, FUNDS_FORM_SOURCES } from '@pt/web/evaluation/data-access';
import type { EvaluationForm } from '@pt/web/evaluation/data-access';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { EvaluationEditor, type FundsRowKey } from './evaluation-editor';

/**
 * The funds block of the 自评表 (10号 附件1) in 万元: 年度资金总额 and 其中 当年财政拨款 / 上年结转资金 / 其他资金,
 * each with 年初预算数, 全年预算数 and 全年执行数 (inputs while editable, else the stored figures with thousands
 * separators); 分值 10, 执行率 and 得分 on the total row; 全年执行数 marked while it is the figure carried from
 * monitoring. Test ids: `eval-funds-initial`, `eval-budget-annual`, `eval-budget-executed` (the total row),
 * `eval-funds-<fiscal|carryover|other>-<initialBudget|annualBudget|executed>`, `eval-executed-carried`,
 * `eval-execution-rate`, `eval-execution-score`.
 */
@Component({
  selector: 'pt-evaluation-funds',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzInputModule, NzTagModule],
  templateUrl: './evaluation-funds.component.html',
  styleUrl: './evaluation.page.css',
})
export class EvaluationFundsComponent {
  /** The page's 自评表: the form, the stored block (yuan, shown when not editable), the score, the field errors. */
  readonly ed = inject(EvaluationEditor);

  readonly fundsRows: readonly FundsRowKey[] = ['total', ...FUNDS_FORM_SOURCES];
  readonly fundsColumns: readonly FundsColumn[] = FUNDS_FORM_COLUMNS;
  readonly fundsRowLabels = FUNDS_ROW_LABELS;
  readonly fundsColumnLabels = FUNDS_COLUMN_LABELS;
  /** Yuan printed in 万元 (two decimals, thousands separators). */
  readonly wan = formatWan;

  /** The typed 万元 text of a cell (the total's 全年预算数 / 全年执行数 are the form's `budget`). */
  fundsValue(f: EvaluationForm, source: FundsRowKey, column: FundsColumn): string {
    if (source !== 'total') return f.funds[source][column];
    return column === 'initialBudget' ? f.funds.initialBudget : f.budget[column];
  }

  /** The field name of a cell, as the API names it in errors. */
  fundsField(source: FundsRowKey, column: FundsColumn): string {
    if (source !== 'total') return `funds.${source}.${column}`;
    return column === 'initialBudget' ? 'funds.initialBudget' : `budget.${column}`;
  }

  fundsTestId(source: FundsRowKey, column: FundsColumn): string {
    if (source !== 'total') return `eval-funds-${source}-${column}`;
    return column === 'initialBudget' ? 'eval-funds-initial' : column === 'annualBudget' ? 'eval-budget-annual' : 'eval-budget-executed';
  }
}
