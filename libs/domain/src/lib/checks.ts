import { findGroup, getFramework, isSatisfactionLevel2, normaliseLevelName } from './frameworks';
import { isPercentUnit, normaliseTargetChars, parseTargetValue } from './target-value';
import type { Finding, Framework, FrameworkGroup, Funds, IndicatorRow, Severity, TargetValue } from './types';

/**
 * Checks on a target table (domain README §5): what reviewers catch by hand today.
 *
 * - `indicatorIndex` is the 0-based index into `input.rows`; messages number rows from 1
 *   (`第3行` = `rows[2]`), counting every input row.
 * - Empty placeholder rows (no 三级 name and no value, as printed under unused 二级 in published
 *   tables) are ignored entirely: they produce no finding and do not count as indicators.
 * - 一级/二级 labels are compared after `normaliseLevelName` (`产出 指标` = `产出指标`).
 * - Money is compared as integer cents (BigInt), never as floats.
 */

export interface CheckInput {
  frameworkCode: string; // 'mof-2021' | 'shanghai-2020' | …
  /** The version of the framework the project was declared under; without it, the shipped one of `frameworkCode`. */
  framework?: Framework | null;
  rows: IndicatorRow[];
  /** Budget year. */
  year?: number;
  /** 'YYYY-MM-DD' */
  startDate?: string | null;
  endDate?: string | null;
  /** Yuan decimal strings. */
  funds?: Funds | null;
  /** Other projects of the same unit (for COPIED_ROWS). */
  otherTables?: { projectName: string; rows: IndicatorRow[] }[];
}

export interface CheckRule {
  code: string;
  severity: Severity;
  title: string;
}

/** Every rule, in the order findings of one row are reported. */
export const CHECK_RULES: readonly CheckRule[] = [
  { code: 'UNKNOWN_FRAMEWORK', severity: 'error', title: '未知的指标体系' },
  { code: 'NO_OUTPUT', severity: 'error', title: '缺少产出指标' },
  { code: 'NO_BENEFIT', severity: 'error', title: '缺少效益指标' },
  { code: 'NO_SATISFACTION', severity: 'warning', title: '缺少满意度指标' },
  { code: 'DATES_INVALID', severity: 'error', title: '计划日期无效' },
  { code: 'DATES_OUTSIDE_YEAR', severity: 'warning', title: '计划日期不在预算年度内' },
  { code: 'FUNDS_INVALID', severity: 'error', title: '项目资金金额无效' },
  { code: 'FUNDS_NOT_ADDING_UP', severity: 'error', title: '项目资金合计不符' },
  { code: 'UNKNOWN_LEVEL1', severity: 'error', title: '一级指标不在指标体系内' },
  { code: 'LEVEL2_NOT_IN_LEVEL1', severity: 'error', title: '二级指标不属于一级指标' },
  { code: 'EMPTY_NAME', severity: 'error', title: '三级指标名称为空' },
  { code: 'EMPTY_TARGET', severity: 'error', title: '指标值为空' },
  { code: 'MALFORMED_NUMBER', severity: 'error', title: '指标值数值格式不正确' },
  { code: 'IMPLIED_EQUAL', severity: 'info', title: '指标值未写运算符，按“=”理解' },
  { code: 'MISSING_UNIT', severity: 'error', title: '定量指标值缺少计量单位' },
  { code: 'QUANTITY_QUALITATIVE', severity: 'warning', title: '数量指标使用了定性指标值' },
  { code: 'PERCENT_OVER_100', severity: 'warning', title: '百分比指标值超过100%' },
  { code: 'VALUE_IN_NAME', severity: 'warning', title: '指标名称中含有数值或运算符' },
  { code: 'DESCRIPTION_AS_VALUE', severity: 'warning', title: '指标值是考核内容的描述而非目标值' },
  { code: 'BUDGET_RATE_AS_OUTPUT', severity: 'warning', title: '资金管理类指标用作产出指标' },
  { code: 'DUPLICATE_NAME', severity: 'error', title: '三级指标名称重复' },
  { code: 'NEAR_DUPLICATE_NAME', severity: 'warning', title: '三级指标名称疑似重复' },
  { code: 'REPEATED_TEXT', severity: 'warning', title: '文字重复' },
  { code: 'COPIED_ROWS', severity: 'warning', title: '指标与本单位其他项目完全相同' },
];

const RULE_ORDER = new Map(CHECK_RULES.map((r, i) => [r.code, i]));
const SEVERITY = new Map(CHECK_RULES.map((r) => [r.code, r.severity]));

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
/** Grade words that, put in front of a name, do not make it a different indicator. */
const NEAR_DUPLICATE_PREFIX_RE = /^(加强|提升|提高|促进|保障|确保|有效|进一步|持续)+/;
/** A trailing department tag of a name, e.g. `（协作服务科）`, `(督查室)`. */
const NAME_TAG_RE = /[(（][^()（）]{1,12}[)）]\s*$/;
/** COPIED_ROWS needs at least this many identical 产出/效益 rows with one other project. */
export const COPIED_ROWS_MIN = 2;

interface RowContext {
  index: number;
  row: IndicatorRow;
  name: string;
  target: string;
  parsed: TargetValue;
  group: FrameworkGroup | undefined;
  level2: string;
}

function label(ctx: { index: number; name: string }): string {
  return ctx.name === '' ? `第${ctx.index + 1}行（未填写三级指标名称）` : `第${ctx.index + 1}行「${ctx.name}」`;
}

function finding(code: string, message: string, indicatorIndex: number | null): Finding {
  return { code, severity: SEVERITY.get(code) ?? 'error', message, indicatorIndex };
}

/** Name used for duplicate detection: width-normalised, no white space. */
function nameKey(name: string): string {
  return normaliseTargetChars(name).replace(/\s+/g, '');
}

export function isPlaceholder(row: IndicatorRow): boolean {
  return (row.name ?? '').trim() === '' && (row.target ?? '').trim() === '';
}

/** Role of a row for the presence checks. */
function roleOf(group: FrameworkGroup | undefined, level2: string): 'output' | 'benefit' | 'satisfaction' | 'other' {
  if (!group) return 'other';
  if (group.role === 'satisfaction') return 'satisfaction';
  if (group.role === 'benefit') return isSatisfactionLevel2(level2) ? 'satisfaction' : 'benefit';
  if (group.role === 'output') return 'output';
  return 'other';
}

function isQuantityLevel2(level2: string): boolean {
  return level2 === '数量指标' || level2 === '数量';
}

/** First immediately repeated substring of ≥ 2 characters that contains a letter (CJK or Latin). */
export function findRepeatedText(text: string): string | null {
  const chars = Array.from(text.slice(0, 500));
  const n = chars.length;
  for (let i = 0; i < n; i++) {
    for (let len = 2; i + 2 * len <= n; len++) {
      let same = true;
      for (let k = 0; k < len; k++) {
        if (chars[i + k] !== chars[i + len + k]) {
          same = false;
          break;
        }
      }
      if (!same) continue;
      const unit = chars.slice(i, i + len).join('');
      if (/\p{L}/u.test(unit)) return unit;
    }
  }
  return null;
}

/** Money as integer cents; null when absent; 'invalid' when not a non-negative amount. */
function moneyCents(v: string | null | undefined): bigint | null | 'invalid' {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  if (s === '') return null;
  const m = /^(?:([0-9]{1,3}(?:,[0-9]{3})+)|([0-9]+))(?:\.([0-9]{1,2}))?$/.exec(s);
  if (!m) return 'invalid';
  const int = (m[1] ?? m[2]).replace(/,/g, '');
  const frac = (m[3] ?? '').padEnd(2, '0');
  return BigInt(int) * 100n + BigInt(frac);
}

function formatCents(c: bigint): string {
  const neg = c < 0n;
  const a = neg ? -c : c;
  const int = (a / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (a % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/** Compare two canonical decimal strings exactly (no floats). */
function compareDecimal(a: string, b: string): number {
  const scale = (s: string) => {
    const neg = s.startsWith('-');
    const [int, frac = ''] = s.replace(/^[+-]/, '').split('.');
    return { neg, int, frac };
  };
  const x = scale(a);
  const y = scale(b);
  const digits = Math.max(x.frac.length, y.frac.length);
  const toBig = (p: { neg: boolean; int: string; frac: string }) => {
    const v = BigInt(p.int + p.frac.padEnd(digits, '0'));
    return p.neg ? -v : v;
  };
  const d = toBig(x) - toBig(y);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function isValidIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function checkDates(input: CheckInput, out: Finding[]): void {
  const start = (input.startDate ?? '').trim();
  const end = (input.endDate ?? '').trim();
  const bad: string[] = [];
  if (start !== '' && !isValidIsoDate(start)) bad.push(`计划开始日期「${start}」`);
  if (end !== '' && !isValidIsoDate(end)) bad.push(`计划完成日期「${end}」`);
  if (bad.length > 0) {
    out.push(finding('DATES_INVALID', `${bad.join('、')}不是有效日期（格式应为YYYY-MM-DD）。`, null));
    return;
  }
  if (start !== '' && end !== '' && end < start) {
    out.push(finding('DATES_INVALID', `计划完成日期 ${end} 早于计划开始日期 ${start}。`, null));
    return;
  }
  if (input.year === undefined || input.year === null) return;
  const y = String(input.year);
  const outside: string[] = [];
  if (start !== '' && start.slice(0, 4) !== y) outside.push(`计划开始日期 ${start}`);
  if (end !== '' && end.slice(0, 4) !== y) outside.push(`计划完成日期 ${end}`);
  if (outside.length > 0) {
    out.push(finding('DATES_OUTSIDE_YEAR', `${outside.join('、')}不在预算年度 ${y} 年内。`, null));
  }
}

const FUND_LABELS: Record<keyof Funds, string> = {
  total: '项目资金总额',
  fiscal: '财政资金',
  other: '其他资金',
  annualTotal: '年度资金申请总额',
  annualFiscal: '当年财政拨款',
  carryover: '上年结转资金',
  annualOther: '其他资金（年度）',
};

function checkFunds(funds: Funds | null | undefined, out: Finding[]): void {
  if (!funds) return;
  const cents: Partial<Record<keyof Funds, bigint | null>> = {};
  const invalid: string[] = [];
  for (const key of Object.keys(FUND_LABELS) as (keyof Funds)[]) {
    const c = moneyCents(funds[key]);
    if (c === 'invalid') invalid.push(`${FUND_LABELS[key]}「${funds[key]}」`);
    else cents[key] = c;
  }
  if (invalid.length > 0) {
    out.push(finding('FUNDS_INVALID', `项目资金金额无效：${invalid.join('、')}（应为不带负号、最多两位小数的元金额）。`, null));
    return;
  }
  const sumCheck = (totalKey: keyof Funds, parts: (keyof Funds)[]) => {
    const total = cents[totalKey];
    if (total === null || total === undefined) return;
    if (parts.every((p) => cents[p] === null || cents[p] === undefined)) return; // nothing to add up
    const sum = parts.reduce((acc, p) => acc + (cents[p] ?? 0n), 0n);
    if (sum !== total) {
      const detail = parts.map((p) => `${FUND_LABELS[p]} ${formatCents(cents[p] ?? 0n)}`).join(' + ');
      out.push(
        finding(
          'FUNDS_NOT_ADDING_UP',
          `${FUND_LABELS[totalKey]} ${formatCents(total)} 元不等于 ${detail} = ${formatCents(sum)} 元。`,
          null,
        ),
      );
    }
  };
  sumCheck('total', ['fiscal', 'other']);
  sumCheck('annualTotal', ['annualFiscal', 'carryover', 'annualOther']);
}

function copiedRowKey(row: IndicatorRow): string {
  const name = nameKey((row.name ?? '').trim().replace(NAME_TAG_RE, ''));
  const parsed = parseTargetValue(row.target ?? '');
  return [normaliseLevelName(row.level2 ?? ''), name, parsed.text].join('\u0000');
}

function checkRow(ctx: RowContext, framework: Framework, out: Finding[]): void {
  const { index, name, target, parsed, group, level2, row } = ctx;
  const who = label(ctx);
  if (!group) {
    out.push(
      finding(
        'UNKNOWN_LEVEL1',
        `${who}的一级指标「${row.level1 ?? ''}」不属于指标体系「${framework.name}」（可选：${framework.groups
          .map((g) => g.name)
          .join('、')}）。`,
        index,
      ),
    );
  } else if (!group.children.includes(level2)) {
    out.push(
      finding(
        'LEVEL2_NOT_IN_LEVEL1',
        level2 === ''
          ? `${who}未填写二级指标（一级指标「${group.name}」下可选：${group.children.join('、')}）。`
          : `${who}的二级指标「${row.level2}」不属于一级指标「${group.name}」（可选：${group.children.join('、')}）。`,
        index,
      ),
    );
  }
  if (name === '') {
    out.push(finding('EMPTY_NAME', `${who}：已填写指标值「${target}」，但未填写三级指标名称。`, index));
  }
  if (target === '') {
    out.push(finding('EMPTY_TARGET', `${who}未填写指标值。`, index));
  } else {
    if (parsed.malformed) {
      out.push(
        finding(
          'MALFORMED_NUMBER',
          `${who}的指标值「${target}」格式不正确：定量指标值应写成“运算符+数值+单位”，如 ≥90.00(%)、=4.00(家)、不低于95%、90%-95%。`,
          index,
        ),
      );
    }
    if (parsed.impliedOperator) {
      // §11: a bare number with a unit is read as `=`, said (not refused) so a "≥" meant can be written.
      out.push(
        finding('IMPLIED_EQUAL', `${who}的指标值「${target}」未写运算符，按“${parsed.text}”（等于）理解；如目标为“不低于”，请写成 ≥${parsed.text.slice(1)}。`, index),
      );
    }
    if ((parsed.kind === 'quantitative' || parsed.kind === 'compare') && !parsed.unit) {
      out.push(finding('MISSING_UNIT', `${who}的指标值「${target}」缺少计量单位，如 (%)、(个)、(次)。`, index));
    }
    if (isQuantityLevel2(level2) && parsed.kind === 'qualitative' && !parsed.malformed) {
      out.push(
        finding('QUANTITY_QUALITATIVE', `${who}是数量指标，但指标值「${target}」不是定量值（应为数值和单位）。`, index),
      );
    }
    if (
      parsed.kind === 'quantitative' &&
      parsed.value !== null &&
      isPercentUnit(parsed.unit) &&
      (compareDecimal(parsed.valueMax ?? parsed.value, '100') > 0 || (parsed.operator === '>' && compareDecimal(parsed.value, '100') === 0))
    ) {
      out.push(finding('PERCENT_OVER_100', `${who}的百分比指标值「${target}」超过100%。`, index));
    }
  }
  const normName = normaliseTargetChars(name);
  if (name !== '' && (NAME_OPERATOR_RE.test(normName) || NAME_QUANTITY_RE.test(normName))) {
    out.push(
      finding('VALUE_IN_NAME', `${who}的指标名称中含有数值或运算符，目标值应填写在“指标值”栏，名称只写考核内容。`, index),
    );
  }
  if (parsed.kind === 'qualitative' && !parsed.malformed) {
    const v = parsed.text;
    if (DESCRIPTION_START_RE.test(v) || (DESCRIPTION_WORD_RE.test(v) && !TARGET_WORD_RE.test(v))) {
      out.push(
        finding('DESCRIPTION_AS_VALUE', `${who}的指标值「${v}」描述的是考核内容或方法，而不是要达到的目标值。`, index),
      );
    }
  }
  if (group?.role === 'output' && BUDGET_RATE_RE.test(nameKey(name))) {
    out.push(
      finding(
        'BUDGET_RATE_AS_OUTPUT',
        `${who}：预算执行率、资金到位率、资金支付率反映资金管理情况，不宜作为产出指标。`,
        index,
      ),
    );
  }
}

/** Run every check of domain §5 on one target table. Never throws on any input. */
export function checkTable(input: CheckInput): Finding[] {
  const out: Finding[] = [];
  const framework = input.framework ?? getFramework(input.frameworkCode);
  if (!framework) {
    out.push(finding('UNKNOWN_FRAMEWORK', `未知的指标体系「${input.frameworkCode}」，无法检查指标结构。`, null));
  }
  checkDates(input, out);
  checkFunds(input.funds, out);

  const rows: RowContext[] = [];
  (input.rows ?? []).forEach((row, index) => {
    if (!row || isPlaceholder(row)) return;
    const name = (row.name ?? '').trim();
    const target = (row.target ?? '').trim();
    rows.push({
      index,
      row,
      name,
      target,
      parsed: parseTargetValue(row.target ?? ''),
      group: framework ? findGroup(framework, row.level1 ?? '') : undefined,
      level2: normaliseLevelName(row.level2 ?? ''),
    });
  });

  if (framework) {
    const roles = new Set(rows.map((r) => roleOf(r.group, r.level2)));
    const groupsOf = (role: FrameworkGroup['role']) =>
      framework.groups
        .filter((g) => g.role === role)
        .map((g) => g.name)
        .join('、');
    if (!roles.has('output')) {
      out.push(finding('NO_OUTPUT', `缺少产出指标：「${groupsOf('output')}」下至少应有一个三级指标。`, null));
    }
    if (!roles.has('benefit')) {
      out.push(finding('NO_BENEFIT', `缺少效益指标：「${groupsOf('benefit')}」下至少应有一个满意度以外的三级指标。`, null));
    }
    if (!roles.has('satisfaction')) {
      out.push(finding('NO_SATISFACTION', '未设置满意度指标（如“服务对象满意度”）。', null));
    }
    for (const ctx of rows) checkRow(ctx, framework, out);
  }

  // Duplicate and near-duplicate names.
  const firstByName = new Map<string, RowContext>();
  for (const ctx of rows) {
    if (ctx.name === '') continue;
    const key = nameKey(ctx.name);
    const first = firstByName.get(key);
    if (first) {
      out.push(finding('DUPLICATE_NAME', `${label(ctx)}与第${first.index + 1}行的三级指标名称重复。`, ctx.index));
    } else {
      firstByName.set(key, ctx);
    }
  }
  for (const ctx of rows) {
    if (ctx.name === '') continue;
    const key = nameKey(ctx.name);
    const stripped = key.replace(NEAR_DUPLICATE_PREFIX_RE, '');
    if (stripped === key || stripped === '') continue;
    const other = rows.find((o) => o !== ctx && o.name !== '' && nameKey(o.name).replace(NEAR_DUPLICATE_PREFIX_RE, '') === stripped && nameKey(o.name) !== key);
    if (other) {
      out.push(
        finding(
          'NEAR_DUPLICATE_NAME',
          `${label(ctx)}与第${other.index + 1}行「${other.name}」仅相差“${key.slice(0, key.length - stripped.length)}”等字样，疑似同一指标重复填写。`,
          ctx.index,
        ),
      );
    }
  }

  // Repeated text in names and qualitative values.
  for (const ctx of rows) {
    const inName = findRepeatedText(ctx.name);
    const inValue = ctx.parsed.kind === 'qualitative' ? findRepeatedText(ctx.target) : null;
    const parts: string[] = [];
    if (inName) parts.push(`指标名称中“${inName}”`);
    if (inValue) parts.push(`指标值中“${inValue}”`);
    if (parts.length > 0) {
      out.push(finding('REPEATED_TEXT', `${label(ctx)}：${parts.join('，')}重复出现，请检查是否误粘贴。`, ctx.index));
    }
  }

  // Rows copied verbatim from another project of the same unit. Only the project-specific part
  // of a table is compared: 产出 and 效益 rows (not 满意度, 成本, 投入与管理, 影响力), because the
  // other groups are commonly filled with the same standard indicators in every project.
  const specific = (row: IndicatorRow) => {
    if (!framework || !row || isPlaceholder(row)) return false;
    const role = roleOf(findGroup(framework, row.level1 ?? ''), normaliseLevelName(row.level2 ?? ''));
    return role === 'output' || role === 'benefit';
  };
  for (const other of input.otherTables ?? []) {
    if (!framework) break;
    const keys = new Set((other.rows ?? []).filter(specific).map(copiedRowKey));
    const matched = rows.filter(
      (ctx) => ctx.name !== '' && ctx.target !== '' && specific(ctx.row) && keys.has(copiedRowKey(ctx.row)),
    );
    if (matched.length < COPIED_ROWS_MIN) continue;
    for (const ctx of matched) {
      out.push(
        finding(
          'COPIED_ROWS',
          `${label(ctx)}与本单位项目「${other.projectName}」中的指标完全相同（二级指标、三级指标、指标值），共${matched.length}行相同，请确认是否照搬。`,
          ctx.index,
        ),
      );
    }
  }

  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const ia = a.f.indicatorIndex ?? -1;
      const ib = b.f.indicatorIndex ?? -1;
      if (ia !== ib) return ia - ib;
      const ra = RULE_ORDER.get(a.f.code) ?? 0;
      const rb = RULE_ORDER.get(b.f.code) ?? 0;
      return ra !== rb ? ra - rb : a.i - b.i;
    })
    .map((x) => x.f);
}
