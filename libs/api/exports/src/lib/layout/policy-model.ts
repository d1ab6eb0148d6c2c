import { normaliseLevelName, POLICY_FIELD_LABELS as P, YUAN_SUFFIX } from '@pt/domain';
import type { Indicator, Target } from '@pt/shared/contracts';
import { amountCell, type BlockCell, type DeclarationArgs, declarationSheet, labelCell, type SheetModel, textCell } from './sheet-model';

/** The published title of a policy's 申报表. */
export const POLICY_DECLARATION_TITLE = '政策绩效目标申报表';
/** The value columns: the 中期 table's value and the year's, side by side on one row per indicator. */
export const POLICY_TARGET_COLUMNS = { midTerm: '中期指标值', annual: '年度指标值' } as const;

/** 实施期 as printed: "2024年—2026年" (one end alone where the other is missing). */
export function periodText(start: number | null | undefined, end: number | null | undefined): string {
  if (start && end) return start === end ? `${start}年` : `${start}年—${end}年`;
  if (start) return `${start}年起`;
  if (end) return `至${end}年`;
  return '';
}

/** The header of a 政策 form (five columns): 政策名称, 主管部门 and 实施期, 政策依据, 资金规模 (总额, 年度), 中期目标, 年度目标. */
export function policyHeader(t: Target): BlockCell[][] {
  const p = t.policy;
  return [
    [labelCell(P.name), textCell(t.name, 4)],
    [labelCell(P.department), textCell(t.departmentName ?? t.orgName, 2), labelCell(P.period), textCell(periodText(p?.startYear, p?.endYear))],
    [labelCell(P.basis), textCell(p?.basis, 4)],
    [labelCell(P.fundsTotal + YUAN_SUFFIX), amountCell(p?.totalFunds, 2), labelCell(P.fundsAnnual + YUAN_SUFFIX), amountCell(p?.annualFunds)],
    [labelCell(P.midTermGoal), textCell(t.totalGoal, 4)],
    [labelCell(P.annualGoal), textCell(t.annualGoal, 4)],
  ];
}

/** A row of the policy table: the 中期 row's value as `target`, the year's as `annual` (either may be missing). */
export interface PolicyRow {
  level1: string;
  level2: string;
  name: string;
  target: { raw: string };
  annual: string;
}

const key = (i: Pick<Indicator, 'level1' | 'level2' | 'name'>) => `${normaliseLevelName(i.level1)}\u0000${normaliseLevelName(i.level2)}\u0000${i.name.trim()}`;

/**
 * The 中期 table (the overall goal's rows) and the year's table on one grid: an indicator in both is one row with
 * both values; one only in the 中期 table has no 年度 value, one only in the year's no 中期 value. Rows keep the 中期
 * table's order, the year's new rows after them; the framework's grouping then orders them as printed.
 */
export function policyRows(t: Pick<Target, 'goals' | 'indicators'>): PolicyRow[] {
  const mid = t.goals.find((g) => g.kind === 'overall')?.indicators ?? [];
  const rows: PolicyRow[] = mid.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: { raw: i.target.raw }, annual: '' }));
  const byKey = new Map(rows.map((r) => [key(r), r]));
  for (const i of t.indicators) {
    const found = byKey.get(key(i));
    if (found && !found.annual) found.annual = i.target.raw;
    else rows.push({ level1: i.level1, level2: i.level2, name: i.name, target: { raw: '' }, annual: i.target.raw });
  }
  return rows;
}

/** 政策绩效目标申报表 (domain §11): the policy header, the 中期 and 年度 values of each indicator, the signatures. */
export function policyDeclarationModel(t: Target, ...args: DeclarationArgs): SheetModel {
  return declarationSheet(t, args, () => ({
    title: POLICY_DECLARATION_TITLE,
    items: policyRows(t),
    targetHeader: POLICY_TARGET_COLUMNS.midTerm,
    // the last column also holds the 实施期 ("2024年—2026年") and the 年度资金规模
    widths: [17, 20, 28, 20],
    more: [{ header: POLICY_TARGET_COLUMNS.annual, width: 24 }],
    cells: (r) => [r.annual],
    header: policyHeader(t),
  }));
}
