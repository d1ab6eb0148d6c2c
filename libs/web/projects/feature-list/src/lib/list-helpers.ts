import { PROJECT_STATUS_LABELS, PROJECT_STATUSES, type ProjectStatus } from '@pt/domain';

/** Budget years offered in the filters: next year first, then the four before it. */
export function yearOptions(currentYear: number): number[] {
  return [currentYear + 1, currentYear, currentYear - 1, currentYear - 2, currentYear - 3];
}

/** The year options, plus the selected year when it is older (e.g. a dashboard link to 2020). */
export function withSelectedYear(options: readonly number[], year: number | null): number[] {
  return year === null || options.includes(year) ? [...options] : [...options, year].sort((a, b) => b - a);
}

export const GRADE_VALUES = ['优', '良', '中', '差'] as const;
export type GradeValue = (typeof GRADE_VALUES)[number];
export const LIGHT_VALUES = ['red', 'yellow', 'green', 'blue'] as const;
export type LightValue = (typeof LIGHT_VALUES)[number];
// a self-evaluation goes through the same review states as a target (the domain's workflow)
const EVALUATION_STATUSES = PROJECT_STATUSES;
type EvaluationStatus = ProjectStatus;

export const LIGHT_LABELS: Record<LightValue | 'none', string> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  blue: '蓝灯',
  none: '未亮灯',
};
export const LIGHT_COLORS: Record<LightValue | 'none', string> = {
  red: '#f5222d',
  yellow: '#faad14',
  green: '#52c41a',
  blue: '#1677ff',
  none: '#d9d9d9',
};
/** `nz-tag` colours of the self-evaluation grades. */
export const GRADE_TAG_COLORS: Record<GradeValue, string> = { 优: 'success', 良: 'blue', 中: 'warning', 差: 'error' };

/** The dashboard's filters of the project list (besides year, unit, status and search). */
export interface ExtraFilters {
  grade: GradeValue | null;
  scoreMin: number | null;
  scoreMax: number | null;
  light: LightValue | null;
  evaluationStatus: EvaluationStatus | null;
}

export const NO_EXTRA_FILTERS: ExtraFilters = { grade: null, scoreMin: null, scoreMax: null, light: null, evaluationStatus: null };

function intIn(raw: string | null, min: number, max: number): number | null {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function oneOf<T extends string>(raw: string | null, values: readonly T[]): T | null {
  return raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : null;
}

/** Read the filters from the URL's query parameters; invalid values are dropped (the API would refuse them). */
export function parseExtraFilters(get: (key: string) => string | null): ExtraFilters {
  let scoreMin = intIn(get('scoreMin'), 0, 100);
  let scoreMax = intIn(get('scoreMax'), 0, 101);
  if (scoreMin !== null && scoreMax !== null && scoreMax <= scoreMin) scoreMin = scoreMax = null;
  return {
    grade: oneOf(get('grade'), GRADE_VALUES),
    scoreMin,
    scoreMax,
    light: oneOf(get('light'), LIGHT_VALUES),
    evaluationStatus: oneOf(get('evaluationStatus'), EVALUATION_STATUSES),
  };
}

/** The filters as query parameters (undefined drops a parameter from the URL). */
export function extraQueryParams(f: ExtraFilters): Record<'grade' | 'scoreMin' | 'scoreMax' | 'light' | 'evaluationStatus', string | number | undefined> {
  return {
    grade: f.grade ?? undefined,
    scoreMin: f.scoreMin ?? undefined,
    scoreMax: f.scoreMax ?? undefined,
    light: f.light ?? undefined,
    evaluationStatus: f.evaluationStatus ?? undefined,
  };
}

export type FilterTagKey = 'grade' | 'score' | 'light' | 'evaluationStatus';

export interface FilterTag {
  key: FilterTagKey;
  label: string;
}

const EVALUATION_STATUS_LABELS: Record<EvaluationStatus, string> = PROJECT_STATUS_LABELS;

/** The score range as people say it: `得分 60–70`, `得分 90–100`, `得分 ≥ 60`, `得分 < 60`; [0, 101) is `已自评`. */
export function scoreLabel(min: number | null, max: number | null): string {
  if (min === 0 && max !== null && max > 100) return '已自评';
  const top = (m: number) => (m > 100 ? 100 : m);
  if (min !== null && max !== null) return `得分 ${min}–${top(max)}`;
  if (min !== null) return `得分 ≥ ${min}`;
  if (max !== null) return max > 100 ? '已自评' : `得分 < ${max}`;
  return '';
}

/** The active filters as closable tags, e.g. 等级: 良, 得分 60–70, 红灯. */
export function filterTags(f: ExtraFilters): FilterTag[] {
  const tags: FilterTag[] = [];
  if (f.grade) tags.push({ key: 'grade', label: `等级: ${f.grade}` });
  if (f.scoreMin !== null || f.scoreMax !== null) tags.push({ key: 'score', label: scoreLabel(f.scoreMin, f.scoreMax) });
  if (f.light) tags.push({ key: 'light', label: LIGHT_LABELS[f.light] });
  if (f.evaluationStatus) tags.push({ key: 'evaluationStatus', label: `自评状态: ${EVALUATION_STATUS_LABELS[f.evaluationStatus]}` });
  return tags;
}

/** The filters without the one of a closed tag (the score tag holds both bounds). */
export function withoutFilter(f: ExtraFilters, key: FilterTagKey): ExtraFilters {
  if (key === 'score') return { ...f, scoreMin: null, scoreMax: null };
  return { ...f, [key]: null };
}
