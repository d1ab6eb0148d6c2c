import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { ApiPaths, type TargetSettingReport } from '@pt/shared/api-types';
import { ExportsApi, type DownloadedFile } from '@pt/web/exports/data-access';
import { firstValueFrom } from 'rxjs';

export interface TargetSettingFilter {
  year: number;
  /** Null: every organisation the user sees. */
  orgId: string | null;
}

/** Query parameters of the report and its export (no `orgId` when all). */
export function targetSettingParams(f: TargetSettingFilter): Record<string, string> {
  return f.orgId ? { year: String(f.year), orgId: f.orgId } : { year: String(f.year) };
}

/** GET /api/reports/target-setting and its .xlsx (saved by the browser under the server's name). */
@Injectable({ providedIn: 'root' })
export class TargetSettingApi {
  private readonly http = inject(HttpClient);
  private readonly files = inject(ExportsApi);

  get(f: TargetSettingFilter): Promise<TargetSettingReport> {
    return firstValueFrom(this.http.get<TargetSettingReport>(ApiPaths.targetSettingReport, { params: new HttpParams({ fromObject: targetSettingParams(f) }) }));
  }

  download(f: TargetSettingFilter): Promise<DownloadedFile> {
    return this.files.download(ApiPaths.targetSettingReportExport, { ...targetSettingParams(f), format: 'xlsx' }, `${f.year}年绩效目标设置情况.xlsx`);
  }
}
