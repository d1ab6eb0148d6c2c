import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AuditPage, AuditVerification } from '@pt/shared/contracts';
import { firstValueFrom } from 'rxjs';

export type { AuditEntryResponse, AuditPage, AuditVerification } from '@pt/shared/contracts';

const AUDIT = '/api/audit';

/** The most rows the server sends in one page. */
export const AUDIT_MAX_PAGE_SIZE = 200;

export interface AuditQuery {
  page?: number;
  pageSize?: number;
  /** Events starting with this text (`auth.`, `project.`…); empty: all. */
  event?: string | null;
  /** Exact user name; empty: all. */
  username?: string | null;
}

/** `/api/audit` (审计管理员 only): the audit log, newest first, and the check of its hash chain. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(query: AuditQuery = {}): Promise<AuditPage> {
    let params = new HttpParams();
    if (query.page) params = params.set('page', String(query.page));
    if (query.pageSize) params = params.set('pageSize', String(Math.min(query.pageSize, AUDIT_MAX_PAGE_SIZE)));
    if (query.event) params = params.set('event', query.event);
    const username = query.username?.trim();
    if (username) params = params.set('username', username);
    return firstValueFrom(this.http.get<AuditPage>(AUDIT, { params }));
  }

  verify(): Promise<AuditVerification> {
    return firstValueFrom(this.http.get<AuditVerification>(`${AUDIT}/verify`));
  }
}
