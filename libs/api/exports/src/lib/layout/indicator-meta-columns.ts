import { INDICATOR_BASES, INDICATOR_META_KEYS, INDICATOR_META_LABELS, INDICATOR_META_MAX, type IndicatorBasis, type IndicatorMeta } from '@pt/domain';
import type { SheetModel } from './sheet-model';

/**
 * 指标解释, 设定依据, 评(扣)分标准, 数据来源 (domain §11) after the 申报表's 分值: the published forms have no such
 * columns, so they are added only to a table where a row has one (a table without them keeps the official layout);
 * the .xlsx import reads them back by their headers.
 */
export const META_COLUMNS: SheetModel['columns'] = INDICATOR_META_KEYS.map((k) => ({ header: INDICATOR_META_LABELS[k], width: k === 'basis' ? 10 : 24 }));

export function hasMetaRows(rows: readonly IndicatorMeta[]): boolean {
  return rows.some((r) => INDICATOR_META_KEYS.some((k) => (r[k] ?? '') !== ''));
}

export function metaCells(r: IndicatorMeta): string[] {
  return INDICATOR_META_KEYS.map((k) => r[k] ?? '');
}

/**
 * A row's fields read from the cells under the headers `headers` (a sheet's header row, by column); a 设定依据 not
 * among the four is a problem (returned, the field left out).
 */
export function metaFromCells(headers: readonly string[], cells: readonly string[]): { meta: IndicatorMeta; problem: string | null } {
  const meta: IndicatorMeta = {};
  let problem: string | null = null;
  for (const k of INDICATOR_META_KEYS) {
    const col = headers.indexOf(INDICATOR_META_LABELS[k]);
    if (col < 0) continue;
    const value = (cells[col] ?? '').trim();
    if (k === 'basis') {
      if (value === '') meta.basis = null;
      else if ((INDICATOR_BASES as readonly string[]).includes(value)) meta.basis = value as IndicatorBasis;
      else problem = `${INDICATOR_META_LABELS.basis}“${value}”须为${INDICATOR_BASES.join('、')}之一`;
    } else if (value.length > INDICATOR_META_MAX[k]) {
      problem = `${INDICATOR_META_LABELS[k]}最多 ${INDICATOR_META_MAX[k]} 个字符（该单元格有 ${value.length} 个）`;
    } else {
      meta[k] = value === '' ? null : value;
    }
  }
  return { meta, problem };
}

/** The description fields a row carries (those it has; none for a row from a source without them). */
export function pickMeta(r: IndicatorMeta): IndicatorMeta {
  const out: IndicatorMeta = {};
  for (const k of INDICATOR_META_KEYS) if (r[k] !== undefined) (out as Record<string, unknown>)[k] = r[k];
  return out;
}
