import { findGroup, normaliseLevelName } from '../frameworks';
import { parseTargetValue } from '../target-value';
import type { Finding, Framework, FrameworkGroup, IndicatorRow } from '../types';
import { TARGET_NOUNS } from '../fields/other-target-fields';
import { type CheckInput, finding, type RowContext, rowLabel } from './check-rules';
import { isPlaceholder, nameKey, roleOf } from './row-checks';

/** The checks across the rows of a table: what it must contain, names repeated, rows copied from another project. */

/** Grade words that, put in front of a name, do not make it a different indicator. */
const NEAR_DUPLICATE_PREFIX_RE = /^(加强|提升|提高|促进|保障|确保|有效|进一步|持续)+/;
/** A trailing department tag of a name, e.g. `（协作服务科）`, `(督查室)`. */
const NAME_TAG_RE = /[(（][^()（）]{1,12}[)）]\s*$/;
/** COPIED_ROWS needs at least this many identical 产出/效益 rows with one other project. */
export const COPIED_ROWS_MIN = 2;

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

/** 产出, 效益 (other than 满意度) and 满意度 must each have a 三级 row. */
export function checkPresence(rows: readonly RowContext[], framework: Framework, out: Finding[]): void {
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
}

/** Duplicate names, and names that differ only by a grade word in front (`加强培训` / `培训`). */
export function checkDuplicateNames(rows: readonly RowContext[], out: Finding[]): void {
  const named = rows.filter((ctx) => ctx.name !== '');
  const firstByName = new Map<string, RowContext>();
  for (const ctx of named) {
    const key = nameKey(ctx.name);
    const first = firstByName.get(key);
    if (first) out.push(finding('DUPLICATE_NAME', `${rowLabel(ctx)}与第${first.index + 1}行的三级指标名称重复。`, ctx.index));
    else firstByName.set(key, ctx);
  }
  for (const ctx of named) {
    const key = nameKey(ctx.name);
    const stripped = key.replace(NEAR_DUPLICATE_PREFIX_RE, '');
    if (stripped === key || stripped === '') continue;
    const other = named.find((o) => o !== ctx && nameKey(o.name).replace(NEAR_DUPLICATE_PREFIX_RE, '') === stripped && nameKey(o.name) !== key);
    if (other) {
      const extra = key.slice(0, key.length - stripped.length);
      out.push(finding('NEAR_DUPLICATE_NAME', `${rowLabel(ctx)}与第${other.index + 1}行「${other.name}」仅相差“${extra}”等字样，疑似同一指标重复填写。`, ctx.index));
    }
  }
}

/** Repeated text in names and qualitative values (a paste gone twice). */
export function checkRepeatedText(rows: readonly RowContext[], out: Finding[]): void {
  for (const ctx of rows) {
    const inName = findRepeatedText(ctx.name);
    const inValue = ctx.parsed.kind === 'qualitative' ? findRepeatedText(ctx.target) : null;
    const parts: string[] = [];
    if (inName) parts.push(`指标名称中“${inName}”`);
    if (inValue) parts.push(`指标值中“${inValue}”`);
    if (parts.length > 0) {
      out.push(finding('REPEATED_TEXT', `${rowLabel(ctx)}：${parts.join('，')}重复出现，请检查是否误粘贴。`, ctx.index));
    }
  }
}

function copiedRowKey(row: IndicatorRow): string {
  const name = nameKey((row.name ?? '').trim().replace(NAME_TAG_RE, ''));
  const parsed = parseTargetValue(row.target ?? '');
  return [normaliseLevelName(row.level2 ?? ''), name, parsed.text].join('\u0000');
}

/**
 * Rows copied verbatim from another project of the same unit. Only the project-specific part of a table is
 * compared: 产出 and 效益 rows (not 满意度, 成本, 投入与管理, 影响力), because the other groups are commonly
 * filled with the same standard indicators in every project.
 */
export function checkCopiedRows(
  rows: readonly RowContext[],
  framework: Framework,
  otherTables: NonNullable<CheckInput['otherTables']>,
  out: Finding[],
): void {
  const specific = (row: IndicatorRow) => {
    if (!row || isPlaceholder(row)) return false;
    const role = roleOf(findGroup(framework, row.level1 ?? ''), normaliseLevelName(row.level2 ?? ''));
    return role === 'output' || role === 'benefit';
  };
  for (const other of otherTables) {
    const keys = new Set((other.rows ?? []).filter(specific).map(copiedRowKey));
    const matched = rows.filter((ctx) => ctx.name !== '' && ctx.target !== '' && specific(ctx.row) && keys.has(copiedRowKey(ctx.row)));
    if (matched.length < COPIED_ROWS_MIN) continue;
    for (const ctx of matched) {
      out.push(
        finding(
          'COPIED_ROWS',
          // the other table may be of any kind: named by it where known (项目 / 部门（单位）整体绩效目标 / 政策绩效目标)
          `${rowLabel(ctx)}与本单位${other.kind ? TARGET_NOUNS[other.kind] : '绩效目标'}「${other.projectName}」中的指标完全相同（二级指标、三级指标、指标值），共${matched.length}行相同，请确认是否照搬。`,
          ctx.index,
        ),
      );
    }
  }
}
