import {
  DECLARATION_TARGET_COLUMN,
  FUND_FIELDS,
  FUND_LABELS,
  INDICATOR_COLUMN_LABELS as COL,
  OF_WHICH,
  PROJECT_FIELD_LABELS as F,
  YUAN_SUFFIX,
  type Framework,
} from '@pt/domain';
import type { Indicator, Project } from '@pt/shared/contracts';
import { hasMetaRows, META_COLUMNS, metaCells } from './indicator-meta-columns';
import { amountCell, type BlockCell, type DeclarationArgs, declarationSheet, DECLARATION_TITLE, labelCell, type SheetModel, textCell } from './sheet-model';

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

/** A long text over the whole width: label, then the value over the four other columns. */
const wide = (name: string, x: string | null | undefined): BlockCell[] => [labelCell(name), textCell(x, 4)];

/** 申报表 (§2): every header field as label / value pairs, the annual table grouped by 一级, the signature footer. */
export function declarationModel(p: Project, ...args: DeclarationArgs): SheetModel {
  return declarationSheet<Indicator>(p, args, (framework) => {
    const withMeta = hasMetaRows(p.indicators);
    return {
      title: DECLARATION_TITLE,
      items: p.indicators,
      targetHeader: DECLARATION_TARGET_COLUMN,
      // the first two columns also hold the header's labels and amounts ("70,100,000.00")
      widths: [17, 19, 32, 22],
      more: [{ header: COL.weight, width: 10 }, ...(withMeta ? META_COLUMNS : [])],
      cells: (i) => [i.weight ?? '', ...(withMeta ? metaCells(i) : [])],
      header: projectHeader(p, framework),
    };
  });
}

/** The 申报表's header block: the project's fields, the funds (total and annual side by side), the long texts. */
function projectHeader(p: Project, framework: Framework | undefined): BlockCell[][] {
  const f = p.funds;
  const L = DECLARATION_FUND_LABELS;
  return [
    [labelCell(F.name), textCell(p.name, 4)],
    [labelCell(F.nature), textCell(p.nature), labelCell(F.category), textCell(p.category, 2)],
    [labelCell(F.department), textCell(p.departmentName), labelCell(F.org), textCell(p.orgName, 2)],
    [labelCell(F.startDate), textCell(p.startDate), labelCell(F.endDate), textCell(p.endDate, 2)],
    [labelCell(F.governmentPurchase), textCell(yesNo(p.governmentPurchase)), labelCell(F.performanceType), textCell(p.performanceType, 2)],
    [labelCell(L.total), amountCell(f.total), labelCell(L.annualTotal), amountCell(f.annualTotal, 2)],
    [labelCell(L.fiscal), amountCell(f.fiscal), labelCell(L.annualFiscal), amountCell(f.annualFiscal, 2)],
    [labelCell(L.other), amountCell(f.other), labelCell(L.carryover), amountCell(f.carryover, 2)],
    [labelCell(F.lastYearBudget + YUAN_SUFFIX), amountCell(p.lastYearBudget), labelCell(L.annualOther), amountCell(f.annualOther, 2)],
    [labelCell(F.lastYearExecuted + YUAN_SUFFIX), amountCell(p.lastYearExecuted), labelCell(F.framework), textCell(framework?.name ?? p.frameworkCode, 2)],
    wide(F.overview, p.overview),
    wide(F.basis, p.basis),
    wide(F.necessity, p.necessity),
    wide(F.measures, p.measures),
    wide(F.plan, p.plan),
    wide(F.totalGoal, p.totalGoal),
    wide(F.annualGoal, p.annualGoal),
  ];
}
