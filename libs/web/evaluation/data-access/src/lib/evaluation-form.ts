import { Dec, EVALUATION_FIELD_LABELS as E, EVALUATION_REPORT_LABELS, EVALUATION_REPORT_TITLE, FUNDS_BLOCK_LABEL, FUNDS_COLUMN_LABELS, getFramework, GRADE_BANDS, INDICATOR_COLUMN_LABELS, scoreEvaluation } from '@pt/domain';
import type {
  EvaluationInput,
  EvaluationProblem,
  EvaluationResult,
  Framework,
  QualitativeGrade,
  ScoringSettings,
  TargetValue,
  TotalGrade,
} from '@pt/domain';
import type { ApiErrorDetail, Evaluation, EvaluationItem, EvaluationReportField, PutEvaluationDto } from '@pt/shared/api-types';
import { REPORT_FIELDS, REPORT_MAX, reportBody, reportFormFrom } from './evaluation-report-form';
import { fundsBody, fundsFieldLabel, fundsFormFrom, isWanAmount, validateFundsForm, WAN_MESSAGE, wanText, yuanOf } from './evaluation-funds-form';
import type { FundsForm } from './evaluation-funds-form';
import { indicatorRowHead, type IndicatorRowHead } from './indicator-row';
import { DECIMAL_PATTERN, orNull, POINTS_PATTERN } from './numbers';

/** The project's framework version (from the evaluation's `basis`) or a framework code. */
export type FrameworkOrCode = Framework | string | null | undefined;

/**
 * The self-evaluation page's form state and the pure functions around it: the live score (the
 * domain's `scoreEvaluation`, the same code the server runs), the PUT body, the format checks of the
 * DTO, and the Chinese labels of fields, flags and grades.
 */

/** How a row is scored (mirrors the domain's scoring): by formula, by grade, or achieved yes/no. */
export type EvaluationRowKind = 'quantitative' | 'qualitative' | 'compare';

export const QUALITATIVE_GRADE_OPTIONS: readonly { value: QualitativeGrade; label: string }[] = [
  { value: '达成', label: '达成年度指标' },
  { value: '部分达成', label: '部分达成年度指标并具有一定效果' },
  { value: '未达成', label: '未达成年度指标且效果较差' },
];

export interface EvaluationFormRow extends IndicatorRowHead {
  kind: EvaluationRowKind;
  /** A row with neither name nor 指标值 (printed in published tables): no input, no weight. */
  placeholder: boolean;
  actual: string;
  actualUnit: string | null;
  grade: QualitativeGrade | null;
  score: string;
  weight: string;
  achieved: boolean | null;
  description: string;
  deviationReason: string;
  /** The reviewer's 10号 deduction is applied to this row (set by the API only; scored live like the server does). */
  deduction: boolean;
}

export interface EvaluationForm {
  /** The total row's 全年预算数 / 全年执行数, typed in 万元 (sent in yuan). */
  budget: { annualBudget: string; executed: string };
  /** The rest of the funds block (10号 附件1), in 万元. */
  funds: FundsForm;
  /** 全年执行数 was carried from this month's monitoring report, as this 万元 text (marked while unchanged). */
  carried: { month: number; executed: string } | null;
  goalAchievement: string;
  /** The 自评报告 (完成情况, 偏差原因, 存在问题, 改进措施) as typed. */
  report: Record<EvaluationReportField, string>;
  /**
   * 自定义分值: the evaluator sets each row's 分值 (`rows[i].weight`, sent as `items[i].weight`); off:
   * every weight is sent as null and the domain splits each group's weight equally (README §8).
   */
  customWeights: boolean;
  rows: EvaluationFormRow[];
}

/** Which input a row gets — the same decision as the domain's `scoreRow`. */
export function evaluationRowKind(target: TargetValue): EvaluationRowKind {
  if (target.kind === 'compare') return 'compare';
  if (target.kind === 'quantitative' && !target.malformed) {
    const v = Dec.parse((target.value ?? '').trim());
    if (v && (target.direction === 'positive' || target.direction === 'equal' || target.direction === 'reverse')) return 'quantitative';
  }
  return 'qualitative';
}

function isPlaceholder(item: Pick<EvaluationItem, 'name' | 'target'>): boolean {
  const emptyTarget = item.target.kind === 'empty' || (item.target.raw ?? '').trim() === '';
  return emptyTarget && (item.name ?? '').trim() === '';
}

/**
 * The form of a loaded evaluation, amounts in 万元. `defaults.annualBudget` (the project's 年度资金申请总额, yuan)
 * fills 全年预算数 while nothing was saved.
 */
export function evaluationFormFrom(
  e: Pick<Evaluation, 'budget' | 'goalAchievement' | 'items'> & Partial<Pick<Evaluation, 'funds' | 'executedCarried' | 'report'>>,
  defaults: { annualBudget?: string | null } = {},
): EvaluationForm {
  const executed = wanText(e.budget.executed);
  return {
    budget: {
      annualBudget: wanText(e.budget.annualBudget ?? defaults.annualBudget),
      executed,
    },
    funds: fundsFormFrom(e.funds),
    carried: e.executedCarried ? { month: e.executedCarried.month, executed } : null,
    goalAchievement: e.goalAchievement ?? '',
    report: reportFormFrom(e.report),
    // explicit 分值 were saved: the page opens with 自定义分值 on
    customWeights: e.items.some((it) => (it.input.weight ?? '').trim() !== ''),
    rows: e.items.map((it) => ({
      ...indicatorRowHead(it),
      kind: evaluationRowKind(it.target),
      placeholder: isPlaceholder(it),
      actual: it.input.actual ?? '',
      actualUnit: it.input.actualUnit ?? null,
      grade: it.input.grade ?? null,
      score: it.input.score ?? '',
      weight: it.input.weight ?? '',
      achieved: it.input.achieved ?? null,
      description: it.input.description ?? '',
      deviationReason: it.input.deviationReason ?? '',
      deduction: !!it.deduction,
    })),
  };
}

/** The domain's input for a form: numbers cleaned as they will be sent; fields of other kinds left out. */
export function evaluationInput(form: EvaluationForm, framework: Framework, settings?: Partial<ScoringSettings>): EvaluationInput {
  const body = evaluationBody(form);
  return {
    framework,
    settings,
    budget: { annualBudget: body.budget.annualBudget, executed: body.budget.executed },
    rows: form.rows.map((r, i) => {
      const it = body.items[i];
      return {
        level1: r.level1,
        level2: r.level2,
        name: r.name,
        target: r.target,
        weight: it.weight ?? null,
        actual: it.actual ?? null,
        actualUnit: it.actualUnit ?? null,
        grade: it.grade ?? null,
        score: it.score ?? null,
        achieved: it.achieved ?? null,
        description: it.description ?? null,
        deviationReason: it.deviationReason ?? null,
        deduction: r.deduction,
      };
    }),
  };
}

/**
 * The live score of the form with the framework version of the project (the evaluation's `basis`, as the
 * server scores; a code: the shipped framework, `getFramework` of the domain), or null when it is unknown.
 */
export function scoreEvaluationForm(form: EvaluationForm, frameworkOrCode: FrameworkOrCode, settings?: Partial<ScoringSettings>): EvaluationResult | null {
  const framework = typeof frameworkOrCode === 'string' ? getFramework(frameworkOrCode) : (frameworkOrCode ?? undefined);
  if (!framework) return null;
  return scoreEvaluation(evaluationInput(form, framework, settings));
}

function text(s: string | null | undefined): string | null {
  const t = (s ?? '').trim();
  return t === '' ? null : t;
}

/**
 * PUT /api/projects/:id/evaluation: every row, with only the fields its kind uses; 分值 only with
 * 自定义分值 (else null: the equal split) and never on an empty placeholder row.
 */
export function evaluationBody(form: EvaluationForm): PutEvaluationDto {
  return {
    budget: { annualBudget: yuanOf(form.budget.annualBudget), executed: yuanOf(form.budget.executed) },
    funds: fundsBody(form.funds),
    goalAchievement: text(form.goalAchievement),
    report: reportBody(form.report),
    items: form.rows.map((r) => ({
      indicatorId: r.indicatorId,
      actual: r.kind === 'quantitative' ? orNull(r.actual) : null,
      actualUnit: r.kind === 'quantitative' ? text(r.actualUnit) : null,
      grade: r.kind === 'qualitative' ? r.grade : null,
      score: r.kind === 'quantitative' ? null : orNull(r.score),
      weight: form.customWeights && !r.placeholder ? orNull(r.weight) : null,
      achieved: r.kind === 'compare' ? r.achieved : null,
      description: text(r.description),
      deviationReason: text(r.deviationReason),
    })),
  };
}

/** A stable text of what would be saved (for "unsaved changes"). */
export function evaluationSignature(form: EvaluationForm): string {
  return JSON.stringify(evaluationBody(form));
}

/**
 * The format checks of the DTO (what the server would refuse with 400), with the field names the
 * server uses (`budget.annualBudget`, `items[2].actual`). Scoring rules are the domain's problems.
 */
export function validateEvaluationForm(form: EvaluationForm): ApiErrorDetail[] {
  const out: ApiErrorDetail[] = [];
  const b = evaluationBody(form);
  const money: Array<['annualBudget' | 'executed', string]> = [
    ['annualBudget', '全年预算数'],
    ['executed', '全年执行数'],
  ];
  for (const [key, label] of money) {
    const v = form.budget[key];
    if (b.budget[key] === '') out.push({ field: `budget.${key}`, message: `请填写${label}` });
    else if (!isWanAmount(v)) out.push({ field: `budget.${key}`, message: WAN_MESSAGE(label) });
  }
  out.push(...validateFundsForm(form.funds));
  b.items.forEach((it, i) => {
    if (it.actual && !DECIMAL_PATTERN.test(it.actual)) {
      out.push({ field: `items[${i}].actual`, message: '实际完成值须为数字（最多四位小数），单位与指标值相同，如 95 或 12.5' });
    }
    if (it.score && !POINTS_PATTERN.test(it.score)) {
      out.push({ field: `items[${i}].score`, message: '得分须为不超过两位小数的非负分数，如 10 或 7.50' });
    }
    if (it.weight && !POINTS_PATTERN.test(it.weight)) {
      out.push({ field: `items[${i}].weight`, message: '分值须为不超过两位小数的非负分数，如 10 或 7.50' });
    }
    if ((it.description ?? '').length > 2000) out.push({ field: `items[${i}].description`, message: '完成情况说明最多 2000 个字符' });
    if ((it.deviationReason ?? '').length > 2000) {
      out.push({ field: `items[${i}].deviationReason`, message: '偏差原因分析及改进措施最多 2000 个字符' });
    }
  });
  if ((b.goalAchievement ?? '').length > 5000) out.push({ field: 'goalAchievement', message: '总体目标完成情况最多 5000 个字符' });
  for (const k of REPORT_FIELDS) {
    if ((b.report?.[k] ?? '').length > REPORT_MAX) out.push({ field: `report.${k}`, message: `${EVALUATION_REPORT_LABELS[k]}最多 ${REPORT_MAX} 个字符` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Labels

const FIELD_LABELS: Record<string, string> = {
  actual: E.actual,
  actualUnit: `${E.actual}单位`,
  grade: '完成等级',
  score: E.score,
  weight: INDICATOR_COLUMN_LABELS.weight,
  achieved: '是否达成',
  description: '完成情况说明',
  deviationReason: E.deviationReason,
  deduction: '按偏离度扣分',
  indicatorId: '指标',
  'budget.annualBudget': FUNDS_COLUMN_LABELS.annualBudget,
  'budget.executed': FUNDS_COLUMN_LABELS.executed,
  budget: '预算执行',
  goalAchievement: '总体目标完成情况',
  ...Object.fromEntries(REPORT_FIELDS.map((k) => [`report.${k}`, `${EVALUATION_REPORT_TITLE}·${EVALUATION_REPORT_LABELS[k]}`])),
  items: '自评指标',
  rows: '自评指标',
};

/**
 * A field of an error detail or problem in Chinese: `items[2].score` → `第3行「培训人次」得分`,
 * `budget.executed` → `全年执行数`; `fundsLabel` names the funds block as the target's form does (项目资金, 政策资金…).
 */
export function evaluationFieldLabel(field: string | null | undefined, rows: readonly { name: string }[] = [], fundsLabel: string = FUNDS_BLOCK_LABEL): string {
  if (!field) return '';
  const m = /^(?:items|rows)\[(\d+)\](?:\.(.+))?$/.exec(field);
  if (m) {
    const i = Number(m[1]);
    const name = rows[i]?.name ? `「${rows[i].name}」` : '';
    const f = m[2] ? (FIELD_LABELS[m[2]] ?? m[2]) : '';
    return `第${i + 1}行${name}${f}`;
  }
  // a group's 分值 that do not add up: `items.weight（产出指标（含成本指标））`
  const g = /^items\.weight(.*)$/.exec(field);
  if (g) return `分值${g[1]}`;
  return FIELD_LABELS[field] ?? fundsFieldLabel(field, fundsLabel) ?? field;
}

/**
 * Where a live problem is: its row, its group, the budget or the whole table. The budget is named as the target's form
 * names its funds block (`fundsLabel`: KIND_FORM_LABELS[kind].funds), so a 政策 target's problem is not placed in 项目资金.
 */
export function problemPlace(p: EvaluationProblem, rows: readonly { name: string }[] = [], fundsLabel: string = FUNDS_BLOCK_LABEL): string {
  if (p.index !== null && p.index !== undefined) return evaluationFieldLabel(`items[${p.index}]`, rows);
  if (p.group) return p.group;
  if (p.field.startsWith('budget') || p.field.startsWith('funds')) return fundsLabel;
  return '整表';
}

/** Flags of a scored row in Chinese, with an ng-zorro tag colour. */
export const FLAG_LABELS: Readonly<Record<string, { label: string; color: string }>> = {
  PLACEHOLDER: { label: '空行', color: 'default' },
  UNKNOWN_GROUP: { label: '一级指标不在指标体系中', color: 'orange' },
  MISSING_ACTUAL: { label: '未填实际值', color: 'orange' },
  INVALID_ACTUAL: { label: '实际值无效', color: 'red' },
  NEGATIVE_ACTUAL: { label: '实际值为负', color: 'orange' },
  UNIT_MISMATCH: { label: '单位不一致', color: 'red' },
  FAR_ABOVE_TARGET: { label: '超出目标较多', color: 'gold' },
  MISSING_DESCRIPTION: { label: '缺少完成情况说明', color: 'orange' },
  MISSING_TARGET: { label: '无指标值', color: 'default' },
  MALFORMED_TARGET: { label: '指标值格式有误', color: 'default' },
  SCORE_OUTSIDE_BAND: { label: '得分不在等级区间内', color: 'red' },
  SCORE_OUT_OF_RANGE: { label: '得分超出分值范围', color: 'red' },
  DEVIATION_DEDUCTED: { label: '已按偏离度扣分', color: 'volcano' },
  DEDUCTION_NOT_APPLICABLE: { label: '扣分不适用', color: 'default' },
};

export function flagLabel(flag: string): string {
  return FLAG_LABELS[flag]?.label ?? flag;
}

export function flagColor(flag: string): string {
  return FLAG_LABELS[flag]?.color ?? 'default';
}

export const TOTAL_GRADE_COLORS: Readonly<Record<TotalGrade, string>> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };

/** The score range a row's explicit 得分 must lie in: [0, 分值] for a 比… row, the grade's band for a graded one. */
export function rowBandText(row: Pick<EvaluationFormRow, 'kind' | 'grade'>, weight: string | null | undefined): string {
  const w = weight ?? '';
  if (row.kind === 'compare') return w ? `[0.00, ${w}]` : '';
  return gradeBandText(row.grade, w);
}

/** The score band of a qualitative grade for a 分值, e.g. 达成 of 7.50 → `[6.00, 7.50]`. */
export function gradeBandText(grade: QualitativeGrade | null, weight: string): string {
  if (!grade) return '';
  const w = Dec.parse(weight);
  if (!w) return '';
  const band = GRADE_BANDS[grade];
  return `[${w.mul(Dec.of(band.min)).toFixed(2)}, ${w.mul(Dec.of(band.max)).toFixed(2)}${band.maxInclusive ? ']' : ')'}`;
}

/**
 * Row spans for merged 一级 / 二级 cells (consecutive rows with the same 一级, and within it the same
 * 二级): the first row of a run gets the run's length, the others 0.
 */
export function levelSpans(rows: readonly { level1: string; level2: string }[]): { level1: number; level2: number }[] {
  const out = rows.map(() => ({ level1: 0, level2: 0 }));
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j < rows.length && rows[j].level1 === rows[i].level1) j++;
    out[i].level1 = j - i;
    let k = i;
    while (k < j) {
      let m = k;
      while (m < j && rows[m].level2 === rows[k].level2) m++;
      out[k].level2 = m - k;
      k = m;
    }
    i = j;
  }
  return out;
}
