import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Dashboard } from '@pt/shared/api-types';
import { DashboardApi } from '@pt/web/dashboard/data-access';
import { dashboardFixture } from '@pt/web/dashboard/data-access/testing';
import { ProjectsApi } from '@pt/web/projects/data-access';
import { openRoute as open, pageTestProviders } from '@pt/web/shared/data-access/testing';
import { DASHBOARD_ROUTES } from './dashboard.routes';

// ECharts is ESM and draws on a real canvas/SVG: replaced by a recording fake.
interface FakeChart {
  el: HTMLElement;
  options: unknown[];
  handlers: Record<string, (e: unknown) => void>;
  disposed: boolean;
  resized: number;
}
const mockCharts: FakeChart[] = [];
jest.mock('echarts/core', () => ({
  use: jest.fn(),
  init: jest.fn((el: HTMLElement) => {
    const c: FakeChart = { el, options: [], handlers: {}, disposed: false, resized: 0 };
    mockCharts.push(c);
    return {
      on: (name: string, fn: (e: unknown) => void) => (c.handlers[name] = fn),
      setOption: (o: unknown) => c.options.push(o),
      resize: () => c.resized++,
      isDisposed: () => c.disposed,
      dispose: () => (c.disposed = true),
    };
  }),
}));
jest.mock('echarts/charts', () => ({ BarChart: {}, PieChart: {} }));
jest.mock('echarts/components', () => ({ AriaComponent: {}, GridComponent: {}, LegendComponent: {}, TooltipComponent: {} }));
jest.mock('echarts/renderers', () => ({ SVGRenderer: {} }));

@Component({ selector: 'pt-list-stub', template: 'list' })
class ListStub {}

/** The links (decoded) of the figures named by the keys of `expected`, to compare with it. */
function hrefs(byId: (id: string) => HTMLElement | null, expected: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(expected).map((id) => [id, decodeURIComponent(byId(id)?.getAttribute('href') ?? '')]));
}

describe('DashboardPage', () => {
  let calls: { year: number; orgId?: string | null }[];
  let over: Partial<Dashboard>;

  beforeEach(() => {
    mockCharts.length = 0;
    calls = [];
    over = {};
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders([
          { path: 'dashboard', children: DASHBOARD_ROUTES },
          { path: 'projects', component: ListStub },
          { path: 'projects/:id', component: ListStub },
        ]),
        {
          provide: DashboardApi,
          useValue: {
            get: (f: { year: number; orgId?: string | null }) => {
              calls.push(f);
              return Promise.resolve(dashboardFixture({ year: f.year, orgId: f.orgId ?? null, ...over }));
            },
          },
        },
        {
          provide: ProjectsApi,
          useValue: {
            orgs: () => Promise.resolve([]),
            years: () => Promise.resolve([2024, 2023, 2020]),
          },
        },
      ],
    });
  });

  it('shows the figures of the year from the URL, each chart with a table of the same numbers', async () => {
    const { byId } = await open('/dashboard?year=2024');
    expect(calls).toEqual([{ year: 2024, orgId: null }]);
    // each figure by its test id
    const shown = {
      'dash-project-count': '6',
      'dash-evaluated-count': '3',
      'dash-average-score': '87.33',
      'dash-red-count': '1',
      'grade-count-良': '2',
      'grade-count-差': '0',
      'status-count-approved': '5',
      'score-count-80': '2',
      'ranking-score-u2': '85.50',
      'eval-status-count-draft': '2',
      'red-project-p-red': '红灯项目甲',
      'kind-count-department': '1',
    };
    expect(Object.fromEntries(Object.keys(shown).map((id) => [id, byId(id)?.textContent?.trim()]))).toEqual(shown);
    expect(byId('dash-kind-counts')?.textContent?.replace(/\s+/g, '')).toBe('项目4·部门（单位）整体1·政策1');
    expect(byId('kind-count-policy')?.getAttribute('href')).toBe('/projects?year=2024&kind=policy');
    for (const id of ['chart-status', 'chart-grades', 'chart-scores', 'chart-ranking']) expect(byId(id)).not.toBeNull();
    // everything is listed: no note that the lists were cut
    expect([byId('ranking-cut'), byId('red-cut')]).toEqual([null, null]);
  });

  it('says when the ranking and the red list are the first of more (a province), and links all the red ones', async () => {
    over = { redCount: 25, unitCount: 30 };
    const { byId } = await open('/dashboard?year=2024');
    expect(byId('dash-red-count')?.textContent?.trim()).toBe('25');
    expect(byId('ranking-cut')?.textContent?.trim()).toBe('前 2 名（共 30 个单位有已保存的自评）');
    expect(byId('red-cut')?.textContent?.replace(/\s+/g, '')).toBe('共25个，这里列出最近变动的1个；查看全部');
    expect(decodeURIComponent(byId('red-cut')?.querySelector('a')?.getAttribute('href') ?? '')).toBe('/projects?year=2024&light=red');
  });

  it('without a year in the link, opens on the newest year that has projects (this year has none)', async () => {
    const { byId } = await open('/dashboard');
    await new Promise((r) => setTimeout(r));
    expect(calls.at(-1)).toEqual({ year: 2024, orgId: null });
    expect(calls.every((c) => c.year === 2024 || c.year === new Date().getFullYear())).toBe(true);
    expect(byId('dash-project-count')).not.toBeNull();
  });

  it('links every figure to the filtered project list', async () => {
    const { byId } = await open('/dashboard?year=2024');
    const links = {
      'dash-project-count': '/projects?year=2024',
      'grade-count-良': '/projects?year=2024&grade=良',
      'score-count-60': '/projects?year=2024&scoreMin=60&scoreMax=70',
      'status-count-approved': '/projects?year=2024&status=approved',
      'dash-red-count': '/projects?year=2024&light=red',
      'ranking-count-u1': '/projects?year=2024&orgId=u1&scoreMin=0&scoreMax=101',
      'eval-status-count-approved': '/projects?year=2024&evaluationStatus=approved',
      'red-project-p-red': '/projects/p-red',
    };
    expect(hrefs(byId, links)).toEqual(links);
  });

  it('draws four charts and opens the projects of a clicked bar', async () => {
    const { router } = await open('/dashboard?year=2024');
    expect(mockCharts).toHaveLength(4);
    const chartOf = (id: string) => mockCharts.find((c) => c.el.closest(`[data-testid="${id}"]`)) as FakeChart;
    const grades = chartOf('chart-grades');
    expect(grades.options).toHaveLength(1);
    grades.handlers['click']({ componentType: 'series', dataIndex: 1 });
    await new Promise((r) => setTimeout(r));
    expect(decodeURIComponent(router.url)).toBe('/projects?year=2024&grade=良');
    // leaving the page disposes the charts
    expect(mockCharts.every((c) => c.disposed)).toBe(true);
  });

  it('resizes with the window', async () => {
    await open('/dashboard?year=2024');
    window.dispatchEvent(new Event('resize'));
    expect(mockCharts.every((c) => c.resized === 1)).toBe(true);
  });

  it('counts one kind when the URL names it: the API asked for it, every card, chart and link following it; choosing another keeps it in the URL', async () => {
    const { byId, harness, router } = await open('/dashboard?year=2024&kind=policy');
    expect(calls).toEqual([{ year: 2024, orgId: null, kind: 'policy' }]);
    const links = {
      'dash-project-count': '/projects?year=2024&kind=policy',
      'grade-count-良': '/projects?year=2024&kind=policy&grade=良',
      'status-count-approved': '/projects?year=2024&kind=policy&status=approved',
      'dash-red-count': '/projects?year=2024&kind=policy&light=red',
      'ranking-count-u1': '/projects?year=2024&orgId=u1&kind=policy&scoreMin=0&scoreMax=101',
    };
    expect(hrefs(byId, links)).toEqual(links);
    const root = harness.routeNativeElement as HTMLElement;
    expect(root.textContent).toContain('红灯政策目标数');
    expect(root.textContent).toContain('政策目标状态');
    expect(root.textContent).toContain('政策名称');
    expect(root.textContent).toContain('的政策绩效目标');
    expect(byId('dash-kind')?.textContent).toContain('政策');

    const page = harness.routeDebugElement?.componentInstance as { setKind(k: string | null): void };
    page.setKind('department');
    await new Promise((r) => setTimeout(r));
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect(calls.at(-1)).toEqual({ year: 2024, orgId: null, kind: 'department' });
    expect(decodeURIComponent(router.url)).toBe('/dashboard?year=2024&kind=department');
    expect(root.textContent).toContain('红灯部门（单位）整体目标数');
    expect(root.textContent).toContain('部门（单位）名称');
    page.setKind(null);
    await new Promise((r) => setTimeout(r));
    harness.detectChanges();
    expect(calls.at(-1)).toEqual({ year: 2024, orgId: null });
    expect(decodeURIComponent(router.url)).toBe('/dashboard?year=2024');
    expect(root.textContent).toContain('红灯绩效目标数');
  });
});
