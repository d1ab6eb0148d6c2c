import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DEPARTMENT_FIELD_LABELS, POLICY_FIELD_LABELS, PROJECT_FIELD_LABELS, YUAN_SUFFIX } from '@pt/domain';
import type { Target } from '@pt/web/projects/data-access';
import { IndicatorTableComponent, toEditorRows } from '@pt/web/projects/ui';
import type { TableFramework } from '@pt/web/projects/ui';
import { formatMoney, sumMoney } from '@pt/web/shared/data-access';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { BUDGET_KEYS, BUDGET_LABELS } from './target-kind-form';

/**
 * The header of a 部门（单位）整体 or 政策 target, read-only (reviewers, and fillers once submitted): the same fields the
 * editor has, a department's 年度主要任务 as a table, a policy's 中期 table.
 */
@Component({
  selector: 'pt-kind-header-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzDescriptionsModule, IndicatorTableComponent],
  template: `
    @let t = target();
    @if (t.kind === 'department') {
      <nz-descriptions nzBordered nzSize="small" [nzColumn]="{ xxl: 3, xl: 3, lg: 3, md: 1, sm: 1, xs: 1 }" data-testid="header-view">
        <nz-descriptions-item [nzTitle]="D.orgName">{{ t.name }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="D.year">{{ t.year }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="F.department">{{ t.departmentName || '—' }}</nz-descriptions-item>
      </nz-descriptions>
      <nz-descriptions class="block" nzBordered nzSize="small" [nzTitle]="D.budget + YUAN" [nzColumn]="{ xxl: 5, xl: 5, lg: 3, md: 2, sm: 1, xs: 1 }" data-testid="budget-view">
        @for (k of budgetKeys; track k) {
          <nz-descriptions-item [nzTitle]="budgetLabels[k]">{{ m(t.department?.budget?.[k]) }}</nz-descriptions-item>
        }
      </nz-descriptions>
      <div class="block title">{{ D.tasks }}（元）</div>
      <table class="tasks" data-testid="tasks-view">
        <thead>
          <tr>
            <th rowspan="2">序号</th>
            <th rowspan="2">{{ D.taskName }}</th>
            <th rowspan="2">{{ D.taskContent }}</th>
            <th colspan="3">{{ D.taskBudget }}</th>
          </tr>
          <tr>
            <th>{{ D.taskAmount }}</th>
            <th>{{ D.fiscal }}</th>
            <th>{{ D.other }}</th>
          </tr>
        </thead>
        <tbody>
          @for (x of t.department?.tasks ?? []; track $index) {
            <tr data-testid="task-view-row">
              <td class="no">{{ $index + 1 }}</td>
              <td>{{ x.name }}</td>
              <td class="text">{{ x.content || '—' }}</td>
              <td class="amt">{{ m(x.amount) }}</td>
              <td class="amt">{{ m(x.fiscal) }}</td>
              <td class="amt">{{ m(x.other) }}</td>
            </tr>
          } @empty {
            <tr><td colspan="6" class="empty">未填写</td></tr>
          }
        </tbody>
        <tfoot>
          <tr><td colspan="3" class="amt">合计</td><td class="amt">{{ m(taskSum()) }}</td><td colspan="2"></td></tr>
        </tfoot>
      </table>
      <nz-descriptions class="block" nzBordered nzSize="small" [nzColumn]="1" data-testid="texts-view">
        <nz-descriptions-item [nzTitle]="D.annualGoal"><span class="text">{{ t.annualGoal || '—' }}</span></nz-descriptions-item>
      </nz-descriptions>
    } @else {
      <nz-descriptions nzBordered nzSize="small" [nzColumn]="{ xxl: 2, xl: 2, lg: 2, md: 1, sm: 1, xs: 1 }" data-testid="header-view">
        <nz-descriptions-item [nzTitle]="P.name" [nzSpan]="2">{{ t.name }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="P.department">{{ t.orgName }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="P.period">{{ period() }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="P.basis" [nzSpan]="2"><span class="text">{{ t.policy?.basis || '—' }}</span></nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="P.fundsTotal + YUAN">{{ m(t.policy?.totalFunds) }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="P.fundsAnnual + YUAN">{{ m(t.policy?.annualFunds) }}</nz-descriptions-item>
      </nz-descriptions>
      <nz-descriptions class="block" nzBordered nzSize="small" [nzColumn]="1" data-testid="texts-view">
        <nz-descriptions-item [nzTitle]="P.midTermGoal"><span class="text">{{ t.totalGoal || '—' }}</span></nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="P.annualGoal"><span class="text">{{ t.annualGoal || '—' }}</span></nz-descriptions-item>
      </nz-descriptions>
      <div class="block title">{{ P.midTermGoal }}指标</div>
      <pt-indicator-table [rows]="overallRows()" [framework]="framework()" [readonly]="true" data-testid="overall-view" />
    }
  `,
  styles: `
    .block { margin-top: 16px; display: block; }
    .title { font-weight: 600; margin-bottom: 8px; }
    .text { white-space: pre-wrap; }
    .tasks { width: 100%; border-collapse: collapse; }
    .tasks th, .tasks td { border: 1px solid #f0f0f0; padding: 6px 8px; vertical-align: top; }
    .tasks th { background: #fafafa; font-weight: 500; }
    .tasks .no { text-align: center; width: 48px; }
    .tasks .amt { text-align: right; white-space: nowrap; }
    .tasks .empty { text-align: center; color: rgba(0, 0, 0, 0.45); }
  `,
})
export class KindHeaderViewComponent {
  readonly target = input.required<Target>();
  readonly framework = input<TableFramework | null>(null);
  readonly D = DEPARTMENT_FIELD_LABELS;
  readonly P = POLICY_FIELD_LABELS;
  readonly F = PROJECT_FIELD_LABELS;
  readonly YUAN = YUAN_SUFFIX;
  readonly budgetKeys = BUDGET_KEYS;
  readonly budgetLabels = BUDGET_LABELS;
  readonly m = (v: string | null | undefined) => (v ? formatMoney(v) : '—');
  readonly taskSum = computed(() => sumMoney((this.target().department?.tasks ?? []).map((t) => t.amount)));
  readonly period = computed(() => {
    const p = this.target().policy;
    return p?.startYear || p?.endYear ? `${p.startYear ?? '?'}–${p.endYear ?? '?'} 年` : '—';
  });
  readonly overallRows = computed(() => toEditorRows((this.target().goals ?? []).find((g) => g.kind === 'overall')?.indicators ?? []));
}
