import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { ImportResult, ImportTextDto } from '@pt/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { EXPORT_PATHS } from './export-query';

/** The body of `POST /api/imports/text` (the contracts' DTO as a plain type). */
export type ImportTextBody = ImportTextDto;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportXlsxOptions {
  orgId: string;
  /** Overrides the year written in the workbook. */
  year?: number | null;
}

/**
 * Imports: text pasted from published documents, or a workbook in our own 申报表 layout. With
 * `dryRun` the server only answers what it read (projects and problems by line); without, it creates
 * the projects as drafts of `orgId` and answers them with their ids (422 when a rule break blocks it).
 */
@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  text(body: ImportTextBody, dryRun: boolean): Promise<ImportResult> {
    return firstValueFrom(this.http.post<ImportResult>(EXPORT_PATHS.importText, body, { params: { dryRun: String(dryRun) } }));
  }

  xlsx(file: Blob, options: ImportXlsxOptions, dryRun: boolean): Promise<ImportResult> {
    const params: Record<string, string> = { dryRun: String(dryRun), orgId: options.orgId };
    if (options.year) params['year'] = String(options.year);
    return firstValueFrom(
      this.http.post<ImportResult>(EXPORT_PATHS.importXlsx, file, { params, headers: { 'Content-Type': XLSX_MIME } }),
    );
  }
}
