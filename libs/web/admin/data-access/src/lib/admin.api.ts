import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiPaths, type AdminOrg, type AdminUser, type CreateOrgDto, type CreateUserDto, type UpdateOrgDto, type UpdateUserDto } from '@pt/shared/api-types';
import { firstValueFrom } from 'rxjs';
import { withEtagVersion } from '@pt/web/shared/data-access';

/** Request bodies (the DTO classes of the contracts, used as plain types). */
export type CreateOrgBody = CreateOrgDto;
export type UpdateOrgBody = UpdateOrgDto;
export type CreateUserBody = CreateUserDto;
export type UpdateUserBody = UpdateUserDto;

export interface UserListQuery {
  q?: string | null;
  orgId?: string | null;
}

/** `/api/admin/orgs` and `/api/admin/users` (sysadmin only). User writes send `If-Match` with the version seen. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  orgs(): Promise<AdminOrg[]> {
    return firstValueFrom(this.http.get<AdminOrg[]>(ApiPaths.adminOrgs));
  }

  createOrg(body: CreateOrgBody): Promise<AdminOrg> {
    return firstValueFrom(this.http.post<AdminOrg>(ApiPaths.adminOrgs, body));
  }

  updateOrg(id: string, body: UpdateOrgBody): Promise<AdminOrg> {
    return firstValueFrom(this.http.patch<AdminOrg>(ApiPaths.adminOrg(id), body));
  }

  users(query: UserListQuery = {}): Promise<AdminUser[]> {
    let params = new HttpParams();
    const q = query.q?.trim();
    if (q) params = params.set('q', q);
    if (query.orgId) params = params.set('orgId', query.orgId);
    return firstValueFrom(this.http.get<AdminUser[]>(ApiPaths.adminUsers, { params }));
  }

  async user(id: string): Promise<AdminUser> {
    const res = await firstValueFrom(this.http.get<AdminUser>(ApiPaths.adminUser(id), { observe: 'response' }));
    return withEtagVersion(res);
  }

  async createUser(body: CreateUserBody): Promise<AdminUser> {
    const res = await firstValueFrom(this.http.post<AdminUser>(ApiPaths.adminUsers, body, { observe: 'response' }));
    return withEtagVersion(res);
  }

  /** PATCH with `If-Match: "<version>"` (a 412 when someone else changed the user since); `null`: unconditional. */
  async updateUser(id: string, version: number | null, body: UpdateUserBody): Promise<AdminUser> {
    const headers: Record<string, string> = version === null ? {} : { 'If-Match': `"${version}"` };
    const res = await firstValueFrom(this.http.patch<AdminUser>(ApiPaths.adminUser(id), body, { observe: 'response', headers }));
    return withEtagVersion(res);
  }
}
