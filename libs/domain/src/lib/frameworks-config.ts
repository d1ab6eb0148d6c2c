/**
 * Frameworks and scoring settings as data an administrator edits (issue 12): the rules an edited version
 * must keep, shared by the API (which refuses a bad version with 400) and the admin screen (which shows
 * the same messages before sending). Every problem names its field as the request does.
 */
import { isDecimalString, Dec } from './decimal';
import { normaliseLevelName } from './frameworks';
import type { ScoringSettings, TotalGrade } from './scoring';
import type { FrameworkGroup } from './types';

/** A problem of an edited framework or settings version: the request field and a Chinese message. */
export interface ConfigProblem {
  field: string;
  message: string;
}

/** The roles a 一级 group may play in checks and scoring (`types.ts` FrameworkGroup.role). */
export const FRAMEWORK_GROUP_ROLES: readonly FrameworkGroup['role'][] = ['output', 'benefit', 'satisfaction', 'cost', 'management', 'impact'];

export const FRAMEWORK_GROUP_ROLE_LABELS: Readonly<Record<FrameworkGroup['role'], string>> = {
  output: '产出',
  benefit: '效益',
  satisfaction: '满意度',
  cost: '成本（与产出共用权重）',
  management: '投入与管理',
  impact: '影响力',
};

/** The region each shipped framework was published for (version 1 of the stored data). */
export const SHIPPED_FRAMEWORK_REGIONS: Readonly<Record<string, string>> = { 'mof-2021': '全国', 'shanghai-2020': '上海市' };

/** Framework 一级 weights are points out of this many (scoring scales them to the settings' indicator points). */
export const FRAMEWORK_WEIGHT_TOTAL = 90;

export const REVERSE_RULE_LABELS: Readonly<Record<ScoringSettings['reverseRule'], string>> = {
  linear: '线性扣减：超出目标按比例扣分，达到目标值 2 倍时得 0 分',
  ratio: '比值计分：分值 × 目标值 / 实际值',
};

export const TOTAL_GRADES: readonly TotalGrade[] = ['优', '良', '中', '差'];

const NAME_MAX = 40;

function decimalProblem(v: unknown, field: string, label: string, maxScale: number): ConfigProblem | null {
  if (typeof v !== 'string' || !isDecimalString(v.trim(), maxScale) || Dec.of(v.trim()).isNegative()) {
    return { field, message: `${label}须为不小于 0、最多 ${maxScale} 位小数的数字` };
  }
  return null;
}

/**
 * The rules of an edited framework: named, unique 一级 and 二级 names, a known role, at least one 产出 group,
 * and weights that add up to 90 where set — exactly 90 when every group that does not share the 产出 weight
 * has one, less than 90 when some such group is left to the equal split of what remains.
 */
export function frameworkProblems(f: { name: string; region: string; groups: readonly FrameworkGroup[] }): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  if (!f.name?.trim()) out.push({ field: 'name', message: '请填写指标体系名称' });
  else if (f.name.trim().length > 200) out.push({ field: 'name', message: '指标体系名称最多 200 个字符' });
  if (!f.region?.trim()) out.push({ field: 'region', message: '请填写适用地区' });
  else if (f.region.trim().length > 50) out.push({ field: 'region', message: '适用地区最多 50 个字符' });
  const groups = f.groups ?? [];
  if (groups.length === 0) out.push({ field: 'groups', message: '至少需要一个一级指标' });
  const level1 = new Set<string>();
  groups.forEach((g, i) => {
    const name = normaliseLevelName(g.name ?? '');
    if (!name) out.push({ field: `groups[${i}].name`, message: `第 ${i + 1} 个一级指标未填写名称` });
    else if (name.length > NAME_MAX) out.push({ field: `groups[${i}].name`, message: `一级指标名称最多 ${NAME_MAX} 个字符` });
    else if (level1.has(name)) out.push({ field: `groups[${i}].name`, message: `一级指标“${name}”重复` });
    level1.add(name);
    if (!FRAMEWORK_GROUP_ROLES.includes(g.role)) out.push({ field: `groups[${i}].role`, message: `一级指标“${name}”的类别无效` });
    if (g.weight !== null && (typeof g.weight !== 'number' || !Number.isFinite(g.weight) || g.weight < 0 || !isDecimalString(String(g.weight), 2))) {
      out.push({ field: `groups[${i}].weight`, message: `一级指标“${name}”的权重须为 0–${FRAMEWORK_WEIGHT_TOTAL}、最多两位小数的数字，或留空` });
    }
    const children = g.children ?? [];
    if (children.length === 0) out.push({ field: `groups[${i}].children`, message: `一级指标“${name}”至少需要一个二级指标` });
    const level2 = new Set<string>();
    children.forEach((c, j) => {
      const n = normaliseLevelName(c ?? '');
      const field = `groups[${i}].children[${j}]`;
      if (!n) out.push({ field, message: `一级指标“${name}”的第 ${j + 1} 个二级指标未填写名称` });
      else if (n.length > NAME_MAX) out.push({ field, message: `二级指标名称最多 ${NAME_MAX} 个字符` });
      else if (level2.has(n)) out.push({ field, message: `二级指标“${n}”在“${name}”下重复` });
      level2.add(n);
    });
  });
  if (groups.length > 0 && !groups.some((g) => g.role === 'output')) out.push({ field: 'groups', message: '至少需要一个类别为“产出”的一级指标' });
  if (out.some((p) => p.field.endsWith('.weight'))) return out;
  const weighted = groups.filter((g) => g.weight !== null);
  if (weighted.length === 0) return out;
  // a cost group without a weight shares the first output group's (scoring decision 2), so it needs none
  const hasOutput = groups.some((g) => g.role === 'output');
  const leftToSplit = groups.filter((g) => g.weight === null && !(g.role === 'cost' && hasOutput)).length;
  const sum = Dec.sum(weighted.map((g) => Dec.of(String(g.weight))));
  const total = Dec.fromInt(FRAMEWORK_WEIGHT_TOTAL);
  if (leftToSplit === 0 && !sum.eq(total)) {
    out.push({ field: 'groups.weight', message: `一级指标权重合计 ${sum.toString()} 分，应为 ${FRAMEWORK_WEIGHT_TOTAL} 分` });
  } else if (leftToSplit > 0 && !sum.lt(total)) {
    out.push({ field: 'groups.weight', message: `一级指标权重合计 ${sum.toString()} 分：有一级指标未设权重时，已设权重合计须小于 ${FRAMEWORK_WEIGHT_TOTAL} 分` });
  }
  return out;
}

/**
 * The rules of edited scoring settings: a known reverse rule, a threshold in [0, 10], 预算执行率 and indicator
 * points adding up to 100, and the grade bands 优, 良, 中, 差 in that order with falling lower bounds, 差 from 0.
 */
export function scoringSettingsProblems(s: ScoringSettings): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  if (s.reverseRule !== 'linear' && s.reverseRule !== 'ratio') out.push({ field: 'reverseRule', message: '反向指标计分规则须为 linear（线性扣减）或 ratio（比值计分）' });
  const far = decimalProblem(s.farAboveThreshold, 'farAboveThreshold', '超目标提示阈值', 4);
  if (far) out.push(far);
  else if (Dec.of(s.farAboveThreshold.trim()).gt(Dec.fromInt(10))) out.push({ field: 'farAboveThreshold', message: '超目标提示阈值须在 0 至 10（即 1000%）之间' });
  const budget = decimalProblem(s.budgetPoints, 'budgetPoints', '预算执行率分值', 2);
  const indicators = decimalProblem(s.indicatorPoints, 'indicatorPoints', '指标分值', 2);
  if (budget) out.push(budget);
  if (indicators) out.push(indicators);
  if (!budget && !indicators && !Dec.of(s.budgetPoints.trim()).add(Dec.of(s.indicatorPoints.trim())).eq(Dec.fromInt(100))) {
    out.push({ field: 'indicatorPoints', message: `预算执行率分值与指标分值合计须为 100 分（现为 ${s.budgetPoints} + ${s.indicatorPoints}）` });
  }
  const bands = s.gradeBands ?? [];
  if (bands.length !== TOTAL_GRADES.length || bands.some((b, i) => b?.grade !== TOTAL_GRADES[i])) {
    out.push({ field: 'gradeBands', message: '等级须依次为 优、良、中、差' });
    return out;
  }
  let previous: Dec | null = null;
  bands.forEach((b, i) => {
    const field = `gradeBands[${i}].min`;
    const bad = decimalProblem(b.min, field, `等级“${b.grade}”的下限`, 2);
    if (bad) {
      out.push(bad);
      previous = null;
      return;
    }
    const min = Dec.of(b.min.trim());
    if (min.gt(Dec.fromInt(100))) out.push({ field, message: `等级“${b.grade}”的下限不能超过 100 分` });
    else if (previous && !min.lt(previous)) out.push({ field, message: `等级“${b.grade}”的下限须低于等级“${bands[i - 1].grade}”的下限` });
    if (i === bands.length - 1 && !min.isZero()) out.push({ field, message: '等级“差”的下限须为 0' });
    previous = min;
  });
  return out;
}
