import {
  DECLARATION_TARGET_COLUMN,
  FUND_FIELDS,
  FUND_LABELS,
  getFramework,
  INDICATOR_COLUMN_LABELS as COL,
  OF_WHICH,
  PROJECT_FIELD_LABELS as F,
  YUAN_SUFFIX,
  type Framework,
} from '@pt/domain';
import type { Project } from '@pt/shared/contracts';
import { hasMetaRows, META_COLUMNS, metaCells } from './indicator-meta-columns';
import { amountCell, type BlockCell, DECLARATION_TITLE, indicatorSheet, NO_SIGNATURES, type SheetModel, signatureRows, type Signatures, v } from './sheet-model';

/**
 * The labels of the 申报表's funds block (domain §2): 项目资金总额 = 财政资金 + 其他资金 on the left,
 * 年度资金申请总额 = 当年财政拨款 + 上年结转资金 + 其他资金 on the right. Each label has its own value cell;
 * the .xlsx import reads the values back by these labels.
 */
export const DECLARATION_FUND_LABELS = {
  total: FUND_LABELS.total + YUAN_SUFFIX,
  fiscal: FUND_FIELDS.fiscal.printed,
  // the left-hand 其他资金 is the second part of 项目资金总额 here (files written so are read back by this label)
  other: OF_WHICH + FUND_LABELS.other,
  annualTotal: FUND_LABELS.annualTotal + YUAN_SUFFIX,
  annualFiscal: FUND_FIELDS.annualFiscal.printed,
  carryover: FUND_FIELDS.carryover.printed,
  annualOther: FUND_FIELDS.annualOther.printed,
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
  const withMeta = hasMetaRows(p.indicators);
  const header: BlockCell[][] = [
    [label(F.name), text(p.name, 4)],
    [label(F.nature), text(p.nature), label(F.category), text(p.category, 2)],
    [label(F.department), text(p.departmentName), label(F.org), text(p.orgName, 2)],
    [label(F.startDate), text(p.startDate), label(F.endDate), text(p.endDate, 2)],
    [label(F.governmentPurchase), text(yesNo(p.governmentPurchase)), label(F.performanceType), text(p.performanceType, 2)],
    [label(L.total), amountCell(f.total), label(L.annualTotal), amountCell(f.annualTotal, 2)],
    [label(L.fiscal), amountCell(f.fiscal), label(L.annualFiscal), amountCell(f.annualFiscal, 2)],
    [label(L.other), amountCell(f.other), label(L.carryover), amountCell(f.carryover, 2)],
    [label(F.lastYearBudget + YUAN_SUFFIX), amountCell(p.lastYearBudget), label(L.annualOther), amountCell(f.annualOther, 2)],
    [label(F.lastYearExecuted + YUAN_SUFFIX), amountCell(p.lastYearExecuted), label(F.framework), text(framework?.name ?? p.frameworkCode, 2)],
    wide(F.overview, p.overview),
    wide(F.basis, p.basis),
    wide(F.necessity, p.necessity),
    wide(F.measures, p.measures),
    wide(F.plan, p.plan),
    wide(F.totalGoal, p.totalGoal),
    wide(F.annualGoal, p.annualGoal),
  ];
  return indicatorSheet({
    sheetName,
    title: DECLARATION_TITLE,
    year: p.year,
    items: p.indicators,
    framework,
    targetHeader: DECLARATION_TARGET_COLUMN,
    // the first two columns also hold the header's labels and amounts ("70,100,000.00")
    widths: [17, 19, 32, 22],
    more: [{ header: COL.weight, width: 10 }, ...(withMeta ? META_COLUMNS : [])],
    cells: (i) => [i.weight ?? '', ...(withMeta ? metaCells(i) : [])],
    header,
    footer: signatureRows(signatures, 5),
  });
}
