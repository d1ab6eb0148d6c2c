import { getFramework, normaliseLevelName } from '@pt/domain';
import type { Evaluation, Monitoring, Project } from '@pt/shared/contracts';

/**
 * The official layouts (domain §9) as a neutral model: the .xlsx and the PDF writers both draw it, so the
 * two files always say the same. A sheet is a grid of `width` columns: a title, a header block of label /
 * value cells, the indicator table with its 一级/二级 cells merged down, and an optional footer block.
 */
export interface BlockCell {
  text: string;
  /** Columns this cell spans (default 1). */
  span?: number;
  /** A label (bold, shaded) rather than a value. */
  label?: boolean;
}

export interface SheetModel {
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  sheetName: string;
  title: string;
  subtitle: string;
  columns: { header: string; width: number }[];
  header: BlockCell[][];
  /** The indicator table's body; `merges` merge cells down (一级, 二级). */
  rows: string[][];
  merges: { row: number; col: number; rowSpan: number }[];
  footer: BlockCell[][];
}

export const DECLARATION_TITLE = '项目支出绩效目标申报表';
export const EVALUATION_TITLE = '项目支出绩效自评表';
export const MONITORING_TITLE = '项目支出绩效运行监控表';

/** The 一级/二级 merges of a table body: runs of equal 一级, and of equal 二级 inside one 一级. */
export function mergeRuns(rows: readonly string[][]): SheetModel['merges'] {
  const merges: SheetModel['merges'] = [];
  for (const col of [0, 1]) {
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      const same =
        i < rows.length &&
        rows[i][col] !== '' &&
        normaliseLevelName(rows[i][col]) === normaliseLevelName(rows[start][col]) &&
        (col === 0 || normaliseLevelName(rows[i][0]) === normaliseLevelName(rows[start][0]));
      if (!same) {
        if (i - start > 1) merges.push({ row: start, col, rowSpan: i - start });
        start = i;
      }
    }
  }
  return merges;
}

/** A worksheet name Excel accepts, unique among `taken`. */
export function sheetNameFor(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 28) || '项目';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base.slice(0, 26)}(${n})`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

const v = (x: string | null | undefined) => x ?? '';
/** Money as printed: thousands separators, two decimals ("500,000.00"); empty stays empty. */
export function money(x: string | null | undefined): string {
  if (x === null || x === undefined || x === '') return '';
  const [i, f = ''] = x.split('.');
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${(f + '00').slice(0, 2)}`;
}

/** 申报表: header block (§2) and the annual indicator table of the project's year. */
export function declarationModel(p: Project, sheetName = p.name): SheetModel {
  const f = p.funds;
  const framework = getFramework(p.frameworkCode);
  const header: BlockCell[][] = [
    [{ text: '项目名称', label: true }, { text: p.name, span: 4 }],
    [{ text: '主管部门', label: true }, { text: v(p.departmentName) }, { text: '实施单位', label: true }, { text: p.orgName, span: 2 }],
    [{ text: '项目性质', label: true }, { text: v(p.nature) }, { text: '项目类别', label: true }, { text: v(p.category), span: 2 }],
    [{ text: '计划开始日期', label: true }, { text: v(p.startDate) }, { text: '计划完成日期', label: true }, { text: v(p.endDate), span: 2 }],
    [{ text: '项目资金总额（元）', label: true }, { text: money(f.total) }, { text: '其中：财政资金', label: true }, { text: money(f.fiscal) }, { text: `其他资金 ${money(f.other)}`.trim() }],
    [{ text: '年度资金总额（元）', label: true }, { text: money(f.annualTotal) }, { text: '其中：当年财政拨款', label: true }, { text: money(f.annualFiscal) }, { text: '' }],
    [{ text: '上年结转资金（元）', label: true }, { text: money(f.carryover) }, { text: '其他资金（元）', label: true }, { text: money(f.annualOther), span: 2 }],
    [{ text: '项目总目标', label: true }, { text: v(p.totalGoal), span: 4 }],
    [{ text: '年度目标', label: true }, { text: v(p.annualGoal), span: 4 }],
    [{ text: '指标体系', label: true }, { text: framework?.name ?? p.frameworkCode, span: 4 }],
  ];
  const rows = p.indicators.map((i) => [i.level1, i.level2, i.name, i.target.raw, i.weight ?? '']);
  return {
    sheetName,
    title: DECLARATION_TITLE,
    subtitle: `（${p.year}年度）`,
    columns: [
      { header: '一级指标', width: 14 },
      { header: '二级指标', width: 16 },
      { header: '三级指标', width: 38 },
      { header: '指标值', width: 26 },
      { header: '分值', width: 10 },
    ],
    header,
    rows,
    merges: mergeRuns(rows),
    footer: [],
  };
}

const GRADE_TEXT: Record<string, string> = { 达成: '达成年度指标', 部分达成: '部分达成年度指标并具有一定效果', 未达成: '未达成年度指标且效果较差' };

/** 自评表 (§8): header, the funds block, the annual goal expected vs achieved, the table with actuals and scores, total and grade. */
export function evaluationModel(p: Project, e: Evaluation, sheetName = p.name): SheetModel {
  const f = p.funds;
  const header: BlockCell[][] = [
    [{ text: '项目名称', label: true }, { text: p.name, span: 7 }],
    [{ text: '主管部门', label: true }, { text: v(p.departmentName), span: 3 }, { text: '实施单位', label: true }, { text: p.orgName, span: 3 }],
    [
      { text: '项目资金（元）', label: true },
      { text: '年初预算数', label: true },
      { text: '全年预算数', label: true },
      { text: '全年执行数', label: true },
      { text: '分值', label: true },
      { text: '执行率', label: true },
      { text: '得分', label: true, span: 2 },
    ],
    [
      { text: '年度资金总额', label: true },
      { text: money(f.annualTotal) },
      { text: money(e.budget.annualBudget) },
      { text: money(e.budget.executed) },
      { text: '10' },
      { text: `${e.executionRate}%` },
      { text: e.executionScore, span: 2 },
    ],
    [{ text: '其中：当年财政拨款', label: true }, { text: money(f.annualFiscal) }, { text: '' }, { text: '' }, { text: '—' }, { text: '' }, { text: '—', span: 2 }],
    [{ text: '上年结转资金', label: true }, { text: money(f.carryover) }, { text: '' }, { text: '' }, { text: '—' }, { text: '' }, { text: '—', span: 2 }],
    [{ text: '其他资金', label: true }, { text: money(f.annualOther) }, { text: '' }, { text: '' }, { text: '—' }, { text: '' }, { text: '—', span: 2 }],
    [{ text: '年度总体目标', label: true }, { text: '预期目标', label: true }, { text: v(p.annualGoal), span: 6 }],
    [{ text: '', label: true }, { text: '实际完成情况', label: true }, { text: v(e.goalAchievement), span: 6 }],
  ];
  const rows = e.items.map((it) => {
    const unit = it.target.unit ?? '';
    let actual = '';
    if (it.input.actual !== null) actual = `${it.input.actual}${unit.replace(/[()（）]/g, '')}`;
    else if (it.input.grade) actual = `${GRADE_TEXT[it.input.grade]}${it.input.description ? `：${it.input.description}` : ''}`;
    else if (it.input.achieved !== null) actual = it.input.achieved ? '达成' : '未达成';
    else if (it.input.description) actual = it.input.description;
    return [it.level1, it.level2, it.name, it.target.raw, actual, it.weight, it.score, v(it.input.deviationReason)];
  });
  return {
    sheetName,
    title: EVALUATION_TITLE,
    subtitle: `（${p.year}年度）`,
    columns: [
      { header: '一级指标', width: 12 },
      { header: '二级指标', width: 14 },
      { header: '三级指标', width: 30 },
      { header: '年度指标值', width: 18 },
      { header: '实际完成值', width: 22 },
      { header: '分值', width: 8 },
      { header: '得分', width: 8 },
      { header: '偏差原因分析及改进措施', width: 30 },
    ],
    header,
    rows,
    merges: mergeRuns(rows),
    footer: [
      [{ text: '总分', label: true, span: 5 }, { text: e.totalScore, span: 3 }],
      [{ text: '自评等级', label: true, span: 5 }, { text: e.grade, span: 3 }],
    ],
  };
}

const LIGHT_TEXT: Record<string, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯', none: '—' };

/** 运行监控表 (§7): one month's report with the lights. */
export function monitoringModel(p: Project, mon: Monitoring, sheetName = p.name): SheetModel {
  const b = mon.budget;
  const header: BlockCell[][] = [
    [{ text: '项目名称', label: true }, { text: p.name, span: 4 }, { text: '监控月份', label: true }, { text: mon.month ? `1–${mon.month}月` : '', span: 4 }],
    [{ text: '主管部门', label: true }, { text: v(p.departmentName), span: 4 }, { text: '实施单位', label: true }, { text: p.orgName, span: 4 }],
    [
      { text: '年初预算数（元）', label: true },
      { text: money(b.annualBudget), span: 2 },
      { text: '截至当月执行数', label: true },
      { text: money(b.executed) },
      { text: '执行率', label: true },
      { text: mon.budgetLight.executionRate ? `${mon.budgetLight.executionRate}%` : '' },
      { text: '全年预计执行数', label: true },
      { text: money(b.expectedExecuted), span: 2 },
    ],
    [{ text: '项目监控结果', label: true }, { text: LIGHT_TEXT[mon.light], span: 4 }, { text: '预算执行', label: true }, { text: LIGHT_TEXT[mon.budgetLight.light], span: 4 }],
  ];
  const rows = mon.items.map((it) => [
    it.level1,
    it.level2,
    it.name,
    it.target.raw,
    v(it.current),
    v(it.expected),
    v(it.likelihood),
    it.reasons.join('、'),
    v(it.measures),
    LIGHT_TEXT[it.light],
  ]);
  return {
    sheetName,
    title: MONITORING_TITLE,
    subtitle: `（${p.year}年度）`,
    columns: [
      { header: '一级指标', width: 12 },
      { header: '二级指标', width: 14 },
      { header: '三级指标', width: 28 },
      { header: '年度指标值', width: 16 },
      { header: '当前完成值', width: 12 },
      { header: '全年预计完成情况', width: 16 },
      { header: '完成目标可能性', width: 12 },
      { header: '偏差原因', width: 16 },
      { header: '纠偏措施', width: 24 },
      { header: '灯', width: 8 },
    ],
    header,
    rows,
    merges: mergeRuns(rows),
    footer: [],
  };
}

/** The publication list's one-text indicators (§9): `数量指标: 资金支付率≥90%; 社会效益: …`. */
export function indicatorsAsText(p: Pick<Project, 'indicators'>): string {
  const groups = new Map<string, string[]>();
  for (const i of p.indicators) {
    if (!i.name.trim()) continue;
    const key = normaliseLevelName(i.level2);
    const list = groups.get(key) ?? [];
    list.push(`${i.name}${i.target.raw}`);
    groups.set(key, list);
  }
  return [...groups.entries()].map(([level2, items]) => `${level2}: ${items.join('，')}`).join('; ');
}
