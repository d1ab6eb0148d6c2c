/** 指标库 */
export interface LibraryIndicator {
  id: string;
  frameworkCode: string;
  level1: string;
  level2: string;
  name: string;
  target: string | null;
  source: string | null;
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
export interface UpdateLibraryIndicatorDto {
  level1?: string;
  level2?: string;
  name?: string;
  target?: string | null;
}

/** POST /api/indicator-library */
export interface CreateLibraryIndicatorDto {
  frameworkCode: string;
  level1: string;
  level2: string;
  name: string;
  target?: string | null;
}
