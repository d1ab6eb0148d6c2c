import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AdjustProjectDto, Project, ProjectDiff, ProjectRevision } from '@pt/shared/api-types';
import { ifMatch, versionFromEtag } from '@pt/web/projects/data-access';
import { firstValueFrom } from 'rxjs';

const BASE = '/api/projects';

export type AdjustBody = AdjustProjectDto;

/**
 * Revisions of a project (调整与版本): the list, one revision as it was, the diff between two, and
 * starting an adjustment of an approved project (filler only; If-Match with the project's version).
 */
@Injectable({ providedIn: 'root' })
export class RevisionsApi {
  private readonly http = inject(HttpClient);

  list(projectId: string): Promise<ProjectRevision[]> {
    return firstValueFrom(this.http.get<ProjectRevision[]>(`${this.url(projectId)}/revisions`));
  }

  /** The project as it was in revision `rev` (the current revision is the project itself). */
  get(projectId: string, rev: number): Promise<Project> {
    return firstValueFrom(this.http.get<Project>(`${this.url(projectId)}/revisions/${encodeURIComponent(String(rev))}`));
  }

  /** What changed from revision `from` to `to` (the current one when omitted). */
  diff(projectId: string, from: number, to?: number | null): Promise<ProjectDiff> {
    const params: Record<string, string> = { from: String(from) };
    if (to) params['to'] = String(to);
    return firstValueFrom(this.http.get<ProjectDiff>(`${this.url(projectId)}/diff`, { params }));
  }

  /** Start revision n+1 of an approved project; answers the project, now a draft, with its new version. */
  async adjust(projectId: string, version: number, reason: string): Promise<Project> {
    const body: AdjustBody = { reason };
    const res: HttpResponse<Project> = await firstValueFrom(
      this.http.post<Project>(`${this.url(projectId)}/adjustments`, body, {
        observe: 'response',
        headers: { 'If-Match': ifMatch(version) },
      }),
    );
    const p = res.body as Project;
    const v = versionFromEtag(res.headers.get('ETag'));
    return v !== null && v !== p.version ? { ...p, version: v } : p;
  }

  private url(id: string): string {
    return `${BASE}/${encodeURIComponent(id)}`;
  }
}
