import { Injectable } from '@angular/core';
import {
  ApiPaths,
  type CreateLibraryIndicatorDto,
  type LibraryIndicator,
  type LibraryPage,
  type Project,
  type Suggestions,
  type UpdateLibraryIndicatorDto,
} from '@pt/shared/api-types';
import { ApiClient, VersionedRowsClient } from '@pt/web/shared/data-access';
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
export class LibraryApi extends VersionedRowsClient<LibraryIndicator, CreateLibraryIndicatorBody, UpdateLibraryIndicatorBody> {
  constructor() {
    super(ApiPaths.indicatorLibrary, ApiPaths.libraryIndicator);
  }

  list(query: LibraryQuery): Promise<LibraryPage> {
    return this.read<LibraryPage>(ApiPaths.indicatorLibrary, libraryQueryParams(query));
  }
}

/**
 * Help for filling a project's indicator table: suggestions (library indicators for the 二级 not yet
 * covered, similar projects' tables, last year's same-name project) and copying last year's table.
 */
@Injectable({ providedIn: 'root' })
export class SuggestionsApi extends ApiClient {
  suggestions(projectId: string): Promise<Suggestions> {
    return this.read<Suggestions>(ApiPaths.projectSuggestions(projectId));
  }

  /**
   * Replace the project's annual table with last year's same-name project's (422
   * `NO_LAST_YEAR_PROJECT` when there is none). Answers the project with its new version.
   */
  copyLastYear(projectId: string, version: number): Promise<Project> {
    return this.rows.post<Project>(ApiPaths.projectCopyLastYear(projectId), {}, version);
  }
}
