import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatMoney, sumMoney } from '@pt/web/projects/data-access';
import type { Project } from '@pt/web/projects/data-access';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';

/** The declaration form's header, read-only (reviewers, and fillers once submitted). */
@Component({
  selector: 'pt-project-header-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzDescriptionsModule],
  template: `
    @let p = project();
    <nz-descriptions nzBordered nzSize="small" [nzColumn]="{ xxl: 3, xl: 3, lg: 2, md: 2, sm: 1, xs: 1 }" data-testid="header-view">
      <nz-descriptions-item nzTitle="项目名称" [nzSpan]="3">{{ p.name }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="预算年度">{{ p.year }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="主管部门">{{ p.departmentName || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="实施单位">{{ p.orgName }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="项目性质">{{ p.nature || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="项目类别">{{ p.category || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="绩效类型">{{ p.performanceType || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="计划开始日期">{{ p.startDate || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="计划完成日期">{{ p.endDate || '—' }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="是否含有政府购买服务">{{ p.governmentPurchase === true ? '是' : p.governmentPurchase === false ? '否' : '—' }}</nz-descriptions-item>
    </nz-descriptions>
    <nz-descriptions class="block" nzBordered nzSize="small" nzTitle="项目资金（元）" [nzColumn]="{ xxl: 2, xl: 2, lg: 2, md: 2, sm: 1, xs: 1 }" data-testid="funds-view">
      <nz-descriptions-item nzTitle="项目资金总额">{{ m(p.funds.total) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="年度资金申请总额">{{ m(p.funds.annualTotal) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="其中：财政资金">{{ m(p.funds.fiscal) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="其中：当年财政拨款">{{ m(p.funds.annualFiscal) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="其他资金">{{ m(p.funds.other) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="上年结转资金">{{ m(p.funds.carryover) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="分项合计">{{ m(totalSum()) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="其他资金（年度）">{{ m(p.funds.annualOther) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="同名项目上年预算额">{{ m(p.lastYearBudget) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="年度分项合计">{{ m(annualSum()) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="同名项目上年预算执行数" [nzSpan]="2">{{ m(p.lastYearExecuted) }}</nz-descriptions-item>
    </nz-descriptions>
    <nz-descriptions class="block" nzBordered nzSize="small" nzTitle="项目情况与绩效目标" [nzColumn]="1" data-testid="texts-view">
      @for (t of texts; track t.key) {
        <nz-descriptions-item [nzTitle]="t.label"><span class="text">{{ p[t.key] || '—' }}</span></nz-descriptions-item>
      }
    </nz-descriptions>
  `,
  styles: `
    .block { margin-top: 16px; }
    .text { white-space: pre-wrap; }
  `,
})
export class ProjectHeaderViewComponent {
  readonly project = input.required<Project>();
  readonly m = (v: string | null | undefined) => (v ? formatMoney(v) : '—');
  readonly totalSum = computed(() => sumMoney([this.project().funds.fiscal, this.project().funds.other]));
  readonly annualSum = computed(() =>
    sumMoney([this.project().funds.annualFiscal, this.project().funds.carryover, this.project().funds.annualOther]),
  );
  readonly texts = [
    { key: 'overview', label: '项目概况' },
    { key: 'basis', label: '立项依据' },
    { key: 'necessity', label: '项目设立的必要性' },
    { key: 'measures', label: '保证项目实施的制度、措施' },
    { key: 'plan', label: '项目实施计划' },
    { key: 'totalGoal', label: '项目总目标' },
    { key: 'annualGoal', label: '年度总体目标' },
  ] as const;
}
