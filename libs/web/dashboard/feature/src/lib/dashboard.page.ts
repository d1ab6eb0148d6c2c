import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  countedNoun,
  DashboardApi,
  dashboardYears,
  evaluatedCount,
  evaluatedLink,
  evaluationStatusLink,
  gradesChart,
  inStatusOrder,
  kindLink,
  lightLink,
  projectsLink,
  rankingChart,
  redProjectRows,
  scoresChart,
  statusChart,
} from '@pt/web/dashboard/data-access';
import type { ChartItem, Dashboard, DashboardFilter, DashboardLink } from '@pt/web/dashboard/data-access';
import { kindLabel, orgOptions, parseKind, ProjectsApi, statusLabel, TARGET_KIND_OPTIONS, visibleOrgs, type TargetKindKey } from '@pt/web/projects/data-access';
import { loadOn, loadState, toApiFailure, YearOrgFilter } from '@pt/web/shared/data-access';
import { KIND_FORM_LABELS } from '@pt/domain';
import { LoadErrorComponent, YearOrgFilterComponent } from '@pt/web/shared/ui';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { FormsModule } from '@angular/forms';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { EchartComponent } from './echart.component';
import { StatCardComponent } from './stat-card.component';


/**
 * 统计分析: the figures of the visible targets of a year (optionally under one organisation, optionally of one kind:
 * 项目 / 部门（单位）整体 / 政策, every card, chart and link following it) — cards,
 * four charts with a plain table of the same numbers under each, and the red-light projects. Every figure
 * opens the list filtered to the targets behind it. Year, organisation and kind live in the URL.
 */
@Component({
  selector: 'pt-dashboard-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    NgTemplateOutlet,
    RouterLink,
    NzCardModule,
    NzGridModule,
    NzSelectModule,
    FormsModule,
    NzSpinModule,
    NzTableModule,
    EchartComponent,
    StatCardComponent,
    LoadErrorComponent,
    YearOrgFilterComponent,
  ],
  template: `
    <nz-card nzTitle="统计分析" [nzExtra]="filters" class="top">
      <p class="lead">
        统计范围：{{ year() }} 年度{{ orgName() ? '，' + orgName() + '及下属单位' : '，本单位可见' }}的{{ kind() ? kindName() + '绩效目标' : '全部绩效目标（项目、部门（单位）整体、政策）' }}。点击任一数字或图形，可查看对应的{{ noun() }}。
      </p>
      <pt-load-error [error]="error()" testId="dash-error" (retried)="reload()" />
    </nz-card>
    <ng-template #filters>
      <div class="filters">
        <pt-year-org-filter testIdPrefix="dash-" [filter]="filter" [orgs]="orgChoices()" />
        <nz-select class="f-kind" nzAllowClear nzPlaceHolder="全部类型" [ngModel]="kind()" (ngModelChange)="setKind($event)" aria-label="目标类型" data-testid="dash-kind">
          @for (k of kindOptions; track k.value) {
            <nz-option [nzValue]="k.value" [nzLabel]="k.label" />
          }
        </nz-select>
      </div>
    </ng-template>

    <nz-spin [nzSpinning]="loading()" nzTip="正在统计…">
      @if (data(); as d) {
        <div nz-row [nzGutter]="[16, 16]" class="cards" data-testid="dash-cards">
          <pt-stat-card nz-col [nzXs]="12" [nzLg]="6" heading="绩效目标数">
            <a class="stat-num" data-testid="dash-project-count" [routerLink]="links().projects.commands" [queryParams]="links().projects.queryParams">{{ d.projectCount }}</a>
            <div class="stat-sub" data-testid="dash-kind-counts">
              @for (k of kindCounts(); track k.kind; let last = $last) {
                {{ k.label }}
                <a [attr.data-testid]="'kind-count-' + k.kind" [routerLink]="k.link.commands" [queryParams]="k.link.queryParams">{{ k.count }}</a>{{ last ? '' : ' · ' }}
              } @empty {
                {{ d.year }} 年度申报的绩效目标
              }
            </div>
          </pt-stat-card>
          <pt-stat-card nz-col [nzXs]="12" [nzLg]="6" heading="已自评">
            <a class="stat-num" data-testid="dash-evaluated-count" [routerLink]="links().evaluated.commands" [queryParams]="links().evaluated.queryParams">{{ evaluated() }}</a>
            <div class="stat-sub">
              @for (s of evaluationStatuses(); track s.status) {
                <span class="sub-item">
                  {{ s.label }}
                  <a [attr.data-testid]="'eval-status-count-' + s.status" [routerLink]="s.link.commands" [queryParams]="s.link.queryParams">{{ s.count }}</a>
                </span>
              } @empty {
                尚无保存的自评
              }
            </div>
          </pt-stat-card>
          <pt-stat-card nz-col [nzXs]="12" [nzLg]="6" heading="平均分">
            @if (average(); as avg) {
              <a class="stat-num" data-testid="dash-average-score" [routerLink]="links().evaluated.commands" [queryParams]="links().evaluated.queryParams">{{ avg }}</a>
            } @else {
              <span class="stat-num none" data-testid="dash-average-score">—</span>
            }
            <div class="stat-sub">已保存自评的总分平均</div>
          </pt-stat-card>
          <pt-stat-card nz-col [nzXs]="12" [nzLg]="6" [heading]="'红灯' + noun() + '数'">
            <a class="stat-num red" data-testid="dash-red-count" [routerLink]="links().red.commands" [queryParams]="links().red.queryParams">{{ d.redCount }}</a>
            <div class="stat-sub">最近一次运行监控为红灯</div>
          </pt-stat-card>
        </div>

        <div nz-row [nzGutter]="[16, 16]">
          @for (c of countCharts(); track c.testId) {
            <div nz-col [nzXs]="24" [nzLg]="12">
              <nz-card [nzTitle]="c.title" class="chart-card">
                <pt-echart [attr.data-testid]="c.testId" [option]="c.spec.option" (itemClick)="open(c.spec.items[$event])" />
                <ng-container *ngTemplateOutlet="figures; context: { $implicit: c.spec.items, caption: c.caption, prefix: c.prefix }" />
              </nz-card>
            </div>
          }
          <div nz-col [nzXs]="24" [nzLg]="12">
            <nz-card nzTitle="单位平均分排名" class="chart-card">
              @if (d.unitCount > d.unitRanking.length) {
                <p class="cut" data-testid="ranking-cut">前 {{ d.unitRanking.length }} 名（共 {{ d.unitCount }} 个单位有已保存的自评）</p>
              }
              <pt-echart data-testid="chart-ranking" [option]="rankingSpec().option" [height]="rankingHeight()" (itemClick)="open(rankingSpec().items[$event])" />
              <table class="figures" data-testid="ranking-table">
                <caption>单位平均分排名</caption>
                <thead>
                  <tr><th scope="col">名次</th><th scope="col">单位</th><th scope="col">平均分</th><th scope="col">自评{{ noun() }}数</th></tr>
                </thead>
                <tbody>
                  @for (u of rankingSpec().items; track u.key; let i = $index) {
                    <tr>
                      <td>{{ i + 1 }}</td>
                      <th scope="row" class="unit">{{ u.label }}</th>
                      <td><a [attr.data-testid]="'ranking-score-' + u.key" [routerLink]="u.link.commands" [queryParams]="u.link.queryParams">{{ u.display }}</a></td>
                      <td><a [attr.data-testid]="'ranking-count-' + u.key" [routerLink]="u.link.commands" [queryParams]="u.link.queryParams">{{ u.count }}</a></td>
                    </tr>
                  } @empty {
                    <tr><td colspan="4" class="empty">暂无已保存的自评</td></tr>
                  }
                </tbody>
              </table>
            </nz-card>
          </div>
          <div nz-col [nzXs]="24">
            <nz-card [nzTitle]="'红灯' + noun()" class="chart-card">
              @if (d.redCount > d.redProjects.length) {
                <p class="cut" data-testid="red-cut">
                  共 {{ d.redCount }} 个，这里列出最近变动的 {{ d.redProjects.length }} 个；
                  <a [routerLink]="links().red.commands" [queryParams]="links().red.queryParams">查看全部</a>
                </p>
              }
              <nz-table
                #red
                nzSize="small"
                [nzData]="redRows()"
                [nzShowPagination]="redRows().length > 10"
                [nzPageSize]="10"
                [nzNoResult]="'暂无红灯' + noun()"
                data-testid="red-projects"
              >
                <thead>
                  <tr><th>{{ kind() ? nameLabel() : '名称' }}</th><th>实施单位</th><th nzWidth="120px">监控月份</th></tr>
                </thead>
                <tbody>
                  @for (r of red.data; track r.id) {
                    <tr data-testid="red-project-row">
                      <td><a [routerLink]="r.link.commands" [attr.data-testid]="'red-project-' + r.id">{{ r.name }}</a></td>
                      <td>{{ r.orgName }}</td>
                      <td>{{ r.month }}</td>
                    </tr>
                  }
                </tbody>
              </nz-table>
            </nz-card>
          </div>
        </div>
      } @else if (!error()) {
        <div class="placeholder"></div>
      }
    </nz-spin>

    <ng-template #figures let-items let-caption="caption" let-prefix="prefix">
      <table class="figures">
        <caption>{{ caption }}</caption>
        @if (items.length) {
          <thead>
            <tr>
              @for (i of items; track i.key) {
                <th scope="col">{{ i.label }}</th>
              }
            </tr>
          </thead>
          <tbody>
            <tr>
              @for (i of items; track i.key) {
                <td><a [attr.data-testid]="prefix + i.key" [routerLink]="i.link.commands" [queryParams]="i.link.queryParams">{{ i.display }}</a></td>
              }
            </tr>
          </tbody>
        } @else {
          <tbody><tr><td class="empty">暂无数据</td></tr></tbody>
        }
      </table>
    </ng-template>
  `,
  styles: `
    .top { margin-bottom: 16px; }
    .lead { color: rgba(0, 0, 0, 0.55); margin: 0; }
    .filters { display: flex; gap: 8px; }
    .f-kind { width: 170px; }
    .cards { margin-bottom: 16px; }
    .stat-num { display: inline-block; font-size: 30px; font-weight: 600; line-height: 1.4; }
    .stat-num.red { color: #cf1322; }
    .stat-num.none { color: rgba(0, 0, 0, 0.35); }
    .stat-sub { color: rgba(0, 0, 0, 0.45); font-size: 12px; min-height: 20px; }
    .cut { color: rgba(0, 0, 0, 0.45); font-size: 12px; margin: 0 0 8px; }
    .sub-item { margin-right: 8px; }
    .chart-card { height: 100%; }
    .figures { width: 100%; margin-top: 8px; border-collapse: collapse; font-size: 13px; }
    .figures caption { caption-side: top; text-align: left; color: rgba(0, 0, 0, 0.45); padding-bottom: 4px; }
    .figures th, .figures td { border: 1px solid #f0f0f0; padding: 4px 8px; text-align: center; font-weight: normal; }
    .figures thead th { background: #fafafa; }
    .figures .unit { text-align: left; }
    .figures thead th, .figures td { white-space: nowrap; }
    .figures .empty { color: rgba(0, 0, 0, 0.45); }
    .placeholder { min-height: 240px; }
  `,
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly projects = inject(ProjectsApi);
  private readonly router = inject(Router);

  /** The kind counted (none: every kind), in the URL with the year and organisation (`?kind=policy`). */
  readonly kind = signal<TargetKindKey | null>(parseKind(inject(ActivatedRoute).snapshot.queryParamMap.get('kind')));
  protected readonly kindOptions = TARGET_KIND_OPTIONS;
  /** Year and organisation, in the URL: a year named by the link, else the newest with data when this year has none. */
  readonly filter = new YearOrgFilter(dashboardYears(new Date().getFullYear()), () => this.projects.years(), () => ({ kind: this.kind() ?? undefined }));
  readonly year = this.filter.year;
  readonly orgId = this.filter.orgId;

  readonly data = signal<Dashboard | null>(null);
  private readonly stats = loadState();
  readonly loading = this.stats.loading;
  readonly error = this.stats.error;
  private readonly orgs = visibleOrgs(this.projects);
  readonly orgChoices = computed(() => orgOptions(this.orgs()));
  readonly orgName = computed(() => {
    const id = this.orgId();
    return id ? (this.orgs().find((o) => o.id === id)?.name ?? '') : '';
  });

  /** The kind of the figures shown (what they were asked for). */
  private readonly shownKind = signal<TargetKindKey | null>(this.kind());
  /** The filter of the figures shown (what the server answered for), so links match the numbers. */
  private readonly shown = computed<DashboardFilter>(() => {
    const d = this.data();
    const kind = this.shownKind();
    const f: DashboardFilter = d ? { year: d.year, orgId: d.orgId } : { year: this.year(), orgId: this.orgId() };
    return kind ? { ...f, kind } : f;
  });
  /** What the figures count: 绩效目标, 项目, 部门（单位）整体目标, 政策目标. */
  readonly noun = computed(() => countedNoun(this.shownKind()));
  readonly kindName = computed(() => kindLabel(this.kind()));
  /** The red table's name column: the kind's own label (项目名称, 部门（单位）名称, 政策名称). */
  readonly nameLabel = computed(() => KIND_FORM_LABELS[this.shownKind() ?? 'project'].name);
  readonly links = computed(() => {
    const f = this.shown();
    return { projects: projectsLink(f), evaluated: evaluatedLink(f), red: lightLink(f, 'red') };
  });
  readonly evaluated = computed(() => evaluatedCount(this.data() ?? { grades: [] }));
  readonly average = computed(() => this.data()?.averageScore ?? null);
  readonly evaluationStatuses = computed(() =>
    inStatusOrder(this.data()?.evaluationsByStatus ?? []).map((s) => ({ ...s, label: statusLabel(s.status), link: evaluationStatusLink(this.shown(), s.status) })),
  );

  private readonly empty: Dashboard = {
    year: 0,
    orgId: null,
    projectCount: 0,
    byKind: [],
    byStatus: [],
    evaluationsByStatus: [],
    grades: [],
    scoreBands: [],
    redCount: 0,
    redProjects: [],
    averageScore: null,
    unitCount: 0,
    unitRanking: [],
  };
  readonly statusSpec = computed(() => statusChart(this.data() ?? this.empty, this.shown()));
  readonly gradesSpec = computed(() => gradesChart(this.data() ?? this.empty, this.shown()));
  readonly scoresSpec = computed(() => scoresChart(this.data() ?? this.empty, this.shown()));
  readonly rankingSpec = computed(() => rankingChart(this.data() ?? this.empty, this.shown()));
  /** The charts of counts, each with a table of the same numbers (test ids of the counts: prefix + key). */
  readonly countCharts = computed(() => [
    { title: `${this.noun()}状态`, testId: 'chart-status', spec: this.statusSpec(), caption: `${this.noun()}状态（个）`, prefix: 'status-count-' },
    { title: '自评等级', testId: 'chart-grades', spec: this.gradesSpec(), caption: '自评等级（个）', prefix: 'grade-count-' },
    { title: '得分分布', testId: 'chart-scores', spec: this.scoresSpec(), caption: '自评得分分布（个）', prefix: 'score-count-' },
  ]);
  readonly rankingHeight = computed(() => `${Math.max(200, 48 + 36 * this.rankingSpec().items.length)}px`);
  readonly redRows = computed(() => redProjectRows(this.data() ?? this.empty));

  /** 项目 / 部门（单位）整体 / 政策: the API's split of the total, each a link to the list of that kind. */
  readonly kindCounts = computed(() =>
    (this.data()?.byKind ?? []).map((k) => ({ kind: k.kind, label: kindLabel(k.kind), count: k.count, link: kindLink(this.shown(), k.kind) })),
  );

  /** What GET /api/dashboard is asked: the year, the organisation and, when chosen, the kind. */
  private readonly query = computed<DashboardFilter>(() => {
    const f = this.filter.value();
    const kind = this.kind();
    return kind ? { ...f, kind } : f;
  });
  readonly reload = loadOn(() => this.query(), (f) => this.load(f));

  setKind(kind: TargetKindKey | null): void {
    this.kind.set(kind ?? null);
    this.filter.syncUrl();
  }

  /** A chart's data point was clicked. */
  open(item: ChartItem | undefined): void {
    if (item) this.go(item.link);
  }

  go(link: DashboardLink): void {
    void this.router.navigate(link.commands, { queryParams: link.queryParams });
  }

  private async load(f: DashboardFilter): Promise<void> {
    const d = await this.stats.run(() => this.api.get(f), (e) => toApiFailure(e, '统计数据加载失败', { 404: '统计数据不存在或您无权查看' }).message);
    if (d) {
      this.shownKind.set(f.kind ?? null);
      this.data.set(d);
    } else if (this.stats.error()) this.data.set(null);
  }
}
