import type { PickRow } from '@pt/api/core';
import type { LibraryIndicator } from '@pt/shared/contracts';
import type { IndicatorLibraryEntity } from '../entities';

/** An indicator_library row as the library page and the 填报建议 read it (their usage_count is computed differently). */
export type LibraryRow = PickRow<
  IndicatorLibraryEntity,
  'id' | 'framework_code' | 'level1' | 'level2' | 'name' | 'target' | 'source' | 'usage_count' | 'version' | 'explanation' | 'basis' | 'scoring_rule' | 'data_source'
>;

/** The columns of a LibraryRow but usage_count, from `indicator_library l`. */
export const LIBRARY_COLUMNS = 'l.id, l.framework_code, l.level1, l.level2, l.name, l.target, l.source, l.version, l.explanation, l.basis, l.scoring_rule, l.data_source';

export function toLibraryIndicator(r: LibraryRow): LibraryIndicator {
  return {
    id: r.id,
    frameworkCode: r.framework_code,
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    target: r.target,
    source: r.source,
    explanation: r.explanation,
    basis: r.basis,
    scoringRule: r.scoring_rule,
    dataSource: r.data_source,
    usageCount: r.usage_count,
    version: r.version,
  };
}
