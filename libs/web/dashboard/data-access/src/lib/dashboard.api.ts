import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiPaths, type Dashboard } from '@pt/shared/api-types';
import { firstValueFrom } from 'rxjs';
import type { DashboardFilter } from './dashboard-links';

/** Query parameters of GET /api/dashboard. */
export function dashboardParams(f: DashboardFilter): HttpParams {
  let params = new HttpParams().set('year', String(f.year));
  if (f.orgId) params = params.set('orgId', f.orgId);
  if (f.kind) params = params.set('kind', f.kind);
  return params;
}

/** Budget years offered by the dashboard: next year first, then the ten before it. */
export function dashboardYears(currentYear: number): number[] {
  return Array.from({ length: 11 }, (_, i) => currentYear + 1 - i);
}

/** GET /api/dashboard?year=&orgId=: the figures of the visible projects of a year. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  get(f: DashboardFilter): Promise<Dashboard> {
    return firstValueFrom(this.http.get<Dashboard>(ApiPaths.dashboard, { params: dashboardParams(f) }));
  }
}
