import { INDICATOR_META_KEYS, INDICATOR_META_LABELS, INDICATOR_META_MAX, type IndicatorMeta } from '@pt/domain';
import { isLevel2Of } from '@pt/web/library/data-access';
import type {
  CreateLibraryIndicatorBody,
  LevelFramework,
  LibraryIndicator,
  UpdateLibraryIndicatorBody,
} from '@pt/web/library/data-access';

/**
 * The add/edit form of a library indicator (指标库 page, system administrator only) as pure
 * functions: values, client-side checks with Chinese messages, request bodies, server details.
 */

export interface LibraryFormValue {
  frameworkCode: string;
  level1: string;
  level2: string;
  name: string;
  target: string;
  /** 指标解释, 设定依据 ("" = none), 评(扣)分标准, 数据来源 (domain §11). */
  explanation: string;
  basis: string;
  scoringRule: string;
  dataSource: string;
}

export type LibraryField = keyof LibraryFormValue;
export type LibraryFormErrors = Partial<Record<LibraryField, string>>;

const LIMITS: Record<Exclude<LibraryField, 'frameworkCode' | 'basis'>, [number, string]> = {
  level1: [50, '一级指标'],
  level2: [50, '二级指标'],
  name: [300, '三级指标名称'],
  target: [500, '参考指标值'],
  explanation: [INDICATOR_META_MAX.explanation, INDICATOR_META_LABELS.explanation],
  scoringRule: [INDICATOR_META_MAX.scoringRule, INDICATOR_META_LABELS.scoringRule],
  dataSource: [INDICATOR_META_MAX.dataSource, INDICATOR_META_LABELS.dataSource],
};

export function emptyLibraryForm(partial: Partial<LibraryFormValue> = {}): LibraryFormValue {
  return { frameworkCode: '', level1: '', level2: '', name: '', target: '', explanation: '', basis: '', scoringRule: '', dataSource: '', ...partial };
}

export function formFromIndicator(i: Pick<LibraryIndicator, 'frameworkCode' | 'level1' | 'level2' | 'name' | 'target'> & IndicatorMeta): LibraryFormValue {
  const form = emptyLibraryForm({
    frameworkCode: i.frameworkCode,
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    target: i.target ?? '',
  });
  for (const k of INDICATOR_META_KEYS) form[k] = i[k] ?? '';
  return form;
}

/** Client-side checks (the server checks again); empty object when the form may be sent. */
export function validateLibraryForm(v: LibraryFormValue, fw: LevelFramework | null | undefined): LibraryFormErrors {
  const errors: LibraryFormErrors = {};
  if (!v.frameworkCode) errors.frameworkCode = '请选择指标体系';
  if (!v.level1.trim()) errors.level1 = '请选择一级指标';
  if (!v.level2.trim()) errors.level2 = '请选择二级指标';
  if (!v.name.trim()) errors.name = '请填写三级指标名称';
  for (const [field, [max, label]] of Object.entries(LIMITS) as [keyof typeof LIMITS, [number, string]][]) {
    if (!errors[field] && v[field].trim().length > max) errors[field] = `${label}最多 ${max} 个字符`;
  }
  if (!errors.level1 && !errors.level2 && fw && !isLevel2Of(fw, v.level1, v.level2)) {
    errors.level2 = `二级指标「${v.level2.trim()}」不属于「${v.level1.trim()}」`;
  }
  return errors;
}

export function hasErrors(errors: LibraryFormErrors): boolean {
  return Object.values(errors).some((m) => !!m);
}

/** POST body: trimmed, an empty reference value left out. */
export function createBody(v: LibraryFormValue): CreateLibraryIndicatorBody {
  const body: CreateLibraryIndicatorBody = {
    frameworkCode: v.frameworkCode,
    level1: v.level1.trim(),
    level2: v.level2.trim(),
    name: v.name.trim(),
  };
  const target = v.target.trim();
  if (target) body.target = target;
  for (const k of INDICATOR_META_KEYS) if (v[k].trim()) Object.assign(body, { [k]: v[k].trim() });
  return body;
}

/** PATCH body: only what changed (an emptied reference value is sent as null); null when nothing did. */
export function updateBody(
  original: Pick<LibraryIndicator, 'level1' | 'level2' | 'name' | 'target'> & IndicatorMeta,
  v: LibraryFormValue,
): UpdateLibraryIndicatorBody | null {
  const body: UpdateLibraryIndicatorBody = {};
  if (v.level1.trim() !== original.level1) body.level1 = v.level1.trim();
  if (v.level2.trim() !== original.level2) body.level2 = v.level2.trim();
  if (v.name.trim() !== original.name) body.name = v.name.trim();
  const target = v.target.trim();
  if (target !== (original.target ?? '')) body.target = target === '' ? null : target;
  for (const k of INDICATOR_META_KEYS) {
    const m = v[k].trim();
    if (m !== (original[k] ?? '')) Object.assign(body, { [k]: m === '' ? null : m });
  }
  return Object.keys(body).length ? body : null;
}

/** Field messages of a 400 answer (`details: [{ field, message }]`) for the form's fields. */
export function errorsFromDetails(details: readonly { field: string; message: string }[]): LibraryFormErrors {
  const errors: LibraryFormErrors = {};
  const fields: readonly string[] = ['frameworkCode', 'level1', 'level2', 'name', 'target', ...INDICATOR_META_KEYS];
  for (const d of details) {
    if (fields.includes(d.field) && !errors[d.field as LibraryField]) errors[d.field as LibraryField] = d.message;
  }
  return errors;
}
