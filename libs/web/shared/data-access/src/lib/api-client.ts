import { HttpClient, type HttpParams } from '@angular/common/http';
import { inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { VersionedHttp } from './versioned-http';

/**
 * The base of a web API client (`export class LibraryApi extends ApiClient`): the HTTP client, the requests on rows
 * with a version ({@link VersionedHttp}, as `rows`), and a plain read as a promise, so that no client injects them
 * again or writes `firstValueFrom(this.http.get(…))` for every read.
 */
export abstract class ApiClient {
  protected readonly http = inject(HttpClient);
  /** Requests on a row with a version: the answer's version from its `ETag`, writes with `If-Match`. */
  protected readonly rows = inject(VersionedHttp);

  /** GET `url` (with the query `params`): its JSON answer. */
  protected read<T>(url: string, params?: HttpParams | Record<string, string>): Promise<T> {
    return firstValueFrom(this.http.get<T>(url, { params }));
  }
}
