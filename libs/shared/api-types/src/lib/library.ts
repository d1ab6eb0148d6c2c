import type { IndicatorBasis, IndicatorMeta } from '@pt/domain';
/** 指标库 */
export interface LibraryIndicator {
  id: string;
  frameworkCode: string;
  level1: string;
  level2: string;
  name: string;
  target: string | null;
  source: string | null;
  /** 指标解释, 设定依据, 评(扣)分标准, 数据来源 (null where not filled): picked into a table with the entry. */
  explanation: string | null;
  basis: IndicatorBasis | null;
  scoringRule: string | null;
  dataSource: string | null;
  usageCount: number;
  version: number;
}

export interface LibraryPage {
  items: LibraryIndicator[];
  total: number;
  page: number;
  pageSize: number;
}

/** GET /api/projects/:id/suggestions */
export interface Suggestions {
  /** Library indicators for the 二级 of the project's framework that its table does not cover yet, most used first. */
  library: LibraryIndicator[];
  /** Visible projects with similar names (most similar first), with their annual tables. */
  similarProjects: { id: string; name: string; year: number; orgName: string; similarity: number; indicators: { level1: string; level2: string; name: string; target: string }[] }[];
  /** The same-name project of the previous year in the same unit, whose table can be copied. */
  lastYear: { id: string; name: string; year: number; indicatorCount: number } | null;
}

/** PATCH /api/indicator-library/:id */
export interface UpdateLibraryIndicatorDto extends IndicatorMeta {
  level1?: string;
  level2?: string;
  name?: string;
  target?: string | null;
}

/** POST /api/indicator-library */
export interface CreateLibraryIndicatorDto extends IndicatorMeta {
  frameworkCode: string;
  level1: string;
  level2: string;
  name: string;
  target?: string | null;
}
