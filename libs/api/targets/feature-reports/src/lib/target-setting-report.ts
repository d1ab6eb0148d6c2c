import { Dec } from '@pt/domain';
import type { OrgKind, TargetKindKey, TargetSettingDepartmentRow, TargetSettingReport } from '@pt/shared/contracts';
import { targetSettingText } from './target-setting-text';

/**
 * The statuses a target is counted in: declared (编报) means sent to review and not handed back — 已提交, 部门已审,
 * 已批复. A draft has not been declared yet and a returned target is back with the unit, as the finance office counts
 * them when it prints the budget document. The same rule decides the units without a 部门整体 target.
 */
export const COUNTED_STATUSES = ['submitted', 'dept_approved', 'approved'] as const;

export interface ReportOrg {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
}

/** Counted targets of one organisation and kind, with their year's money (元). */
export interface ReportTargetGroup {
  orgId: string;
  kind: TargetKindKey;
  count: number;
  funds: string;
}

/**
 * The report from the organisations (`all`: every organisation, for the 主管部门 of a visible unit), the visible ones
 * (`scope`) and the counted targets: a row per 主管部门 (a unit's nearest department above it; an organisation without
 * one stands for itself), the totals, the units of the scope without a 部门整体 target, and the paragraph.
 */
export function buildTargetSettingReport(input: {
  year: number;
  orgId: string | null;
  /** The organisation the report speaks for (the user's, or `orgId`). */
  root: ReportOrg;
  all: readonly ReportOrg[];
  scope: readonly string[];
  targets: readonly ReportTargetGroup[];
}): TargetSettingReport {
  const byId = new Map(input.all.map((o) => [o.id, o]));
  const departmentOf = (o: ReportOrg): ReportOrg => {
    for (let x: ReportOrg | undefined = o; x; x = x.parentId ? byId.get(x.parentId) : undefined) if (x.kind === 'department') return x;
    return o;
  };
  const visible = input.scope.map((id) => byId.get(id)).filter((o): o is ReportOrg => !!o);
  const withDepartmentTarget = new Set(input.targets.filter((t) => t.kind === 'department' && t.count > 0).map((t) => t.orgId));
  const rows = new Map<string, TargetSettingDepartmentRow>();
  const rowOf = (o: ReportOrg) => {
    const d = departmentOf(o);
    let row = rows.get(d.id);
    if (!row) {
      row = { orgId: d.id, name: d.name, units: 0, departmentTargets: 0, policyTargets: 0, policyFunds: '0.00', projectTargets: 0, projectFunds: '0.00', unitsWithoutDepartmentTarget: [] };
      rows.set(d.id, row);
    }
    return row;
  };
  for (const o of [...visible].sort((a, b) => a.code.localeCompare(b.code))) {
    if (o.kind !== 'unit') continue;
    const row = rowOf(o);
    row.units++;
    if (!withDepartmentTarget.has(o.id)) row.unitsWithoutDepartmentTarget.push(o.name);
  }
  const add = (a: string, b: string) => Dec.of(a).add(Dec.of(b)).toFixed(2);
  for (const t of input.targets) {
    const o = byId.get(t.orgId);
    if (!o) continue;
    const row = rowOf(o);
    if (t.kind === 'department') row.departmentTargets += t.count;
    else if (t.kind === 'policy') {
      row.policyTargets += t.count;
      row.policyFunds = add(row.policyFunds, t.funds);
    } else {
      row.projectTargets += t.count;
      row.projectFunds = add(row.projectFunds, t.funds);
    }
  }
  const codeOf = (r: TargetSettingDepartmentRow) => byId.get(r.orgId)?.code ?? '';
  const departments = [...rows.values()].sort((a, b) => codeOf(a).localeCompare(codeOf(b)));
  const sum = (pick: (r: TargetSettingDepartmentRow) => number) => departments.reduce((a, r) => a + pick(r), 0);
  const money = (pick: (r: TargetSettingDepartmentRow) => string) => departments.reduce((a, r) => add(a, pick(r)), '0.00');
  const counts = {
    year: input.year,
    units: sum((r) => r.units),
    departmentTargets: sum((r) => r.departmentTargets),
    policyTargets: sum((r) => r.policyTargets),
    policyFunds: money((r) => r.policyFunds),
    projectTargets: sum((r) => r.projectTargets),
    projectFunds: money((r) => r.projectFunds),
  };
  return {
    ...counts,
    orgId: input.orgId,
    unitsWithoutDepartmentTarget: departments.flatMap((r) => r.unitsWithoutDepartmentTarget),
    text: targetSettingText(counts, input.root.kind),
    departments,
  };
}
