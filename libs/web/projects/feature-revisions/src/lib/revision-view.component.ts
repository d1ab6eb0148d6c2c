import { DatePipe, NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Project } from '@pt/shared/api-types';
import { formatMoney, statusLabel } from '@pt/web/projects/data-access';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTableModule } from 'ng-zorro-antd/table';
import { goalIndicators, goalText, viewRows } from './revision-diff';

/**
 * One revision of a project, read-only: the main header fields, the goals and both indicator tables
 * (年度 and 总目标) with merged 一级/二级 cells as in the published tables.
 *
 * Test ids: `revision-view`, `revision-annual-table`, `revision-overall-table`, `revision-row`.
 */
@Component({
  selector: 'pt-revision-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DatePipe, NgTemplateOutlet, NzDescriptionsModule, NzTableModule],
  template: `
    <div data-testid="revision-view">
      <nz-descriptions nzBordered nzSize="small" [nzColumn]="{ xxl: 3, xl: 3, lg: 2, md: 2, sm: 1, xs: 1 }">
        <nz-descriptions-item nzTitle="项目名称" [nzSpan]="2">{{ project().name }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="预算年度">{{ project().year }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="实施单位">{{ project().orgName }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="项目性质">{{ project().nature || '—' }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="项目类别">{{ project().category || '—' }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="计划开始日期">{{ project().startDate || '—' }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="计划完成日期">{{ project().endDate || '—' }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="状态">{{ status() }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="项目资金总额（元）">{{ money(project().funds.total) || '—' }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="年度资金申请总额（元）">{{ money(project().funds.annualTotal) || '—' }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="最后修改">{{ project().updatedAt | date: 'yyyy-MM-dd HH:mm' }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="项目总目标" [nzSpan]="3"><span class="text">{{ overallText() || '—' }}</span></nz-descriptions-item>
        <nz-descriptions-item nzTitle="年度总体目标" [nzSpan]="3"><span class="text">{{ annualText() || '—' }}</span></nz-descriptions-item>
      </nz-descriptions>

      <h4 class="title">年度绩效指标（{{ project().year }} 年，{{ annual().length }} 条）</h4>
      <ng-container *ngTemplateOutlet="table; context: { $implicit: annual(), id: 'revision-annual-table', empty: '该版本没有年度指标' }" />
      @if (overall().length > 0) {
        <h4 class="title">项目总目标指标（{{ overall().length }} 条）</h4>
        <ng-container *ngTemplateOutlet="table; context: { $implicit: overall(), id: 'revision-overall-table', empty: '' }" />
      }

      <ng-template #table let-rows let-id="id" let-empty="empty">
        @if (rows.length === 0) {
          <p class="empty">{{ empty }}</p>
        } @else {
          <nz-table nzTemplateMode nzSize="small" nzBordered [attr.data-testid]="id">
            <thead>
              <tr>
                <th nzWidth="50px">序号</th>
                <th nzWidth="110px">一级指标</th>
                <th nzWidth="130px">二级指标</th>
                <th>三级指标</th>
                <th nzWidth="170px">指标值</th>
                <th nzWidth="60px" nzAlign="center">核心</th>
                <th nzWidth="80px" nzAlign="right">分值</th>
              </tr>
            </thead>
            <tbody>
              @for (r of rows; track r.n) {
                <tr data-testid="revision-row">
                  <td>{{ r.n }}</td>
                  @if (r.level1Span > 0) {
                    <td [attr.rowspan]="r.level1Span">{{ r.level1 }}</td>
                  }
                  @if (r.level2Span > 0) {
                    <td [attr.rowspan]="r.level2Span">{{ r.level2 }}</td>
                  }
                  <td>{{ r.name }}</td>
                  <td>{{ r.target }}</td>
                  <td align="center">{{ r.core ? '★' : '' }}</td>
                  <td align="right">{{ r.weight }}</td>
                </tr>
              }
            </tbody>
          </nz-table>
        }
      </ng-template>
    </div>
  `,
  styles: `
    .title { margin: 16px 0 8px; }
    .empty { color: rgba(0, 0, 0, 0.45); }
    .text { white-space: pre-wrap; }
  `,
})
export class RevisionViewComponent {
  readonly project = input.required<Project>();

  readonly money = formatMoney;
  readonly status = computed(() => statusLabel(this.project().status));
  readonly annual = computed(() => viewRows(goalIndicators(this.project(), 'annual')));
  readonly overall = computed(() => viewRows(goalIndicators(this.project(), 'overall')));
  readonly annualText = computed(() => goalText(this.project(), 'annual'));
  readonly overallText = computed(() => goalText(this.project(), 'overall'));
}
