import { HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Finding } from '@pt/domain';
import {
  ApiPaths,
  type CreateProjectDto,
  type DepartmentFields,
  type FindingsResponse,
  type FrameworkResponse,
  type HistoryEntry,
  type IndicatorHistory,
  type IndicatorHistoryResponse,
  type IndicatorInputDto,
  type OrgNode,
  type PolicyFields,
  type ProjectPage,
  type ProjectStatus,
  type Target,
  type TargetChanges,
  type TargetKindKey,
  type TransitionDto,
  type UpdateProjectDto,
} from '@pt/shared/api-types';
import { AuthStore } from '@pt/web/auth/data-access';
import { VersionedRowsClient } from '@pt/web/shared/data-access';

export interface ProjectListQuery {
  /** One kind of target; every kind when absent. */
  kind?: TargetKindKey | null;
  year?: number | null;
  orgId?: string | null;
  status?: ProjectStatus | null;
  q?: string | null;
  page?: number;
  pageSize?: number;
  /** Only the projects waiting for the current reviewer. */
  inbox?: boolean;
  /** Dashboard click-through: grade of the saved self-evaluation. */
  grade?: '优' | '良' | '中' | '差' | null;
  /** Dashboard click-through: total score of the saved self-evaluation in [scoreMin, scoreMax). */
  scoreMin?: number | null;
  scoreMax?: number | null;
  /** Dashboard click-through: light of the latest monitoring report. */
  light?: 'red' | 'yellow' | 'green' | 'blue' | null;
  /** Dashboard click-through: review state of the self-evaluation. */
  evaluationStatus?: ProjectStatus | null;
  /** Count the matches up to this many only: more answer `total` = countUpTo with `totalCapped` ("200 条以上"). */
  countUpTo?: number | null;
}

/**
 * The list page's name search counts its matches up to 200 (issue 18): an exact count of a common term reads every
 * name of the year on the server, beyond 200 the page shows "200 条以上" and pages on.
 */
export const NAME_SEARCH_COUNT_UP_TO = 200;

/** Request bodies (the DTO classes of the contracts, used as plain types). */
export type CreateProjectBody = CreateProjectDto;
export type UpdateProjectBody = UpdateProjectDto;
/** POST /api/targets: a department target's name defaults to its organisation's (api-contract › every kind). */
export type CreateTargetBody = Omit<CreateProjectDto, 'name'> & { kind: TargetKindKey; name?: string };
/** PATCH /api/targets/:id: a project's header fields, or the kind's own block. */
export type UpdateTargetBody = UpdateProjectDto & { department?: DepartmentFields; policy?: PolicyFields };
export type IndicatorInput = IndicatorInputDto;
export type TransitionBody = TransitionDto;

/**
 * The targets API (shared/domain/api-contract.md; `/api/targets`, every kind — a project is one). Every write sends `If-Match` with the version
 * the caller last saw; the answered project carries the new version (taken from the `ETag` header,
 * falling back to the body's `version`).
 */
@Injectable({ providedIn: 'root' })
export class ProjectsApi extends VersionedRowsClient<Target, CreateTargetBody, UpdateTargetBody> {
  private frameworksCache: Promise<FrameworkResponse[]> | null = null;
  private orgsCache: { token: string | null; orgs: Promise<OrgNode[]> } | null = null;
  private readonly auth = inject(AuthStore);

  constructor() {
    super(ApiPaths.targets, ApiPaths.project);
  }

  /** Indicator frameworks (cached for the session). */
  frameworks(): Promise<FrameworkResponse[]> {
    if (!this.frameworksCache) {
      this.frameworksCache = this.read<FrameworkResponse[]>(ApiPaths.frameworks);
      this.frameworksCache.catch(() => (this.frameworksCache = null));
    }
    return this.frameworksCache;
  }

  /** The budget years of the projects the user sees, newest first (GET /api/projects/years). */
  async years(): Promise<number[]> {
    return (await this.read<{ years: number[] }>(ApiPaths.projectYears)).years;
  }

  /** Organisations visible to the current user (cached per session). */
  orgs(): Promise<OrgNode[]> {
    const token = this.auth.token();
    if (!this.orgsCache || this.orgsCache.token !== token) {
      const orgs = this.read<OrgNode[]>(ApiPaths.orgs);
      const entry = { token, orgs };
      this.orgsCache = entry;
      orgs.catch(() => {
        if (this.orgsCache === entry) this.orgsCache = null;
      });
    }
    return this.orgsCache.orgs;
  }

  list(query: ProjectListQuery): Promise<ProjectPage> {
    let params = new HttpParams();
    if (query.kind) params = params.set('kind', query.kind);
    if (query.year) params = params.set('year', String(query.year));
    if (query.orgId) params = params.set('orgId', query.orgId);
    if (query.status) params = params.set('status', query.status);
    const q = query.q?.trim();
    if (q) params = params.set('q', q);
    if (query.page) params = params.set('page', String(query.page));
    if (query.pageSize) params = params.set('pageSize', String(query.pageSize));
    if (query.inbox) params = params.set('inbox', 'true');
    if (query.grade) params = params.set('grade', query.grade);
    if (query.scoreMin != null) params = params.set('scoreMin', String(query.scoreMin));
    if (query.scoreMax != null) params = params.set('scoreMax', String(query.scoreMax));
    if (query.light) params = params.set('light', query.light);
    if (query.evaluationStatus) params = params.set('evaluationStatus', query.evaluationStatus);
    if (query.countUpTo) params = params.set('countUpTo', String(query.countUpTo));
    return this.read<ProjectPage>(ApiPaths.targets, params);
  }

  /** The rows of the own-year annual table, or of the goal `goalId` (a policy's 中期 table). */
  putIndicators(id: string, version: number, indicators: IndicatorInput[], goalId?: string): Promise<Target> {
    return this.rows.put<Target>(goalId ? ApiPaths.goalIndicators(id, goalId) : ApiPaths.projectIndicators(id), { indicators }, version);
  }

  transition(id: string, version: number, body: TransitionBody): Promise<Target> {
    return this.rows.post<Target>(ApiPaths.projectTransitions(id), body, version);
  }

  async findings(id: string): Promise<Finding[]> {
    const res = await this.read<FindingsResponse>(ApiPaths.projectFindings(id));
    return res.findings ?? [];
  }

  history(id: string): Promise<HistoryEntry[]> {
    return this.read<HistoryEntry[]>(ApiPaths.projectHistory(id));
  }

  /** The target at its last return and now (null when never returned): the review screen's 自上次退回以来的修改. */
  changes(id: string): Promise<TargetChanges | null> {
    return this.read<TargetChanges | null>(ApiPaths.targetChanges(id));
  }

  /** Last year's value and actual of each row, by indicator id (domain §11). */
  async indicatorHistory(id: string): Promise<Map<string, IndicatorHistory | null>> {
    const res = await this.read<IndicatorHistoryResponse>(ApiPaths.indicatorHistory(id));
    return new Map(res.rows.map((r) => [r.indicatorId, r.history]));
  }
}
