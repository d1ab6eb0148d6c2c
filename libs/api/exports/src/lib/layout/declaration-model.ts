import { getFramework, type Framework } from '@pt/domain';
import type { Project } from '@pt/shared/contracts';
import { groupRows } from './group-rows';
import { amountCell, type BlockCell, DECLARATION_TITLE, mergeRuns, NO_SIGNATURES, type SheetModel, signatureRows, type Signatures, v } from './sheet-model';

/**
 * The labels of the 申报表's funds block (domain §2): 项目资金总额 = 财政资金 + 其他资金 on the left,
 * 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 on the right. Each label has its own value cell;
 * the .xlsx import reads the values back by these labels.
 */
export const DECLARATION_FUND_LABELS = {
  total: '项目资金总额（元）',
  fiscal: '其中：财政资金',
  other: '其中：其他资金',
  annualTotal: '年度资金申请总额（元）',
  annualFiscal: '其中：当年财政拨款',
  carryover: '上年结转资金',
  annualOther: '其他资金',
} as const;

const yesNo = (b: boolean | null) => (b === null ? '' : b ? '是' : '否');

const label = (text: string): BlockCell => ({ text, label: true });
const text = (x: string | null | undefined, span?: number): BlockCell => ({ text: v(x), span });
/** A long text over the whole width: label, then the value over the four other columns. */
const wide = (name: string, x: string | null | undefined): BlockCell[] => [label(name), text(x, 4)];

/** 申报表 (§2): every header field as label / value pairs, the annual table grouped by 一级, the signature footer. */
export function declarationModel(
  p: Project,
  sheetName = p.name,
  signatures: Signatures = NO_SIGNATURES,
  /** The framework version the project was declared under (the shipped one of its code by default). */
  framework: Framework | undefined = getFramework(p.frameworkCode),
): SheetModel {
  const f = p.funds;
  const L = DECLARATION_FUND_LABELS;
  const header: BlockCell[][] = [
    [label('项目名称'), text(p.name, 4)],
    [label('项目性质'), text(p.nature), label('项目类别'), text(p.category, 2)],
    [label('主管部门'), text(p.departmentName), label('实施单位'), text(p.orgName, 2)],
    [label('计划开始日期'), text(p.startDate), label('计划完成日期'), text(p.endDate, 2)],
    [label('是否含有政府购买服务'), text(yesNo(p.governmentPurchase)), label('绩效类型'), text(p.performanceType, 2)],
    [label(L.total), amountCell(f.total), label(L.annualTotal), amountCell(f.annualTotal, 2)],
    [label(L.fiscal), amountCell(f.fiscal), label(L.annualFiscal), amountCell(f.annualFiscal, 2)],
    [label(L.other), amountCell(f.other), label(L.carryover), amountCell(f.carryover, 2)],
    [label('同名项目上年预算额（元）'), amountCell(p.lastYearBudget), label(L.annualOther), amountCell(f.annualOther, 2)],
    [label('同名项目上年预算执行数（元）'), amountCell(p.lastYearExecuted), label('指标体系'), text(framework?.name ?? p.frameworkCode, 2)],
    wide('项目概况', p.overview),
    wide('立项依据', p.basis),
    wide('项目设立的必要性', p.necessity),
    wide('保证项目实施的制度、措施', p.measures),
    wide('项目实施计划', p.plan),
    wide('项目总目标', p.totalGoal),
    wide('年度总体目标', p.annualGoal),
  ];
  const rows = groupRows(p.indicators, framework).map((i) => [i.level1, i.level2, i.name, i.target.raw, i.weight ?? '']);
  return {
    sheetName,
    title: DECLARATION_TITLE,
    subtitle: `（${p.year}年度）`,
    columns: [
      // the first two columns also hold the header's labels and amounts ("70,100,000.00")
      { header: '一级指标', width: 17 },
      { header: '二级指标', width: 19 },
      { header: '三级指标', width: 32 },
      { header: '年度(/项目)指标值', width: 22 },
      { header: '分值', width: 10 },
    ],
    header,
    rows,
    merges: mergeRuns(rows),
    footer: signatureRows(signatures, 5),
  };
}
