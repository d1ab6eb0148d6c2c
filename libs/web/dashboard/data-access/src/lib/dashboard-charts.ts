import { PROJECT_STATUSES } from '@pt/shared/api-types';
import type { Dashboard, ProjectStatus } from '@pt/shared/api-types';
import { statusLabel } from '@pt/web/projects/data-access';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { DashboardFilter, DashboardLink, Grade } from './dashboard-links';
import { countedNoun, GRADES, gradeCount, gradeLink, projectLink, scoreBandLink, statusLink, unitLink } from './dashboard-links';

/** The ECharts option of the dashboard's charts (only the series and components registered by the page). */
export type DashboardChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | AriaComponentOption
>;

/** One figure of a chart: its label, its number (as shown), and where a click on it goes. */
export interface ChartItem {
  /** Stable key (status code, grade, band's lower bound, org id) for test ids and tracking. */
  key: string;
  label: string;
  value: number;
  /** The figure as shown (e.g. an average score with two decimals). */
  display: string;
  /** Projects behind the figure (for the ranking: evaluated projects of the unit). */
  count: number;
  link: DashboardLink;
}

/** A chart: the option and its items, `items[dataIndex]` being the data point clicked. */
export interface ChartSpec {
  option: DashboardChartOption;
  items: ChartItem[];
}

/** Colours of the project states (close to the list's tags). */
export const STATUS_CHART_COLORS: Record<ProjectStatus, string> = {
  draft: '#bfbfbf',
  submitted: '#1677ff',
  dept_approved: '#13c2c2',
  approved: '#52c41a',
  returned: '#ff4d4f',
};

export const GRADE_COLORS: Record<Grade, string> = { 优: '#52c41a', 良: '#1677ff', 中: '#faad14', 差: '#ff4d4f' };

/** The states that have projects, in the workflow's order (the domain's list of states). */
export function inStatusOrder<T extends { status: ProjectStatus; count: number }>(rows: readonly T[]): T[] {
  return rows.filter((s) => s.count > 0).sort((a, b) => PROJECT_STATUSES.indexOf(a.status) - PROJECT_STATUSES.indexOf(b.status));
}

const BAR_LABEL = { show: true, position: 'top' as const };

/** A figure that counts targets: its value, what is shown and the count are the one number. */
function countItem(key: string, label: string, count: number, link: DashboardLink): ChartItem {
  return { key, label, value: count, display: String(count), count, link };
}

/** A bar chart of counts (自评等级, 得分分布): a bar per item with its count on top; `bars` colour and fill the series. */
function countBarChart(items: ChartItem[], f: DashboardFilter, name: string, bars: Pick<BarSeriesOption, 'itemStyle' | 'data'>, xName?: string): ChartSpec {
  return {
    items,
    option: {
      aria: { enabled: true },
      tooltip: { trigger: 'item', formatter: `{b}：{c} 个${countedNoun(f.kind)}` },
      grid: { left: 40, right: 16, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: items.map((i) => i.label), ...(xName ? { name: xName } : {}) },
      yAxis: { type: 'value', minInterval: 1, name: `${countedNoun(f.kind)}数` },
      series: [{ type: 'bar', name, barMaxWidth: 48, cursor: 'pointer', label: BAR_LABEL, ...bars }],
    },
  };
}

/** 项目状态 (pie): one slice per state that has projects. */
export function statusChart(d: Dashboard, f: DashboardFilter): ChartSpec {
  const items = inStatusOrder(d.byStatus).map((s) => countItem(s.status, statusLabel(s.status), s.count, statusLink(f, s.status)));
  return {
    items,
    option: {
      aria: { enabled: true },
      tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
      legend: { bottom: 0, left: 'center' },
      series: [
        {
          type: 'pie',
          name: `${countedNoun(f.kind)}状态`,
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          cursor: 'pointer',
          label: { formatter: '{b} {c}' },
          data: items.map((i) => ({ name: i.label, value: i.value, itemStyle: { color: STATUS_CHART_COLORS[i.key as ProjectStatus] } })),
        },
      ],
    },
  };
}

/** 自评等级 (bar): 优 良 中 差, zero where there is none. */
export function gradesChart(d: Dashboard, f: DashboardFilter): ChartSpec {
  const items = GRADES.map((g) => countItem(g, g, gradeCount(d, g), gradeLink(f, g)));
  return countBarChart(items, f, '自评等级', { data: items.map((i) => ({ value: i.value, itemStyle: { color: GRADE_COLORS[i.key as Grade] } })) });
}

/** 得分分布 (bar): the server's bands of 10 points, in its order. */
export function scoresChart(d: Dashboard, f: DashboardFilter): ChartSpec {
  const items = d.scoreBands.map((b) => countItem(String(b.min), b.label, b.count, scoreBandLink(f, b)));
  return countBarChart(items, f, '得分分布', { itemStyle: { color: '#1677ff' }, data: items.map((i) => i.value) }, '分');
}

/** 单位平均分排名 (horizontal bar): best first, at the top. */
export function rankingChart(d: Dashboard, f: DashboardFilter): ChartSpec {
  const items: ChartItem[] = d.unitRanking.map((u) => ({
    key: u.orgId,
    label: u.orgName,
    value: Number(u.averageScore),
    display: u.averageScore,
    count: u.count,
    link: unitLink(f, u.orgId),
  }));
  return {
    items,
    option: {
      aria: { enabled: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const i = items[(p as { dataIndex: number }).dataIndex];
          return i ? `${i.label}：平均 ${i.display} 分（${i.count} 个${countedNoun(f.kind)}）` : '';
        },
      },
      grid: { left: 16, right: 48, top: 16, bottom: 24 },
      xAxis: { type: 'value', min: 0, max: 100, name: '分' },
      yAxis: {
        type: 'category',
        inverse: true,
        data: items.map((i) => i.label),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: '单位平均分',
          barMaxWidth: 28,
          cursor: 'pointer',
          label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => items[p.dataIndex]?.display ?? '' },
          itemStyle: { color: '#13c2c2' },
          data: items.map((i) => i.value),
        },
      ],
    },
  };
}

/** 红灯项目 as table rows, each opening its project. */
export function redProjectRows(d: Dashboard): { id: string; name: string; orgName: string; month: string; link: DashboardLink }[] {
  return d.redProjects.map((p) => ({
    id: p.id,
    name: p.name,
    orgName: p.orgName,
    month: p.month ? `${p.month} 月` : '—',
    link: projectLink(p.id),
  }));
}
