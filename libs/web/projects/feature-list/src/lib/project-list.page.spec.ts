import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { withComponentInputBinding } from '@angular/router';
import { AuthStore } from '@pt/web/auth/data-access';
import { ProjectsApi } from '@pt/web/projects/data-access';
import type { ProjectListQuery, ProjectSummary } from '@pt/web/projects/data-access';
import { openRoute as open, pageTestProviders, settleRoute } from '@pt/web/shared/data-access/testing';
import { PROJECT_LIST_ROUTES } from './project-list.routes';

function summary(over: Partial<ProjectSummary>): ProjectSummary {
  return {
    id: 'p1',
    year: 2024,
    name: '项目甲',
    orgId: 'o1',
    orgName: '单位甲',
    departmentName: null,
    frameworkCode: 'mof-2021',
    status: 'approved',
    version: 1,
    revision: 1,
    annualTotal: '100000.00',
    indicatorCount: 5,
    updatedAt: '2024-06-01T00:00:00.000Z',
    evaluation: null,
    light: null,
    ...over,
  };
}

/** The list page's route and a finance reviewer, with `list` answering the API's list requests. */
function configureList(list: (q: ProjectListQuery) => Promise<unknown>): void {
  TestBed.configureTestingModule({
    providers: [
      ...pageTestProviders([{ path: 'projects', children: PROJECT_LIST_ROUTES }], withComponentInputBinding()),
      { provide: AuthStore, useValue: { user: signal({ roles: ['finance_reviewer'] }), token: signal('t') } },
      { provide: ProjectsApi, useValue: { orgs: () => Promise.resolve([]), list } },
    ],
  });
}

describe('ProjectListPage: the dashboard filters', () => {
  let queries: ProjectListQuery[];

  beforeEach(() => {
    queries = [];
    configureList((q) => {
      queries.push(q);
      return Promise.resolve({
        items: [
          summary({ id: 'p1', evaluation: { status: 'approved', totalScore: '86.50', grade: '良' }, light: 'red' }),
          { ...summary({ id: 'p2', name: '单位乙' }), kind: 'department' },
        ],
        total: 2,
        page: 1,
        pageSize: 20,
      });
    });
  });

  it('passes the URL filters to the API and shows them as tags', async () => {
    const { root } = await open('/projects?year=2024&grade=良&scoreMin=60&scoreMax=70&light=red&evaluationStatus=approved');
    expect(queries.at(-1)).toMatchObject({ year: 2024, grade: '良', scoreMin: 60, scoreMax: 70, light: 'red', evaluationStatus: 'approved', page: 1 });
    const tags = [...root.querySelectorAll('[data-testid^="filter-tag-"]')].map((t) => t.textContent?.trim());
    expect(tags).toEqual(['等级: 良', '得分 60–70', '红灯', '自评状态: 已批复']);
  });

  it('shows the score, grade and light of each project', async () => {
    const { root } = await open('/projects?year=2024');
    const rows = [...root.querySelectorAll('[data-testid="project-row"]')];
    expect(rows).toHaveLength(2);
    const cell = (row: Element, id: string) => row.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
    expect(cell(rows[0], 'project-score')).toBe('86.50');
    expect(cell(rows[0], 'project-grade')).toBe('良');
    expect(rows[0].querySelector('[data-testid="project-light"] .dot')?.getAttribute('data-light')).toBe('red');
    expect(cell(rows[1], 'project-score')).toBe('—');
    expect(cell(rows[1], 'project-light')).toBe('—');
    expect(root.querySelector('[data-testid="active-filters"]')).toBeNull();
  });

  it('closing a tag drops the filter from the query and the URL', async () => {
    const { harness, root, router } = await open('/projects?year=2024&grade=良&scoreMin=90&scoreMax=101');
    const close = root.querySelector('[data-testid="filter-tag-score"] .anticon-close') as HTMLElement;
    expect(close).not.toBeNull();
    close.click();
    await settleRoute(harness);
    expect(decodeURIComponent(router.url)).toBe('/projects?year=2024&grade=良');
    expect(queries.at(-1)).toMatchObject({ year: 2024, grade: '良', scoreMin: null, scoreMax: null });
    expect([...root.querySelectorAll('[data-testid^="filter-tag-"]')].map((t) => t.textContent?.trim())).toEqual(['等级: 良']);
  });

  it('filters by kind from the link and names the kind of each row', async () => {
    const { root, router } = await open('/projects?kind=department&year=2024');
    expect(queries.at(-1)).toMatchObject({ kind: 'department', year: 2024 });
    const kinds = [...root.querySelectorAll('[data-testid="project-kind"]')].map((t) => t.textContent?.trim());
    expect(kinds).toEqual(['项目', '部门（单位）整体']);
    expect(router.url).toContain('kind=department');
  });

  it('drops an unknown kind from a link', async () => {
    await open('/projects?kind=bogus');
    expect(queries.at(-1)).toMatchObject({ kind: null });
  });

  it('an older year from a dashboard link is offered in the year select', async () => {
    const { harness } = await open('/projects?year=2020');
    const page = harness.routeDebugElement?.componentInstance as { years: () => number[] };
    expect(page.years()).toContain(2020);
    expect(queries.at(-1)).toMatchObject({ year: 2020, grade: null, light: null });
  });
});

describe('ProjectListPage: a name search counts up to 200', () => {
  let queries: ProjectListQuery[];

  beforeEach(() => {
    queries = [];
    configureList((q) => {
      queries.push(q);
      const page = q.page ?? 1;
      const items = Array.from({ length: 20 }, (_, i) => summary({ id: `p${page}-${i}`, name: `信息化项目 ${page}-${i}` }));
      // a search answers as the API does beyond its cap; without one, an exact total
      return Promise.resolve(q.q ? { items, total: 200, totalCapped: true, page, pageSize: 20 } : { items, total: 45, page, pageSize: 20 });
    });
  });

  const totalText = (root: HTMLElement) => root.querySelector('[data-testid="project-table"] .ant-pagination-total-text')?.textContent?.trim();

  it('sends countUpTo=200 with a search only, and shows "200 … 以上" with the hint', async () => {
    const { root } = await open('/projects?year=2025&q=信息化');
    expect(queries.at(-1)).toMatchObject({ year: 2025, q: '信息化', countUpTo: 200 });
    expect(totalText(root)).toBe('200 个绩效目标以上');
    expect(root.querySelector('[data-testid="count-capped-hint"]')?.textContent?.trim()).toBe('匹配较多，仅统计到 200 条；可加上单位、状态筛选或更长的名称缩小范围');
  });

  it('the pager reaches past the cap: page 10 full offers page 11', async () => {
    const { root } = await open('/projects?year=2025&q=信息化&page=10');
    expect(queries.at(-1)).toMatchObject({ page: 10, countUpTo: 200 });
    expect(root.querySelector('.ant-pagination-item[title="11"]')).not.toBeNull();
    expect(root.querySelector('.ant-pagination-next')?.classList).not.toContain('ant-pagination-disabled');
  });

  it('without a search: no countUpTo, the exact total, no hint', async () => {
    const { root } = await open('/projects?year=2025');
    expect(queries.at(-1)).toMatchObject({ year: 2025, countUpTo: null });
    expect(totalText(root)).toBe('共 45 个绩效目标');
    expect(root.querySelector('[data-testid="count-capped-hint"]')).toBeNull();
  });
});
