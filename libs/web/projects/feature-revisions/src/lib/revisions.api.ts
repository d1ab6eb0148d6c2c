import { Injectable } from '@angular/core';
import { ApiPaths, type AdjustProjectDto, type Project, type ProjectDiff, type ProjectRevision } from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';

export type AdjustBody = AdjustProjectDto;

/**
 * Revisions of a project (调整与版本): the list, one revision as it was, the diff between two, and
 * starting an adjustment of an approved project (filler only; If-Match with the project's version).
 */
@Injectable({ providedIn: 'root' })
export class RevisionsApi extends ApiClient {
  list(projectId: string): Promise<ProjectRevision[]> {
    return this.read<ProjectRevision[]>(ApiPaths.projectRevisions(projectId));
  }

  /** The project as it was in revision `rev` (the current revision is the project itself). */
  get(projectId: string, rev: number): Promise<Project> {
    return this.read<Project>(ApiPaths.projectRevision(projectId, rev));
  }

  /** What changed from revision `from` to `to` (the current one when omitted). */
  diff(projectId: string, from: number, to?: number | null): Promise<ProjectDiff> {
    const params: Record<string, string> = { from: String(from) };
    if (to) params['to'] = String(to);
    return this.read<ProjectDiff>(ApiPaths.projectDiff(projectId), params);
  }

  /** Start revision n+1 of an approved project; answers the project, now a draft, with its new version. */
  adjust(projectId: string, version: number, reason: string): Promise<Project> {
    const body: AdjustBody = { reason };
    return this.rows.post<Project>(ApiPaths.projectAdjustments(projectId), body, version);
  }
}
