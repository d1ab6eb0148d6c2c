import { HttpParams } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { ApiPaths, type AdminOrg, type AdminUser, type CreateOrgDto, type CreateUserDto, type UpdateOrgDto, type UpdateUserDto } from '@pt/shared/api-types';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '@pt/web/shared/data-access';

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
export class AdminApi extends ApiClient {
  orgs(): Promise<AdminOrg[]> {
    return this.read<AdminOrg[]>(ApiPaths.adminOrgs);
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
    return this.read<AdminUser[]>(ApiPaths.adminUsers, params);
  }

  user(id: string): Promise<AdminUser> {
    return this.rows.get<AdminUser>(ApiPaths.adminUser(id));
  }

  createUser(body: CreateUserBody): Promise<AdminUser> {
    return this.rows.post<AdminUser>(ApiPaths.adminUsers, body);
  }

  /** PATCH with `If-Match: "<version>"` (a 412 when someone else changed the user since); `null`: unconditional. */
  updateUser(id: string, version: number | null, body: UpdateUserBody): Promise<AdminUser> {
    return this.rows.patch<AdminUser>(ApiPaths.adminUser(id), body, version);
  }
}
