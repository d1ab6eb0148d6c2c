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

/**
 * An API client of one collection of rows with a version (`POST <collection>`, `GET / PATCH / DELETE <item(id)>`):
 * get, create, update and remove written once; an update or a delete sends `If-Match` with the version last seen.
 */
export abstract class VersionedRowsClient<T extends { version: number }, Create, Update> extends ApiClient {
  constructor(
    private readonly collection: string,
    private readonly item: (id: string) => string,
  ) {
    super();
  }

  get(id: string): Promise<T> {
    return this.rows.get<T>(this.item(id));
  }

  create(body: Create): Promise<T> {
    return this.rows.post<T>(this.collection, body);
  }

  update(id: string, version: number, body: Update): Promise<T> {
    return this.rows.patch<T>(this.item(id), body, version);
  }

  remove(id: string, version: number): Promise<void> {
    return this.rows.delete(this.item(id), version);
  }
}
