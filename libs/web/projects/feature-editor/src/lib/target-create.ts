import { DEPARTMENT_FIELD_LABELS, POLICY_FIELD_LABELS, PROJECT_FIELD_LABELS } from '@pt/domain';
import type { CreateTargetBody, TargetKindKey } from '@pt/web/projects/data-access';

/**
 * The create page's choices per kind (pure): what its name is called, whether it must be typed, its unit's label,
 * and the POST body.
 */
export interface KindCreateText {
  nameLabel: string;
  /** A department target's name defaults to its unit's name: it may be left empty. */
  nameRequired: boolean;
  namePlaceholder: string;
  orgLabel: string;
  /** One line under the choice: what this kind of target is. */
  hint: string;
}

export const KIND_CREATE_TEXT: Record<TargetKindKey, KindCreateText> = {
  project: {
    nameLabel: PROJECT_FIELD_LABELS.name,
    nameRequired: true,
    namePlaceholder: '如：对口支援项目经费',
    orgLabel: PROJECT_FIELD_LABELS.org,
    hint: '一个预算项目的申报表：项目资金、项目情况、总目标与年度目标及指标表。',
  },
  department: {
    nameLabel: DEPARTMENT_FIELD_LABELS.orgName,
    nameRequired: false,
    namePlaceholder: '默认为单位名称',
    orgLabel: '部门（单位）',
    hint: '整个单位一个年度的目标：年度预算申请、年度主要任务、年度总体目标及指标表。每个单位每年一份。',
  },
  policy: {
    nameLabel: POLICY_FIELD_LABELS.name,
    nameRequired: true,
    namePlaceholder: '如：困难群众基本生活救助政策',
    orgLabel: POLICY_FIELD_LABELS.department,
    hint: '一项政策在实施期内的目标：政策依据、实施期、资金规模，中期目标与年度目标及各自的指标表。',
  },
};

export interface CreateFormValue {
  kind: TargetKindKey;
  year: number;
  name: string;
  orgId: string;
  frameworkCode: string;
}

/** The POST body: the name trimmed; a department target's empty name left out (the server takes the unit's). */
export function createBody(v: CreateFormValue): CreateTargetBody {
  const name = v.name.trim();
  const body: CreateTargetBody = { kind: v.kind, year: v.year, orgId: v.orgId, frameworkCode: v.frameworkCode };
  if (name !== '' || KIND_CREATE_TEXT[v.kind].nameRequired) body.name = name;
  return body;
}

/**
 * The name to show after the unit changed: a department target's name follows its unit's until the user types one
 * of their own (the previous unit's name, or nothing, counts as not typed).
 */
export function followUnitName(kind: TargetKindKey, current: string, previousUnitName: string | null, unitName: string | null): string {
  // leaving the department kind: the unit's name it put there goes with it
  if (kind !== 'department') return previousUnitName !== null && current === previousUnitName ? '' : current;
  const typed = current.trim() !== '' && current !== previousUnitName;
  return typed ? current : (unitName ?? '');
}

/** The unit's own name from an option label `部门 / 单位`. */
export function unitNameOf(label: string | null | undefined): string | null {
  if (!label) return null;
  const parts = label.split(' / ');
  return parts[parts.length - 1] || null;
}
