import { HttpClient, HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  CreateLibraryIndicatorDto,
  LibraryIndicator,
  LibraryPage,
  Project,
  Suggestions,
  UpdateLibraryIndicatorDto,
} from '@pt/shared/api-types';
import { ifMatch, versionFromEtag } from '@pt/web/projects/data-access';
import { firstValueFrom } from 'rxjs';
import { libraryQueryParams } from './library-filters';
import type { LibraryQuery } from './library-filters';

const BASE = '/api';

/** Request bodies (the DTO classes of the contracts, used as plain types). */
export type CreateLibraryIndicatorBody = CreateLibraryIndicatorDto;
export type UpdateLibraryIndicatorBody = UpdateLibraryIndicatorDto;

function withVersion<T extends { version: number }>(res: HttpResponse<T>): T {
  const body = res.body as T;
  const v = versionFromEtag(res.headers.get('ETag'));
  return v !== null && v !== body.version ? { ...body, version: v } : body;
}

/**
 * 指标库 (GET/POST/PATCH/DELETE /api/indicator-library). Writes are for the system administrator
 * only; PATCH and DELETE send `If-Match` with the version of the row as last seen (412 when it was
 * changed in between).
 */
@Injectable({ providedIn: 'root' })
export class LibraryApi {
  private readonly http = inject(HttpClient);

  list(query: LibraryQuery): Promise<LibraryPage> {
    return firstValueFrom(this.http.get<LibraryPage>(`${BASE}/indicator-library`, { params: libraryQueryParams(query) }));
  }

  async get(id: string): Promise<LibraryIndicator> {
    return withVersion(await firstValueFrom(this.http.get<LibraryIndicator>(this.url(id), { observe: 'response' })));
  }

  async create(body: CreateLibraryIndicatorBody): Promise<LibraryIndicator> {
    return withVersion(await firstValueFrom(this.http.post<LibraryIndicator>(`${BASE}/indicator-library`, body, { observe: 'response' })));
  }

  async update(id: string, version: number, body: UpdateLibraryIndicatorBody): Promise<LibraryIndicator> {
    return withVersion(
      await firstValueFrom(
        this.http.patch<LibraryIndicator>(this.url(id), body, { observe: 'response', headers: { 'If-Match': ifMatch(version) } }),
      ),
    );
  }

  async remove(id: string, version: number): Promise<void> {
    await firstValueFrom(this.http.delete(this.url(id), { headers: { 'If-Match': ifMatch(version) } }));
  }

  private url(id: string): string {
    return `${BASE}/indicator-library/${encodeURIComponent(id)}`;
  }
}

/**
 * Help for filling a project's indicator table: suggestions (library indicators for the 二级 not yet
 * covered, similar projects' tables, last year's same-name project) and copying last year's table.
 */
@Injectable({ providedIn: 'root' })
export class SuggestionsApi {
  private readonly http = inject(HttpClient);

  suggestions(projectId: string): Promise<Suggestions> {
    return firstValueFrom(this.http.get<Suggestions>(`${this.url(projectId)}/suggestions`));
  }

  /**
   * Replace the project's annual table with last year's same-name project's (422
   * `NO_LAST_YEAR_PROJECT` when there is none). Answers the project with its new version.
   */
  async copyLastYear(projectId: string, version: number): Promise<Project> {
    return withVersion(
      await firstValueFrom(
        this.http.post<Project>(`${this.url(projectId)}/copy-last-year`, {}, { observe: 'response', headers: { 'If-Match': ifMatch(version) } }),
      ),
    );
  }

  private url(id: string): string {
    return `${BASE}/projects/${encodeURIComponent(id)}`;
  }
}
