import { findGroup, getFramework, normaliseLevelName } from './frameworks';
import { parseTargetValue } from './target-value';
import type { Finding } from './types';
import { type CheckInput, finding, type RowContext, sortFindings } from './checks/check-rules';
import { checkDates, checkFunds } from './checks/header-checks';
import { checkRow, isPlaceholder } from './checks/row-checks';
import { checkCopiedRows, checkDuplicateNames, checkPresence, checkRepeatedText } from './checks/table-checks';
import { checkAgainstLastYear } from './checks/history-checks';

/**
 * Checks on a target table (domain README §5): the rules and their input in checks/check-rules.ts, the header's
 * dates and funds in header-checks.ts, one row in row-checks.ts, the table as a whole in table-checks.ts.
 */
export { CHECK_RULES, type CheckInput, type CheckRule } from './checks/check-rules';
export { isPlaceholder } from './checks/row-checks';
export { COPIED_ROWS_MIN, findRepeatedText } from './checks/table-checks';
export { checkAgainstLastYear, indicatorKey } from './checks/history-checks';

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
    rows.push({
      index,
      row,
      name: (row.name ?? '').trim(),
      target: (row.target ?? '').trim(),
      parsed: parseTargetValue(row.target ?? ''),
      group: framework ? findGroup(framework, row.level1 ?? '') : undefined,
      level2: normaliseLevelName(row.level2 ?? ''),
    });
  });

  if (framework) {
    checkPresence(rows, framework, out);
    for (const ctx of rows) checkRow(ctx, framework, out);
  }
  checkDuplicateNames(rows, out);
  checkRepeatedText(rows, out);
  if (framework) checkCopiedRows(rows, framework, input.otherTables ?? [], out);
  if (input.history) out.push(...checkAgainstLastYear(rows.map((r) => ({ name: r.name, target: r.target, history: input.history?.[r.index] }))));
  return sortFindings(out);
}
