import { ChangeDetectionStrategy, Component } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TOTAL_GRADE_COLORS } from '@pt/web/evaluation/data-access';
import { StatusPipe } from '@pt/web/projects/data-access';
import { PageLoadComponent } from '@pt/web/projects/ui';
import { ReasonDialogComponent, type ReasonQuestion, WorkflowActionsComponent } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { EvaluationEditor } from './evaluation-editor';
import { EvaluationFundsComponent } from './evaluation-funds.component';
import { EvaluationReportComponent } from './evaluation-report.component';
import { EvaluationTableComponent } from './evaluation-table.component';
import { provideReportEditor } from './project-report-editor';
import { ProjectReportPage } from './project-report-page';
import { ReportHeaderComponent } from './report-header.component';

/**
 * 绩效自评 (自评表, domain §8) of an approved project: header, funds block (EvaluationFundsComponent, 万元), one row
 * per indicator of the approved table (a number, a grade, or achieved yes/no for 比…), totals and grade — scored live
 * by the domain's `scoreEvaluation`, the code the server runs — the problems, what 提交 needs, and 保存 / 提交 / 撤回 /
 * 审核通过 / 退回 / the reviewer's 按偏离度扣分. The form and the writes are the page's EvaluationEditor.
 *
 * Test ids (row `i` from 0, as `items[i]` of the API): `eval-actual-i`, `eval-grade-i`, `eval-score-i`, `eval-achieved-i`,
 * `eval-description-i`, `eval-deviation-i`, `eval-deviation-required-i`, `eval-row-weight-i`, `eval-row-score-i`,
 * `eval-flags-i`, `eval-deduct-i`, `eval-undeduct-i`, `eval-deduction-i`; `eval-indicator-score`, `eval-total`, `eval-grade`,
 * `eval-status`, `eval-save`, `eval-submit`, `eval-withdraw`, `eval-approve`, `eval-return`, the dialogs' `eval-comment` and
 * `eval-deduct` (+ `-ok`, `-required`), `eval-problems`, `eval-submission` with `eval-submission-problem`, `eval-error`,
 * `eval-reload`; 自定义分值: `eval-custom-weights`, `eval-weight-i`, `eval-weight-groups` with `eval-weight-group` (`data-ok`),
 * `eval-weight-total`, `eval-weight-problems` with `eval-weight-problem` (`data-code`). */
@Component({
  selector: 'pt-evaluation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: provideReportEditor(EvaluationEditor),
  imports: [
    FormsModule,
    NzAlertModule,
    NzCardModule,
    NzDescriptionsModule,
    NzInputModule,
    NzSpinModule,
    NzTagModule,
    EvaluationFundsComponent,
    EvaluationReportComponent,
    EvaluationTableComponent,
    ReasonDialogComponent,
    ReportHeaderComponent,
    WorkflowActionsComponent,
    PageLoadComponent,
    StatusPipe,
  ],
  templateUrl: './evaluation.page.html',
  styleUrl: './evaluation.page.css',
})
export class EvaluationPage extends ProjectReportPage {
  declare readonly ed: EvaluationEditor;
  readonly gradeColors = TOTAL_GRADE_COLORS;
  /** The reviewer's 按偏离度扣分 of a row asks the reason. */
  readonly deductQuestion: ReasonQuestion = {
    title: '按偏离度扣分',
    hint: '实际完成值远超年度指标值、且指标值设定明显偏低时，超出标记阈值（默认 20%）的偏离部分按比例扣分：得分 = 分值 × (1 − (偏离度 − 阈值))，偏离度 = (实际完成值 − 指标值) / 指标值，最低为 0。',
    placeholder: '扣分理由（必填），如：指标值明显低于上年实际完成值',
    okText: '扣分',
    danger: true,
    required: true,
    requiredMessage: '请填写扣分理由',
  };
}
