import { HttpParams } from '@angular/common/http';
import { Injectable } from '@angular/core';
import { ApiPaths, type Dashboard } from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';
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
export class DashboardApi extends ApiClient {
  get(f: DashboardFilter): Promise<Dashboard> {
    return this.read<Dashboard>(ApiPaths.dashboard, dashboardParams(f));
  }
}
