import { Dec } from '../decimal';
import { isSatisfactionLevel2 } from '../frameworks';
import { INDICATOR_COLUMN_LABELS } from '../fields/table-fields';
import { isPercentUnit, normaliseTargetChars } from '../target-value';
import type { Finding, Framework, FrameworkGroup, IndicatorRow } from '../types';
import { finding, type RowContext, rowLabel } from './check-rules';

/** The checks of one row of a target table: its place in the framework, its name and its value. */

/** A value is a description (how to measure) rather than a target when it starts like this… */
const DESCRIPTION_START_RE = /^(考核|是否|反映|衡量|用于|考察)/;
/** …or talks about a degree / situation… */
const DESCRIPTION_WORD_RE = /程度|情况/;
/** …without any word that states a target. */
const TARGET_WORD_RE =
  /达到|达成|完成|提高|提升|明显|显著|有效|良好|完善|健全|符合|确保|实现|不低于|不少于|以上|较好|较高|规范|及时|合理|完整|到位|增强|加强|改善|优化/;
/** 预算执行率 / 资金到位率 (incl. 预算资金到位率) / 资金支付率 measure budget management, not output. */
const BUDGET_RATE_RE = /预算执行率|资金到位率|资金支付率/;
/** A comparison operator in an indicator name. */
const NAME_OPERATOR_RE = /[≥≤<>=]/;
/** A number followed by a measure word in an indicator name, e.g. `培训2次`, `160余人次`, `100%`. */
const NAME_QUANTITY_RE =
  /[0-9]+(?:\.[0-9]+)?\s*(?:余|多)?\s*(?:%|‰|人次|万元|亿元|小时|课时|学时|平方米|公里|个|次|人|家|件|场|项|篇|条|天|元|户|所|台|套|辆|米|吨)/;
const HUNDRED = Dec.fromInt(100);
const VALUE_COLUMN = INDICATOR_COLUMN_LABELS.target;

/** Name used for duplicate detection: width-normalised, no white space. */
export function nameKey(name: string): string {
  return normaliseTargetChars(name).replace(/\s+/g, '');
}

export function isPlaceholder(row: IndicatorRow): boolean {
  return (row.name ?? '').trim() === '' && (row.target ?? '').trim() === '';
}

/** Role of a row for the presence checks. */
export function roleOf(group: FrameworkGroup | undefined, level2: string): 'output' | 'benefit' | 'satisfaction' | 'other' {
  if (!group) return 'other';
  if (group.role === 'satisfaction') return 'satisfaction';
  if (group.role === 'benefit') return isSatisfactionLevel2(level2) ? 'satisfaction' : 'benefit';
  if (group.role === 'output') return 'output';
  return 'other';
}

function isQuantityLevel2(level2: string): boolean {
  return level2 === '数量指标' || level2 === '数量';
}

/** A percentage value above 100 (`≥101%`, `90%-120%`), or `>100%`. */
function overHundredPercent(ctx: RowContext): boolean {
  const p = ctx.parsed;
  if (p.kind !== 'quantitative' || p.value === null || !isPercentUnit(p.unit)) return false;
  const top = Dec.parse(p.valueMax ?? p.value);
  const value = Dec.parse(p.value);
  return (top !== null && top.gt(HUNDRED)) || (p.operator === '>' && value !== null && value.eq(HUNDRED));
}

function checkPlace(ctx: RowContext, framework: Framework, who: string, out: Finding[]): void {
  const { index, group, level2, row } = ctx;
  if (!group) {
    const options = framework.groups.map((g) => g.name).join('、');
    out.push(finding('UNKNOWN_LEVEL1', `${who}的一级指标「${row.level1 ?? ''}」不属于指标体系「${framework.name}」（可选：${options}）。`, index));
  } else if (!group.children.includes(level2)) {
    const options = group.children.join('、');
    out.push(
      finding(
        'LEVEL2_NOT_IN_LEVEL1',
        level2 === ''
          ? `${who}未填写二级指标（一级指标「${group.name}」下可选：${options}）。`
          : `${who}的二级指标「${row.level2}」不属于一级指标「${group.name}」（可选：${options}）。`,
        index,
      ),
    );
  }
}

function checkValue(ctx: RowContext, who: string, out: Finding[]): void {
  const { index, target, parsed, level2 } = ctx;
  if (target === '') {
    out.push(finding('EMPTY_TARGET', `${who}未填写${VALUE_COLUMN}。`, index));
    return;
  }
  if (parsed.malformed) {
    out.push(
      finding(
        'MALFORMED_NUMBER',
        `${who}的${VALUE_COLUMN}「${target}」格式不正确：定量指标值应写成“运算符+数值+单位”，如 ≥90.00(%)、=4.00(家)、不低于95%、90%-95%。`,
        index,
      ),
    );
  }
  if (parsed.impliedOperator) {
    // §11: a bare number with a unit is read as `=`, said (not refused) so a "≥" meant can be written.
    out.push(
      finding('IMPLIED_EQUAL', `${who}的${VALUE_COLUMN}「${target}」未写运算符，按“${parsed.text}”（等于）理解；如目标为“不低于”，请写成 ≥${parsed.text.slice(1)}。`, index),
    );
  }
  if ((parsed.kind === 'quantitative' || parsed.kind === 'compare') && !parsed.unit) {
    out.push(finding('MISSING_UNIT', `${who}的${VALUE_COLUMN}「${target}」缺少计量单位，如 (%)、(个)、(次)。`, index));
  }
  if (isQuantityLevel2(level2) && parsed.kind === 'qualitative' && !parsed.malformed) {
    out.push(finding('QUANTITY_QUALITATIVE', `${who}是数量指标，但${VALUE_COLUMN}「${target}」不是定量值（应为数值和单位）。`, index));
  }
  if (overHundredPercent(ctx)) {
    out.push(finding('PERCENT_OVER_100', `${who}的百分比${VALUE_COLUMN}「${target}」超过100%。`, index));
  }
}

/** Every check of one row (not a placeholder) of a table whose framework is known. */
export function checkRow(ctx: RowContext, framework: Framework, out: Finding[]): void {
  const { index, name, target, parsed, group } = ctx;
  const who = rowLabel(ctx);
  checkPlace(ctx, framework, who, out);
  if (name === '') {
    out.push(finding('EMPTY_NAME', `${who}：已填写${VALUE_COLUMN}「${target}」，但未填写三级指标名称。`, index));
  }
  checkValue(ctx, who, out);
  const normName = normaliseTargetChars(name);
  if (name !== '' && (NAME_OPERATOR_RE.test(normName) || NAME_QUANTITY_RE.test(normName))) {
    out.push(finding('VALUE_IN_NAME', `${who}的指标名称中含有数值或运算符，目标值应填写在“${VALUE_COLUMN}”栏，名称只写考核内容。`, index));
  }
  if (parsed.kind === 'qualitative' && !parsed.malformed) {
    const v = parsed.text;
    if (DESCRIPTION_START_RE.test(v) || (DESCRIPTION_WORD_RE.test(v) && !TARGET_WORD_RE.test(v))) {
      out.push(finding('DESCRIPTION_AS_VALUE', `${who}的${VALUE_COLUMN}「${v}」描述的是考核内容或方法，而不是要达到的目标值。`, index));
    }
  }
  if (group?.role === 'output' && BUDGET_RATE_RE.test(nameKey(name))) {
    out.push(finding('BUDGET_RATE_AS_OUTPUT', `${who}：预算执行率、资金到位率、资金支付率反映资金管理情况，不宜作为产出指标。`, index));
  }
}
