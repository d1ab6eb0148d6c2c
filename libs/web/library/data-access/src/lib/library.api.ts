import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  ApiPaths,
  type CreateLibraryIndicatorDto,
  type LibraryIndicator,
  type LibraryPage,
  type Project,
  type Suggestions,
  type UpdateLibraryIndicatorDto,
} from '@pt/shared/api-types';
import { ifMatch, withEtagVersion } from '@pt/web/shared/data-access';
import { firstValueFrom } from 'rxjs';
import { libraryQueryParams } from './library-filters';
import type { LibraryQuery } from './library-filters';

/** Request bodies (the DTO classes of the contracts, used as plain types). */
export type CreateLibraryIndicatorBody = CreateLibraryIndicatorDto;
export type UpdateLibraryIndicatorBody = UpdateLibraryIndicatorDto;

/**
 * 指标库 (GET/POST/PATCH/DELETE /api/indicator-library). Writes are for the system administrator
 * only; PATCH and DELETE send `If-Match` with the version of the row as last seen (412 when it was
 * changed in between).
 */
@Injectable({ providedIn: 'root' })
export class LibraryApi {
  private readonly http = inject(HttpClient);

  list(query: LibraryQuery): Promise<LibraryPage> {
    return firstValueFrom(this.http.get<LibraryPage>(ApiPaths.indicatorLibrary, { params: libraryQueryParams(query) }));
  }

  async get(id: string): Promise<LibraryIndicator> {
    return withEtagVersion(await firstValueFrom(this.http.get<LibraryIndicator>(ApiPaths.libraryIndicator(id), { observe: 'response' })));
  }

  async create(body: CreateLibraryIndicatorBody): Promise<LibraryIndicator> {
    return withEtagVersion(await firstValueFrom(this.http.post<LibraryIndicator>(ApiPaths.indicatorLibrary, body, { observe: 'response' })));
  }

  async update(id: string, version: number, body: UpdateLibraryIndicatorBody): Promise<LibraryIndicator> {
    return withEtagVersion(
      await firstValueFrom(
        this.http.patch<LibraryIndicator>(ApiPaths.libraryIndicator(id), body, { observe: 'response', headers: { 'If-Match': ifMatch(version) } }),
      ),
    );
  }

  async remove(id: string, version: number): Promise<void> {
    await firstValueFrom(this.http.delete(ApiPaths.libraryIndicator(id), { headers: { 'If-Match': ifMatch(version) } }));
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
    return firstValueFrom(this.http.get<Suggestions>(ApiPaths.projectSuggestions(projectId)));
  }

  /**
   * Replace the project's annual table with last year's same-name project's (422
   * `NO_LAST_YEAR_PROJECT` when there is none). Answers the project with its new version.
   */
  async copyLastYear(projectId: string, version: number): Promise<Project> {
    return withEtagVersion(
      await firstValueFrom(
        this.http.post<Project>(ApiPaths.projectCopyLastYear(projectId), {}, { observe: 'response', headers: { 'If-Match': ifMatch(version) } }),
      ),
    );
  }
}
