import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MONITORING_FIELD_LABELS, PROJECT_FIELD_LABELS } from '@pt/domain';
import type { MonitoringLight } from '@pt/domain';
import { LIGHT_ORDER, lightLabel, MonitoringApi, toEvaluationFailure } from '@pt/web/evaluation/data-access';
import type { MonitoringOverviewRow } from '@pt/web/evaluation/data-access';
import { orgOptions, ProjectsApi, visibleOrgs } from '@pt/web/projects/data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LightComponent } from './light.component';
import { countByLight, overviewYears, sortOverview } from './monitoring-overview';
import { loadOn, LoadState, YearOrgFilter } from '@pt/web/shared/data-access';
import { LoadErrorComponent, YearOrgFilterComponent } from '@pt/web/shared/ui';

/**
 * 运行监控 overview (department view): the approved projects of a year visible to the user, under a
 * unit if one is chosen, with their latest monitoring light, the budget light and execution rate, and
 * the indicator rows per light; counts per light on top; a row opens the project's monitoring page.
 * The filters live in the URL (`?year=&orgId=`).
 *
 * Test ids: `overview-year`, `overview-org`, `overview-count-<light>`, `overview-table`, `overview-row`,
 * `overview-light`, `overview-error`.
 */
@Component({
  selector: 'pt-monitoring-overview-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzCardModule, NzTableModule, LightComponent, LoadErrorComponent, YearOrgFilterComponent],
  template: `
    <nz-card nzTitle="运行监控">
      <p class="lead">已批复项目的绩效运行监控情况：每个项目取最近一次填报月份的灯（各指标和预算执行中最差的灯）。点击项目进入其运行监控页填报或查看。</p>
      <div class="filters">
        <pt-year-org-filter yearLabel="预算年度" testIdPrefix="overview-" [filter]="filter" [orgs]="orgChoices()" />
      </div>

      <div class="counts" data-testid="overview-counts">
        <span class="counts-title">共 {{ rows().length }} 个项目：</span>
        @for (l of lightOrder; track l) {
          <span class="count" [attr.data-testid]="'overview-count-' + l">
            <pt-light [light]="l" />
            <strong>{{ counts()[l] }}</strong>
          </span>
        }
      </div>

      <pt-load-error class="error" [error]="error()" testId="overview-error" (retried)="load()" />

      <nz-table
        nzSize="middle"
        [nzData]="rows()"
        [nzLoading]="loading()"
        [nzPageSize]="20"
        [nzHideOnSinglePage]="true"
        [nzNoResult]="'该年度没有已批复的项目'"
        data-testid="overview-table"
        #table
      >
        <thead>
          <tr>
            <th>{{ F.name }}</th>
            <th nzWidth="240px">{{ F.org }}</th>
            <th nzWidth="90px">{{ M.month }}</th>
            <th nzWidth="100px">项目</th>
            <th nzWidth="150px">{{ M.budgetLight }}</th>
            <th nzWidth="300px">指标（按灯计数）</th>
          </tr>
        </thead>
        <tbody>
          @for (r of table.data; track r.projectId) {
            <tr data-testid="overview-row" [attr.data-light]="r.light">
              <td>
                <a [routerLink]="['/projects', r.projectId, 'monitoring']" data-testid="overview-link">{{ r.name }}</a>
              </td>
              <td>{{ r.orgName }}</td>
              <td>{{ r.month ? '1–' + r.month + ' 月' : '未填报' }}</td>
              <td><pt-light [light]="r.light" data-testid="overview-light" /></td>
              <td>
                <pt-light [light]="r.budgetLight" [showLabel]="false" [title]="'预算执行' + label(r.budgetLight)" />
                <span class="rate">{{ r.executionRate !== null ? '执行率 ' + r.executionRate + '%' : '—' }}</span>
              </td>
              <td class="row-counts">
                @for (l of lightOrder; track l) {
                  @if (r.counts[l]) {
                    <span><pt-light [light]="l" [showLabel]="false" [title]="label(l)" /> {{ label(l) }} {{ r.counts[l] }}</span>
                  }
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
  styles: `
    .lead { color: rgba(0, 0, 0, 0.55); margin-top: 0; }
    .filters { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; --year-width: 130px; --org-width: 320px; }
    .counts { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; margin-bottom: 16px; }
    .counts-title { color: rgba(0, 0, 0, 0.65); }
    .count { display: inline-flex; gap: 6px; align-items: center; }
    .error { margin-bottom: 16px; }
    .rate { margin-left: 8px; }
    .row-counts span { margin-right: 12px; white-space: nowrap; }
  `,
})
export class MonitoringOverviewPage {
  /** Labels from the domain's field catalogue. */
  readonly F = PROJECT_FIELD_LABELS;
  readonly M = MONITORING_FIELD_LABELS;
  private readonly api = inject(MonitoringApi);
  private readonly projects = inject(ProjectsApi);

  readonly lightOrder = LIGHT_ORDER;
  readonly label = (l: MonitoringLight) => lightLabel(l);

  /** Year and organisation, in the URL; without a year in the link, the newest year that has projects when this year has none. */
  readonly filter = new YearOrgFilter(overviewYears(new Date().getFullYear()), () => this.projects.years());
  readonly year = this.filter.year;
  readonly orgId = this.filter.orgId;
  private readonly orgs = visibleOrgs(this.projects);
  readonly orgChoices = computed(() => orgOptions(this.orgs()));

  readonly rows = signal<MonitoringOverviewRow[]>([]);
  readonly counts = computed(() => countByLight(this.rows()));
  /** The overview's load: a newer filter's answer wins over an older one still on its way. */
  private readonly state = new LoadState();
  readonly loading = this.state.loading;
  readonly error = this.state.error;

  constructor() {
    loadOn(() => this.filter.value(), () => this.load());
  }

  async load(): Promise<void> {
    const rows = await this.state.run(
      () => this.api.overview(this.year(), this.orgId()),
      (e) => toEvaluationFailure(e, '运行监控加载失败').message,
    );
    if (rows) this.rows.set(sortOverview(rows));
    else if (this.error() !== null) this.rows.set([]);
  }
}
