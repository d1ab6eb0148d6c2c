import { formatWan, TARGET_KIND_LABELS } from '@pt/domain';
import type { OrgKind, TargetSettingReport } from '@pt/shared/contracts';

/** The counts one paragraph is about: budget units, targets of each kind and the money they cover (元) — the report's own fields. */
export type TargetSettingCounts = Pick<TargetSettingReport, 'year' | 'units' | 'departmentTargets' | 'policyTargets' | 'policyFunds' | 'projectTargets' | 'projectFunds'>;

/** Who the paragraph speaks for: a department's budget document says 本部门, a unit's 本单位, the finance bureau's 全区. */
const SUBJECT: Record<OrgKind, string> = { finance: '全区', department: '本部门', unit: '本单位' };

/**
 * 绩效目标设置情况 as the budget documents print it (the coop-office and Yangpu references): "按照本市预算绩效管理工作的
 * 总体要求，本部门6个预算单位开展了2025年预算绩效目标编报工作，编报部门（单位）整体绩效目标6个；政策绩效目标0个，涉及
 * 预算资金0.00万元；项目绩效目标25个，涉及项目预算资金1,247.86万元。" — money in 万元, two decimals, thousands separators.
 * A unit speaks only for itself (no count of units).
 */
export function targetSettingText(c: TargetSettingCounts, subjectKind: OrgKind): string {
  const who = subjectKind === 'unit' ? SUBJECT.unit : `${SUBJECT[subjectKind]}${c.units}个预算单位`;
  return (
    `按照本市预算绩效管理工作的总体要求，${who}开展了${c.year}年预算绩效目标编报工作，` +
    `编报${TARGET_KIND_LABELS.department}绩效目标${c.departmentTargets}个；` +
    `${TARGET_KIND_LABELS.policy}绩效目标${c.policyTargets}个，涉及预算资金${wan(c.policyFunds)}万元；` +
    `${TARGET_KIND_LABELS.project}绩效目标${c.projectTargets}个，涉及项目预算资金${wan(c.projectFunds)}万元。`
  );
}

const wan = (yuan: string) => formatWan(yuan) || '0.00';
