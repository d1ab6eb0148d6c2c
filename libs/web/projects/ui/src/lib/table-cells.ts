import { suggestTargetFixes } from '@pt/domain';
import type { Finding } from '@pt/domain';

/**
 * Pure decisions of the table editor's cells (no Angular): what the live 一级/二级 select takes from
 * what was typed into it, and which one-click fixes a row's 指标值 gets.
 */

/** An option as the select lists it after filtering by the typed text. */
export interface ListedOption {
  value: unknown;
  disabled?: boolean;
}

/**
 * The value the live select takes when what was typed is committed (Enter, Tab, leaving the cell):
 * the highlighted option when it is in the filtered list, else the first listed option, else the
 * typed text itself — kept, the checks then say it is not in the framework (nothing typed is dropped).
 * Null when nothing was typed and nothing is highlighted (the cell keeps its value).
 */
export function pickLevelValue(listed: readonly ListedOption[], highlighted: unknown, typed: string): string | null {
  const enabled = listed.filter((o) => !o.disabled && typeof o.value === 'string');
  const hit = enabled.find((o) => o.value === highlighted);
  const text = typed.trim();
  if (hit) return hit.value as string;
  if (text === '') return null;
  return enabled.length > 0 ? (enabled[0].value as string) : text;
}

/** Findings that say the 指标值 could not be read as the value it probably means. */
export const VALUE_FIX_CODES: readonly string[] = ['MALFORMED_NUMBER', 'MISSING_UNIT', 'IMPLIED_EQUAL'];

/**
 * One-click fixes of a row's 指标值 (the domain's `suggestTargetFixes`), only for a row with a finding
 * about reading its value; none that equals what is there already.
 */
export function valueFixes(target: string, name: string, findings: readonly Finding[]): string[] {
  if (!findings.some((f) => VALUE_FIX_CODES.includes(f.code))) return [];
  const current = target.trim();
  return suggestTargetFixes(target, name).filter((fix) => fix !== current);
}
