import { inject, Injectable } from '@angular/core';
import { ApiPaths, type TargetSettingReport } from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';
import { ExportsApi, type DownloadedFile } from '@pt/web/exports/data-access';

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
export class TargetSettingApi extends ApiClient {
  private readonly files = inject(ExportsApi);

  get(f: TargetSettingFilter): Promise<TargetSettingReport> {
    return this.read<TargetSettingReport>(ApiPaths.targetSettingReport, targetSettingParams(f));
  }

  download(f: TargetSettingFilter): Promise<DownloadedFile> {
    return this.files.download(ApiPaths.targetSettingReportExport, { ...targetSettingParams(f), format: 'xlsx' }, `${f.year}年绩效目标设置情况.xlsx`);
  }
}
