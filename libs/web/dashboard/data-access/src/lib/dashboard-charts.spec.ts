import type { Dashboard } from '@pt/shared/api-types';
import { gradesChart, rankingChart, redProjectRows, scoresChart, statusChart } from './dashboard-charts';
import { linkUrl } from './dashboard-links';
import { dashboardFixture } from './dashboard.testing';

const dashboard = dashboardFixture();
const f = { year: 2024 };

/** The single series of an option. */
function series(spec: { option: { series?: unknown } }): Record<string, unknown> {
  const s = spec.option.series as Record<string, unknown>[];
  expect(s).toHaveLength(1);
  return s[0];
}

describe('statusChart', () => {
  it('one pie slice per state with projects, in workflow order, coloured and linked', () => {
    const byStatus: Dashboard['byStatus'] = [
      { status: 'approved', count: 3 },
      { status: 'draft', count: 1 },
      { status: 'returned', count: 0 },
      { status: 'submitted', count: 2 },
    ];
    const spec = statusChart(dashboardFixture({ byStatus }), f);
    expect(spec.items.map((i) => [i.key, i.label, i.value])).toEqual([
      ['draft', '草稿', 1],
      ['submitted', '已提交', 2],
      ['approved', '已批复', 3],
    ]);
    const s = series(spec);
    expect(s['type']).toBe('pie');
    expect(s['data']).toEqual([
      { name: '草稿', value: 1, itemStyle: { color: '#bfbfbf' } },
      { name: '已提交', value: 2, itemStyle: { color: '#1677ff' } },
      { name: '已批复', value: 3, itemStyle: { color: '#52c41a' } },
    ]);
    expect(linkUrl(spec.items[2].link)).toBe('/projects?year=2024&status=approved');
    expect(spec.option.aria).toEqual({ enabled: true });
  });
});

describe('gradesChart', () => {
  it('always 优 良 中 差, zero-filled, and each bar opens its grade', () => {
    const spec = gradesChart(dashboard, { year: 2024, orgId: 'o1' });
    expect(spec.items.map((i) => [i.label, i.value])).toEqual([
      ['优', 1],
      ['良', 2],
      ['中', 0],
      ['差', 0],
    ]);
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['优', '良', '中', '差']);
    expect((series(spec)['data'] as { value: number }[]).map((x) => x.value)).toEqual([1, 2, 0, 0]);
    expect(linkUrl(spec.items[1].link)).toBe('/projects?year=2024&orgId=o1&grade=良');
  });
});

describe('scoresChart', () => {
  it('the server bands in order; a click gives scoreMin/scoreMax of the band', () => {
    const spec = scoresChart(dashboard, f);
    expect((spec.option.xAxis as { data: string[] }).data).toEqual(['<60', '60–70', '70–80', '80–90', '90–100']);
    expect(series(spec)['data']).toEqual([0, 0, 0, 2, 1]);
    expect(spec.items.map((i) => i.key)).toEqual(['0', '60', '70', '80', '90']);
    expect(linkUrl(spec.items[1].link)).toBe('/projects?year=2024&scoreMin=60&scoreMax=70');
    expect(linkUrl(spec.items[4].link)).toBe('/projects?year=2024&scoreMin=90&scoreMax=101');
  });
});

describe('rankingChart', () => {
  it('horizontal bars best first at the top, shown with the server decimals', () => {
    const spec = rankingChart(dashboard, f);
    const yAxis = spec.option.yAxis as { type: string; inverse: boolean; data: string[] };
    expect(yAxis.type).toBe('category');
    expect(yAxis.inverse).toBe(true);
    expect(yAxis.data).toEqual(['单位甲', '单位乙']);
    expect(series(spec)['data']).toEqual([91, 85.5]);
    expect(spec.items.map((i) => [i.display, i.count])).toEqual([
      ['91.00', 1],
      ['85.50', 2],
    ]);
    expect(linkUrl(spec.items[1].link)).toBe('/projects?year=2024&orgId=u2&scoreMin=0&scoreMax=101');
  });

  it('an empty ranking is an empty chart', () => {
    const spec = rankingChart({ ...dashboard, unitRanking: [] }, f);
    expect(spec.items).toEqual([]);
    expect(series(spec)['data']).toEqual([]);
  });
});

describe('redProjectRows', () => {
  it('rows with the month in Chinese, each opening its project', () => {
    const red = dashboardFixture({ redProjects: [{ id: 'p1', name: '红灯项目', orgName: '杨浦办', month: 6 }, { id: 'p2', name: '未报月份', orgName: '西宁办', month: null }] });
    expect(redProjectRows(red).map((r) => [r.name, r.orgName, r.month, linkUrl(r.link)])).toEqual([
      ['红灯项目', '杨浦办', '6 月', '/projects/p1'],
      ['未报月份', '西宁办', '—', '/projects/p2'],
    ]);
  });
});

describe('rankingChart labels', () => {
  it('show the averages with the server decimals, and the count in the tooltip', () => {
    const spec = rankingChart({ ...dashboard, unitRanking: [{ orgId: 'u', orgName: '单位丙', averageScore: '99.80', count: 3 }] }, f);
    const s = (spec.option.series as { label: { formatter: (p: { dataIndex: number }) => string } }[])[0];
    expect(s.label.formatter({ dataIndex: 0 })).toBe('99.80');
    const tooltip = spec.option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ dataIndex: 0 })).toBe('单位丙：平均 99.80 分（3 个绩效目标）');
  });

  it('name what they count by the kind chosen, and open the lists of that kind', () => {
    const ranking = { ...dashboard, unitRanking: [{ orgId: 'u', orgName: '单位丙', averageScore: '99.80', count: 3 }] };
    const tip = (k: 'project' | 'policy') => (rankingChart(ranking, { ...f, kind: k }).option.tooltip as { formatter: (p: unknown) => string }).formatter({ dataIndex: 0 });
    expect([tip('project'), tip('policy')]).toEqual(['单位丙：平均 99.80 分（3 个项目）', '单位丙：平均 99.80 分（3 个政策目标）']);
    expect((gradesChart(dashboard, { ...f, kind: 'department' }).option.yAxis as { name: string }).name).toBe('部门（单位）整体目标数');
    expect(gradesChart(dashboard, { ...f, kind: 'department' }).items.every((i) => i.link.queryParams.kind === 'department')).toBe(true);
    expect(rankingChart(ranking, { ...f, kind: 'policy' }).items[0].link.queryParams).toMatchObject({ orgId: 'u', kind: 'policy' });
  });
});
