import type { Dashboard, ProjectStatus, TargetKindKey } from '@pt/shared/api-types';
import { kindLabel } from '@pt/web/projects/data-access';

/** 自评等级, best first (domain §8). */
export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

/** The lights of the monitoring (domain §7) a list can be filtered by. */
export const LIGHTS = ['red', 'yellow', 'green', 'blue'] as const;
export type Light = (typeof LIGHTS)[number];

/** What the dashboard shows: one year, optionally one organisation (and what lies under it) and one kind of target. */
export interface DashboardFilter {
  year: number;
  orgId?: string | null;
  /** 项目 / 部门（单位）整体 / 政策; none: every kind. */
  kind?: TargetKindKey | null;
}

/** How the figures name what they count: 绩效目标 (every kind), 项目, 部门（单位）整体目标, 政策目标. */
export function countedNoun(kind: TargetKindKey | null | undefined): string {
  if (!kind) return '绩效目标';
  return kind === 'project' ? kindLabel(kind) : `${kindLabel(kind)}目标`;
}

/** Query parameters of the project list (`/projects?…`) a dashboard figure opens (a type, usable as router `Params`). */
export type ProjectListParams = {
  year?: number;
  orgId?: string;
  status?: ProjectStatus;
  grade?: Grade;
  scoreMin?: number;
  scoreMax?: number;
  light?: Light;
  evaluationStatus?: ProjectStatus;
  kind?: TargetKindKey;
};

/** Where a click on a figure goes: router commands plus query parameters. */
export interface DashboardLink {
  commands: string[];
  queryParams: ProjectListParams;
}

/**
 * Score range of "has a saved self-evaluation": every total score lies in [0, 101). The list filters
 * by score only among saved evaluations, so this range selects exactly the evaluated projects.
 */
export const EVALUATED_RANGE = { scoreMin: 0, scoreMax: 101 } as const;

/** Year, organisation and kind: every figure's list keeps the kind the figures were counted for. */
function base(f: DashboardFilter): ProjectListParams {
  const b: ProjectListParams = f.orgId ? { year: f.year, orgId: f.orgId } : { year: f.year };
  return f.kind ? { ...b, kind: f.kind } : b;
}

function list(params: ProjectListParams): DashboardLink {
  return { commands: ['/projects'], queryParams: params };
}

/** 项目数: every project of the year (under the organisation). */
export function projectsLink(f: DashboardFilter): DashboardLink {
  return list(base(f));
}

/** The targets of one kind of the year (项目, 部门（单位）整体, 政策). */
export function kindLink(f: DashboardFilter, kind: TargetKindKey): DashboardLink {
  return list({ ...base(f), kind });
}

/** A slice of 项目状态. */
export function statusLink(f: DashboardFilter, status: ProjectStatus): DashboardLink {
  return list({ ...base(f), status });
}

/** 已自评: the projects with a saved self-evaluation. */
export function evaluatedLink(f: DashboardFilter): DashboardLink {
  return list({ ...base(f), ...EVALUATED_RANGE });
}

/** Evaluations in one review state (自评状态). */
export function evaluationStatusLink(f: DashboardFilter, status: ProjectStatus): DashboardLink {
  return list({ ...base(f), evaluationStatus: status });
}

/** A bar of 自评等级. */
export function gradeLink(f: DashboardFilter, grade: Grade): DashboardLink {
  return list({ ...base(f), grade });
}

/** A bar of 得分分布: total score in [min, max). */
export function scoreBandLink(f: DashboardFilter, band: { min: number; max: number }): DashboardLink {
  return list({ ...base(f), scoreMin: band.min, scoreMax: band.max });
}

/** Projects whose latest monitoring light is `light` (红灯项目数: red). */
export function lightLink(f: DashboardFilter, light: Light): DashboardLink {
  return list({ ...base(f), light });
}

/** A bar of 单位平均分排名: the unit's projects with a saved self-evaluation (what its average counts). */
export function unitLink(f: DashboardFilter, orgId: string): DashboardLink {
  return list({ year: f.year, orgId, ...(f.kind ? { kind: f.kind } : {}), ...EVALUATED_RANGE });
}

/** A red project: its page. */
export function projectLink(id: string): DashboardLink {
  return { commands: ['/projects', id], queryParams: {} };
}

const PARAM_ORDER: (keyof ProjectListParams)[] = ['year', 'orgId', 'status', 'evaluationStatus', 'grade', 'scoreMin', 'scoreMax', 'light', 'kind'];

/** The link as a URL, e.g. `/projects?year=2024&grade=良` (for titles, tests and logs; not percent-encoded). */
export function linkUrl(link: DashboardLink): string {
  const path = link.commands.map((c, i) => (i === 0 ? c : encodeURIComponent(c))).join('/');
  const q = PARAM_ORDER.filter((k) => link.queryParams[k] !== undefined).map((k) => `${k}=${link.queryParams[k]}`);
  return q.length ? `${path}?${q.join('&')}` : path;
}

/** Projects with a saved self-evaluation: the sum of the grades. */
export function evaluatedCount(d: Pick<Dashboard, 'grades'>): number {
  return d.grades.reduce((s, g) => s + g.count, 0);
}

/** The count of one grade (0 when the server omitted it). */
export function gradeCount(d: Pick<Dashboard, 'grades'>, grade: Grade): number {
  return d.grades.find((g) => g.grade === grade)?.count ?? 0;
}
