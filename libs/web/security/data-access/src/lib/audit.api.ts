import { HttpParams } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { ApiPaths, type AuditPage, type AuditVerification } from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';
import { firstValueFrom } from 'rxjs';

export type { AuditEntryResponse, AuditPage, AuditVerification } from '@pt/shared/api-types';

/** The most rows the server sends in one page. */
export const AUDIT_MAX_PAGE_SIZE = 200;

export interface AuditQuery {
  page?: number;
  pageSize?: number;
  /** Events starting with this text (`auth.`, `project.`…); empty: all. */
  event?: string | null;
  /** Exact user name; empty: all. */
  username?: string | null;
  /** Beijing days `YYYY-MM-DD`, inclusive. */
  from?: string | null;
  to?: string | null;
  objectType?: string | null;
  /** Part of the object's name, or its id. */
  object?: string | null;
  result?: string | null;
}

/** The query parameters of the filters (trimmed; empty ones left out). */
function filterParams(query: AuditQuery, params = new HttpParams()): HttpParams {
  for (const key of ['event', 'username', 'from', 'to', 'objectType', 'object', 'result'] as const) {
    const value = query[key]?.trim();
    if (value) params = params.set(key, value);
  }
  return params;
}

/** `/api/audit` (审计管理员 only): the audit log, newest first, and the check of its hash chain. */
@Injectable({ providedIn: 'root' })
export class AuditApi extends ApiClient {
  list(query: AuditQuery = {}): Promise<AuditPage> {
    let params = new HttpParams();
    if (query.page) params = params.set('page', String(query.page));
    if (query.pageSize) params = params.set('pageSize', String(Math.min(query.pageSize, AUDIT_MAX_PAGE_SIZE)));
    return this.read<AuditPage>(ApiPaths.audit, filterParams(query, params));
  }

  /** The filtered log as .csv (Beijing time), every page. */
  exportCsv(query: AuditQuery = {}): Promise<Blob> {
    return firstValueFrom(this.http.get(ApiPaths.auditExport, { params: filterParams(query), responseType: 'blob' }));
  }

  verify(): Promise<AuditVerification> {
    return this.read<AuditVerification>(ApiPaths.auditVerify);
  }
}
