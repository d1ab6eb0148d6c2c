import { formatWan } from '@pt/domain';
import type { TargetSettingReport } from '@pt/shared/contracts';

/** The report's table as the export prints it (money in 万元, as the paragraph). */
export const TARGET_SETTING_COLUMNS = [
  { header: '主管部门', width: 30 },
  { header: '预算单位数', width: 11 },
  { header: '部门（单位）整体绩效目标数', width: 14 },
  { header: '政策绩效目标数', width: 11 },
  { header: '政策预算资金（万元）', width: 16 },
  { header: '项目绩效目标数', width: 11 },
  { header: '项目预算资金（万元）', width: 16 },
  { header: '未编报部门整体目标的单位', width: 50 },
] as const;

export interface TableCell {
  text: string;
  /** 万元 as a decimal string: the .xlsx writes a number. */
  amount?: string;
  count?: boolean;
  total?: boolean;
}

const wan = (yuan: string): TableCell => ({ text: formatWan(yuan), amount: formatWan(yuan).replace(/,/g, '') });
const n = (x: number, total = false): TableCell => ({ text: String(x), count: true, total });

/** A row per 主管部门, then 合计. */
export function targetSettingRows(r: TargetSettingReport): TableCell[][] {
  const rows = r.departments.map((d) => [
    { text: d.name },
    n(d.units),
    n(d.departmentTargets),
    n(d.policyTargets),
    wan(d.policyFunds),
    n(d.projectTargets),
    wan(d.projectFunds),
    { text: d.unitsWithoutDepartmentTarget.join('、') },
  ]);
  const total: TableCell[] = [
    { text: '合计', total: true },
    n(r.units, true),
    n(r.departmentTargets, true),
    n(r.policyTargets, true),
    { ...wan(r.policyFunds), total: true },
    n(r.projectTargets, true),
    { ...wan(r.projectFunds), total: true },
    { text: String(r.unitsWithoutDepartmentTarget.length ? `${r.unitsWithoutDepartmentTarget.length}个` : ''), total: true },
  ];
  return [...rows, total];
}
