import { HttpClient, type HttpResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';
import { ifMatch, withEtagVersion } from './api-failure';

type Write = 'POST' | 'PUT' | 'PATCH';

/**
 * The requests on a row with a version (a target, a library indicator, a user), written once for every api:
 * the answer's `version` is the one of its `ETag`, and a write of the row as last seen sends `If-Match` with
 * that version (412 when someone changed it in between; `null`: no condition).
 */
@Injectable({ providedIn: 'root' })
export class VersionedHttp {
  private readonly http = inject(HttpClient);

  get<T extends { version: number }>(url: string): Promise<T> {
    return answer(this.http.get<T>(url, { observe: 'response' }));
  }

  post<T extends { version: number }>(url: string, body: unknown, version: number | null = null): Promise<T> {
    return this.write<T>('POST', url, body, version);
  }

  put<T extends { version: number }>(url: string, body: unknown, version: number | null): Promise<T> {
    return this.write<T>('PUT', url, body, version);
  }

  patch<T extends { version: number }>(url: string, body: unknown, version: number | null): Promise<T> {
    return this.write<T>('PATCH', url, body, version);
  }

  async delete(url: string, version: number): Promise<void> {
    await firstValueFrom(this.http.delete(url, { headers: ifMatchHeader(version) }));
  }

  private write<T extends { version: number }>(method: Write, url: string, body: unknown, version: number | null): Promise<T> {
    return answer(this.http.request<T>(method, url, { body, observe: 'response', headers: ifMatchHeader(version) }));
  }
}

async function answer<T extends { version: number }>(res: Observable<HttpResponse<T>>): Promise<T> {
  return withEtagVersion(await firstValueFrom(res));
}

function ifMatchHeader(version: number | null): Record<string, string> {
  return version === null ? {} : { 'If-Match': ifMatch(version) };
}
