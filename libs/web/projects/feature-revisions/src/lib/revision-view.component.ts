import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FUND_LABELS, INDICATOR_COLUMN_LABELS, PROJECT_FIELD_LABELS, YUAN_SUFFIX } from '@pt/domain';
import type { Project } from '@pt/shared/api-types';
import { statusLabel } from '@pt/web/projects/data-access';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTableModule } from 'ng-zorro-antd/table';
import { goalIndicators, goalText, viewRows } from './revision-diff';
import { formatMoney, PtDateTimePipe } from '@pt/web/shared/data-access';

/**
 * One revision of a project, read-only: the main header fields, the goals and both indicator tables
 * (年度 and 总目标) with merged 一级/二级 cells as in the published tables.
 *
 * Test ids: `revision-view`, `revision-annual-table`, `revision-overall-table`, `revision-row`.
 */
@Component({
  selector: 'pt-revision-view',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PtDateTimePipe, NgTemplateOutlet, NzDescriptionsModule, NzTableModule],
  template: `
    <div data-testid="revision-view">
      <nz-descriptions nzBordered nzSize="small" [nzColumn]="{ xxl: 3, xl: 3, lg: 2, md: 2, sm: 1, xs: 1 }">
        <nz-descriptions-item [nzTitle]="F.name" [nzSpan]="2">{{ project().name }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="F.year">{{ project().year }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="F.org">{{ project().orgName }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="F.nature">{{ project().nature || '—' }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="F.category">{{ project().category || '—' }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="F.startDate">{{ project().startDate || '—' }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="F.endDate">{{ project().endDate || '—' }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="状态">{{ status() }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="FUNDS.total + YUAN">{{ money(project().funds.total) || '—' }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="FUNDS.annualTotal + YUAN">{{ money(project().funds.annualTotal) || '—' }}</nz-descriptions-item>
        <nz-descriptions-item nzTitle="最后修改">{{ project().updatedAt | ptDateTime }}</nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="F.totalGoal" [nzSpan]="3"><span class="text">{{ overallText() || '—' }}</span></nz-descriptions-item>
        <nz-descriptions-item [nzTitle]="F.annualGoal" [nzSpan]="3"><span class="text">{{ annualText() || '—' }}</span></nz-descriptions-item>
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
                <th nzWidth="110px">{{ COL.level1 }}</th>
                <th nzWidth="130px">{{ COL.level2 }}</th>
                <th>{{ COL.name }}</th>
                <th nzWidth="170px">{{ COL.target }}</th>
                <th nzWidth="60px" nzAlign="center">核心</th>
                <th nzWidth="80px" nzAlign="right">{{ COL.weight }}</th>
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
  /** Labels from the domain's field catalogue. */
  readonly F = PROJECT_FIELD_LABELS;
  readonly FUNDS = FUND_LABELS;
  readonly COL = INDICATOR_COLUMN_LABELS;
  readonly YUAN = YUAN_SUFFIX;
  readonly project = input.required<Project>();

  readonly money = formatMoney;
  readonly status = computed(() => statusLabel(this.project().status));
  readonly annual = computed(() => viewRows(goalIndicators(this.project(), 'annual')));
  readonly overall = computed(() => viewRows(goalIndicators(this.project(), 'overall')));
  readonly annualText = computed(() => goalText(this.project(), 'annual'));
  readonly overallText = computed(() => goalText(this.project(), 'overall'));
}
