import { KIND_FORM_LABELS, TARGET_KIND_LABELS, type Framework } from '@pt/domain';
import type { ExportForm, KindExportForm, Monitoring, Project, Target, TargetKindKey } from '@pt/shared/contracts';
import { declarationModel } from './declaration-model';
import { departmentDeclarationModel } from './department-model';
import { policyDeclarationModel } from './policy-model';
import { monitoringModel, type SheetModel, type Signatures } from './sheet-model';

/** The forms every kind has; a kind's named form (KIND_EXPORT_FORMS) is one of them for one kind. */
export type BaseForm = 'declaration' | 'evaluation' | 'monitoring';

const NAMED: Record<KindExportForm, { kind: TargetKindKey; form: BaseForm }> = {
  'department-declaration': { kind: 'department', form: 'declaration' },
  'policy-declaration': { kind: 'policy', form: 'declaration' },
  'department-evaluation': { kind: 'department', form: 'evaluation' },
  'policy-evaluation': { kind: 'policy', form: 'evaluation' },
};

/** The kind a form is named for (`department-declaration` → department); null for the forms of every kind. */
export function kindOfForm(form: string): TargetKindKey | null {
  return (NAMED as Record<string, { kind: TargetKindKey }>)[form]?.kind ?? null;
}

/** A target's kind; an answer without one is a project's. */
export function kindOf(t: Project | Target): TargetKindKey {
  return (t as Partial<Target>).kind ?? 'project';
}

/**
 * The form to draw for a target: `declaration` / `evaluation` / `monitoring` follow the target's kind; a kind's named
 * form on a target of another kind is an error message (the caller answers 400), not a form of the wrong layout.
 */
export function resolveForm(form: ExportForm, kind: TargetKindKey): { form: BaseForm } | { error: string } {
  const named = (NAMED as Record<string, { kind: TargetKindKey; form: BaseForm }>)[form];
  if (!named) return { form: form as BaseForm };
  if (named.kind !== kind) return { error: `表单 ${form} 只适用于${TARGET_KIND_LABELS[named.kind]}绩效目标，该目标是${TARGET_KIND_LABELS[kind]}绩效目标` };
  return { form: named.form };
}

/** The name of the form drawn for a target of `kind` (a 部门整体 target's `declaration` is `department-declaration`). */
export function namedForm(form: ExportForm, kind: TargetKindKey): ExportForm {
  const key = `${kind}-${form}`;
  return key in NAMED ? (key as KindExportForm) : form;
}

/** The 申报表 of the target's kind (部门（单位）整体 / 政策 / 项目). */
export function declarationOf(t: Project | Target, sheetName: string | undefined, signatures: Signatures, framework: Framework | undefined): SheetModel {
  const kind = kindOf(t);
  if (kind === 'department') return departmentDeclarationModel(t as Target, sheetName, signatures, framework);
  if (kind === 'policy') return policyDeclarationModel(t as Target, sheetName, signatures, framework);
  return declarationModel(t, sheetName, signatures, framework);
}

/** The year's money of a target as the lists print it: a project's 年度资金申请总额, a department's 资金总额, a policy's 年度资金规模. */
export function annualAmount(t: Project | Target): string | null {
  const x = t as Target;
  if (kindOf(t) === 'department') return x.department?.budget.total ?? t.funds.annualTotal;
  if (kindOf(t) === 'policy') return x.policy?.annualFunds ?? t.funds.annualTotal;
  return t.funds.annualTotal;
}

/** The 运行监控表 of each kind: the project's layout, titled and its name labelled for the kind. */
const MONITORING_KIND: Record<Exclude<TargetKindKey, 'project'>, { title: string; name: string }> = {
  department: { title: KIND_FORM_LABELS.department.monitoring, name: KIND_FORM_LABELS.department.name },
  policy: { title: KIND_FORM_LABELS.policy.monitoring, name: KIND_FORM_LABELS.policy.name },
};

export function monitoringOf(t: Project | Target, mon: Monitoring, sheetName: string | undefined, framework: Framework | undefined): SheetModel {
  const m = monitoringModel(t, mon, sheetName, framework);
  const kind = kindOf(t);
  if (kind === 'project') return m;
  const [first, ...rest] = m.header;
  return { ...m, title: MONITORING_KIND[kind].title, header: [[{ ...first[0], text: MONITORING_KIND[kind].name }, ...first.slice(1)], ...rest] };
}
