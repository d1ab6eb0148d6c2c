import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FUND_FIELDS, FUNDS_BLOCK_LABEL, PROJECT_FIELD_LABELS, YUAN_SUFFIX } from '@pt/domain';
import type { Project, Target } from '@pt/web/projects/data-access';
import type { TableFramework } from '@pt/web/projects/ui';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { KindHeaderViewComponent } from './kind-header-view.component';
import { TEXT_KEYS } from './project-form';
import { formatMoney, sumMoney } from '@pt/web/shared/data-access';

/** The declaration form's header, read-only (reviewers, and fillers once submitted); a 部门整体 or 政策 target's by its kind. */
@Component({
  selector: 'pt-project-header-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzDescriptionsModule, KindHeaderViewComponent],
  template: `
    @let p = project();
    @if (kindOf(p) !== 'project') {
      <pt-kind-header-view [target]="asTarget(p)" [framework]="framework()" />
    } @else {
    <nz-descriptions nzBordered nzSize="small" [nzColumn]="{ xxl: 3, xl: 3, lg: 2, md: 2, sm: 1, xs: 1 }" data-testid="header-view">
      <nz-descriptions-item [nzTitle]="F.name" [nzSpan]="3">{{ p.name }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.year">{{ p.year }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.department">{{ p.departmentName || '—' }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.org">{{ p.orgName }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.nature">{{ p.nature || '—' }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.category">{{ p.category || '—' }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.performanceType">{{ p.performanceType || '—' }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.startDate">{{ p.startDate || '—' }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.endDate">{{ p.endDate || '—' }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.governmentPurchase">{{ p.governmentPurchase === true ? '是' : p.governmentPurchase === false ? '否' : '—' }}</nz-descriptions-item>
    </nz-descriptions>
    <nz-descriptions class="block" nzBordered nzSize="small" [nzTitle]="FUNDS_TITLE" [nzColumn]="{ xxl: 2, xl: 2, lg: 2, md: 2, sm: 1, xs: 1 }" data-testid="funds-view">
      <nz-descriptions-item [nzTitle]="FUNDS.total.printed">{{ m(p.funds.total) }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="FUNDS.annualTotal.printed">{{ m(p.funds.annualTotal) }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="FUNDS.fiscal.printed">{{ m(p.funds.fiscal) }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="FUNDS.annualFiscal.printed">{{ m(p.funds.annualFiscal) }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="FUNDS.other.printed">{{ m(p.funds.other) }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="FUNDS.carryover.printed">{{ m(p.funds.carryover) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="分项合计">{{ m(totalSum()) }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="FUNDS.annualOther.name">{{ m(p.funds.annualOther) }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.lastYearBudget">{{ m(p.lastYearBudget) }}</nz-descriptions-item>
      <nz-descriptions-item nzTitle="年度分项合计">{{ m(annualSum()) }}</nz-descriptions-item>
      <nz-descriptions-item [nzTitle]="F.lastYearExecuted" [nzSpan]="2">{{ m(p.lastYearExecuted) }}</nz-descriptions-item>
    </nz-descriptions>
    <nz-descriptions class="block" nzBordered nzSize="small" nzTitle="项目情况与绩效目标" [nzColumn]="1" data-testid="texts-view">
      @for (t of texts; track t.key) {
        <nz-descriptions-item [nzTitle]="t.label"><span class="text">{{ p[t.key] || '—' }}</span></nz-descriptions-item>
      }
    </nz-descriptions>
    }
  `,
  styles: `
    .block { margin-top: 16px; }
    .text { white-space: pre-wrap; }
  `,
})
export class ProjectHeaderViewComponent {
  /** Labels from the domain's field catalogue. */
  readonly F = PROJECT_FIELD_LABELS;
  readonly FUNDS = FUND_FIELDS;
  readonly FUNDS_TITLE = FUNDS_BLOCK_LABEL + YUAN_SUFFIX;
  readonly project = input.required<Project | Target>();
  /** For a policy's 中期 table. */
  readonly framework = input<TableFramework | null>(null);
  readonly kindOf = (p: Project | Target) => ('kind' in p ? p.kind : 'project');
  readonly asTarget = (p: Project | Target) => p as Target;
  readonly m = (v: string | null | undefined) => (v ? formatMoney(v) : '—');
  readonly totalSum = computed(() => sumMoney([this.project().funds.fiscal, this.project().funds.other]));
  readonly annualSum = computed(() =>
    sumMoney([this.project().funds.annualFiscal, this.project().funds.carryover, this.project().funds.annualOther]),
  );
  readonly texts = TEXT_KEYS.map((key) => ({ key, label: this.F[key] }));
}
