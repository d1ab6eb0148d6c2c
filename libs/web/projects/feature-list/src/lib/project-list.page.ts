import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AuthStore } from '@pt/web/auth/data-access';
import { loadOn, LoadState, toApiFailure, yearFromLink } from '@pt/web/shared/data-access';
import { OrgSelectComponent, SearchInputComponent, serverPage, TextSelectComponent } from '@pt/web/shared/ui';
import { isFiller, NAME_SEARCH_COUNT_UP_TO, orgOptions, parseKind, ProjectsApi, STATUS_OPTIONS, TARGET_KIND_OPTIONS, visibleOrgs } from '@pt/web/projects/data-access';
import type { ProjectStatus, ProjectSummary, TargetKindKey } from '@pt/web/projects/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzTagModule } from 'ng-zorro-antd/tag';
import {
  extraQueryParams,
  filterTags,
  NO_EXTRA_FILTERS,
  parseExtraFilters,
  withoutFilter,
  withSelectedYear,
  yearOptions,
} from './list-helpers';
import type { ExtraFilters, FilterTagKey } from './list-helpers';
import { ProjectTableComponent } from './project-table.component';
import { ReviewBatchComponent } from '@pt/web/projects/ui';
import { inboxBatch } from '@pt/web/work/data-access';

type Mode = 'all' | 'inbox';

/**
 * 绩效目标申报 (every target of every kind the user may see) and 审核待办 (projects waiting for this reviewer):
 * filters by year, unit, status and a search box, server-side paging; the filters live in the URL.
 */
@Component({
  selector: 'pt-project-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    ProjectTableComponent,
    ReviewBatchComponent,
    NzTagModule,
    OrgSelectComponent,
    SearchInputComponent,
    TextSelectComponent,
  ],
  template: `
    <nz-card [nzTitle]="inbox() ? '审核待办' : '绩效目标申报'" [nzExtra]="extra">
      @if (inbox()) {
        <p class="lead" data-testid="inbox-lead">{{ inboxLead() }}</p>
      }
      <div class="filters">
        <pt-text-select class="f-year" clearable placeholder="全部年度" label="预算年度" testId="filter-year" [items]="yearItems()" [value]="year()?.toString() ?? null"
          (valueChange)="setFilter('year', $event)" />
        <pt-text-select class="f-kind" clearable placeholder="全部类型" label="目标类型" testId="filter-kind" [items]="kindOptions" [value]="kind()" (valueChange)="setFilter('kind', $event)" />
        <pt-org-select class="f-org" testId="filter-org" [options]="orgChoices()" [value]="orgId()" (valueChange)="setFilter('orgId', $event)" />
        @if (!inbox()) {
          <pt-text-select class="f-status" clearable placeholder="全部状态" label="状态" testId="filter-status" [items]="statusOptions" [value]="status()" (valueChange)="setFilter('status', $event)" />
        }
        <pt-search-input class="f-q" label="搜索" placeholder="搜索目标名称或单位" testId="filter-q" [value]="qDraft()" (valueChange)="qDraft.set($event)" (searched)="setFilter('q', qDraft())" />
      </div>
      @if (tags().length) {
        <div class="tags" data-testid="active-filters">
          <span class="tags-title">筛选条件：</span>
          @for (t of tags(); track t.key) {
            <nz-tag nzMode="closeable" [attr.data-testid]="'filter-tag-' + t.key" (nzOnClose)="$event.preventDefault(); clearFilter(t.key)">{{ t.label }}</nz-tag>
          }
          <button nz-button nzType="link" nzSize="small" type="button" data-testid="clear-filters" (click)="clearFilters()">清除</button>
        </div>
      }

      @if (error(); as e) {
        <nz-alert class="error" nzType="error" nzShowIcon [nzMessage]="e" [nzAction]="retryTpl" data-testid="list-error"></nz-alert>
        <ng-template #retryTpl><button nz-button nzSize="small" type="button" (click)="reload()">重试</button></ng-template>
      }

      @if (list.capped()) {
        <p class="capped" data-testid="count-capped-hint">
          <span nz-icon nzType="info-circle" nzTheme="outline"></span>
          {{ cappedHint() }}
        </p>
      }
      @if (inbox()) {
        <!-- 批量审核: select rows, approve or return them with one comment and review -->
        <pt-review-batch [count]="batch.count()" [busy]="batch.busy()" [outcomes]="batch.outcomes()" (run)="batch.run($event)" (clear)="batch.selected.set([])" (dismiss)="batch.outcomes.set([])" />
      }
      <pt-project-table
        [selectable]="inbox()"
        [(selected)]="batch.selected"
        [list]="list"
        [kind]="kind()"
        [loading]="state.loading()"
        [inbox]="inbox()"
      />
    </nz-card>
    <ng-template #extra>
      @if (canCreate()) {
        <a nz-button nzType="primary" routerLink="/projects/new" [queryParams]="kind() ? { kind: kind() } : {}" data-testid="new-project">
          <span nz-icon nzType="plus"></span>新建绩效目标
        </a>
      }
    </ng-template>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
    .f-year { width: 130px; }
    .f-kind { width: 170px; }
    .f-org { width: 300px; }
    .f-status { width: 140px; }
    .f-q { width: 280px; }
    .error { margin-bottom: 16px; }
    .lead { color: rgba(0, 0, 0, 0.55); margin-top: 0; }
    .tags { display: flex; flex-wrap: wrap; align-items: center; gap: 4px; margin: -4px 0 16px; }
    .tags-title { color: rgba(0, 0, 0, 0.55); }
    .capped { color: rgba(0, 0, 0, 0.55); margin: -4px 0 12px; }
  `,
})
export class ProjectListPage {
  /** From the route's data: `inbox` lists only what waits for this reviewer. */
  readonly mode = input<Mode>('all');

  private readonly api = inject(ProjectsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  private readonly yearChoices = yearOptions(new Date().getFullYear());
  readonly years = computed(() => withSelectedYear(this.yearChoices, this.year()));
  readonly yearItems = computed(() => this.years().map((y) => ({ value: String(y), label: `${y} 年` })));
  readonly statusOptions = STATUS_OPTIONS;
  readonly kindOptions = TARGET_KIND_OPTIONS;

  readonly inbox = computed(() => this.mode() === 'inbox');
  readonly canCreate = computed(() => !this.inbox() && isFiller(this.auth.user()));

  readonly year = signal<number | null>(null);
  readonly kind = signal<TargetKindKey | null>(null);
  readonly orgId = signal<string | null>(null);
  readonly status = signal<ProjectStatus | null>(null);
  readonly q = signal('');
  /** The dashboard's click-through filters (绩效目标申报 only). */
  readonly extra = signal<ExtraFilters>(NO_EXTRA_FILTERS);
  readonly tags = computed(() => (this.inbox() ? [] : filterTags(this.extra())));
  readonly qDraft = signal('');

  /** The page shown; paging writes the URL, and the query follows it. */
  readonly list = serverPage<ProjectSummary>(20, () => this.syncUrl());
  readonly state = new LoadState();
  readonly error = this.state.error;
  private readonly orgs = visibleOrgs(this.api);
  readonly orgChoices = computed(() => orgOptions(this.orgs()));
  readonly inboxLead = computed(() => {
    const roles = this.auth.user()?.roles ?? [];
    const what = roles.includes('finance_reviewer') ? '主管部门已审核、等待财政审核' : '已提交、等待主管部门审核';
    return `以下是${what}的项目，点击进入审核。`;
  });

  /** Where a name search's count stopped ("200 条以上"), and how to narrow it (审核待办 has no status filter). */
  readonly cappedHint = computed(
    () => `匹配较多，仅统计到 ${this.list.total()} 条；可加上单位${this.inbox() ? '' : '、状态'}筛选或更长的名称缩小范围`,
  );

  /** 审核待办's 批量审核 (the inbox only). */
  readonly batch = inboxBatch(() => this.list.items(), () => this.reload());

  constructor() {
    const qp = this.route.snapshot.queryParamMap;
    this.year.set(yearFromLink(qp.get('year')));
    this.kind.set(parseKind(qp.get('kind')));
    this.orgId.set(qp.get('orgId'));
    const st = qp.get('status');
    if (st && STATUS_OPTIONS.some((s) => s.value === st)) this.status.set(st as ProjectStatus);
    this.q.set(qp.get('q') ?? '');
    this.qDraft.set(this.q());
    this.extra.set(parseExtraFilters((k) => qp.get(k)));
    const page = Number(qp.get('page'));
    if (Number.isInteger(page) && page > 0) this.list.page.set(page);
    const size = Number(qp.get('pageSize'));
    if ([10, 20, 30, 40, 50].includes(size)) this.list.pageSize.set(size);

  }

  /** The list's query from the filters (the inbox has its own status); a change loads it again. */
  private readonly query = computed(() => ({
    kind: this.kind(),
    year: this.year(),
    orgId: this.orgId(),
    status: this.inbox() ? null : this.status(),
    q: this.q(),
    page: this.list.page(),
    pageSize: this.list.pageSize(),
    inbox: this.inbox(),
    ...(this.inbox() ? {} : this.extra()),
    // a name search counts up to 200 ("200 条以上", pages on); the other filters keep the exact count
    countUpTo: this.q() ? NAME_SEARCH_COUNT_UP_TO : null,
  }));
  readonly reload = loadOn(() => this.query(), (query) => this.load(query));

  setFilter(key: 'kind' | 'year' | 'orgId' | 'status' | 'q', value: unknown): void {
    if (key === 'kind') this.kind.set(parseKind(value as string | null));
    if (key === 'year') this.year.set(yearFromLink(value as string | null));
    if (key === 'orgId') this.orgId.set((value as string | null) ?? null);
    if (key === 'status') this.status.set((value as ProjectStatus | null) ?? null);
    if (key === 'q') {
      this.q.set(String(value ?? '').trim());
      this.qDraft.set(this.q());
    }
    this.list.page.set(1);
    this.syncUrl();
  }

  /** A filter tag was closed. */
  clearFilter(key: FilterTagKey): void {
    this.extra.set(withoutFilter(this.extra(), key));
    this.list.page.set(1);
    this.syncUrl();
  }

  clearFilters(): void {
    this.extra.set(NO_EXTRA_FILTERS);
    this.list.page.set(1);
    this.syncUrl();
  }

  private async load(query: Parameters<ProjectsApi['list']>[0]): Promise<void> {
    const res = await this.state.run(
      () => this.api.list(query),
      (e) => toApiFailure(e, '项目列表加载失败').message,
    );
    if (res) {
      this.list.show(res);
    } else if (this.state.error() !== null) {
      // this load failed (not one a newer load overtook): no stale rows under the error
      this.list.show(null);
    }
  }

  private syncUrl(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      replaceUrl: true,
      queryParams: {
        kind: this.kind() ?? undefined,
        year: this.year() ?? undefined,
        orgId: this.orgId() ?? undefined,
        status: this.inbox() ? undefined : (this.status() ?? undefined),
        q: this.q() || undefined,
        page: this.list.page() > 1 ? this.list.page() : undefined,
        pageSize: this.list.pageSize() !== 20 ? this.list.pageSize() : undefined,
        ...(this.inbox() ? {} : extraQueryParams(this.extra())),
      },
    });
  }
}
