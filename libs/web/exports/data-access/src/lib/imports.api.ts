import { Injectable } from '@angular/core';
import { ApiPaths, type ImportChoiceDto, type ImportResult, type ImportTextDto, type TargetKindKey } from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';
import { firstValueFrom } from 'rxjs';

export type { ImportChoice, ImportChoiceDto } from '@pt/shared/api-types';
/** The choices for a name the unit already uses, with their labels. */
export { IMPORT_CHOICE_LABELS, IMPORT_CHOICES } from '@pt/shared/api-types';

/** The body of `POST /api/imports/text` (the contracts' DTO as a plain type). */
export type ImportTextBody = ImportTextDto;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportXlsxOptions {
  orgId: string;
  /** Overrides the year written in the workbook. */
  year?: number | null;
  /** What to do with each name the unit already uses that year (sent as JSON in the query). */
  choices?: ImportChoiceDto[];
  /** The kind of a sheet whose title is not one of our forms (a form's title gives its own); none: read by title. */
  kind?: TargetKindKey | null;
}

/**
 * Imports: text pasted from published documents, or a workbook in our own 申报表 layout. With
 * `dryRun` the server only answers what it read (projects and problems by line); without, it creates
 * the projects as drafts of `orgId` and answers them with their ids (422 when a rule break blocks it,
 * 409 when a name the unit already uses that year has no choice: replace / keepBoth / skip).
 */
@Injectable({ providedIn: 'root' })
export class ImportsApi extends ApiClient {
  text(body: ImportTextBody, dryRun: boolean): Promise<ImportResult> {
    return firstValueFrom(this.http.post<ImportResult>(ApiPaths.importText, body, { params: { dryRun: String(dryRun) } }));
  }

  xlsx(file: Blob, options: ImportXlsxOptions, dryRun: boolean): Promise<ImportResult> {
    const params: Record<string, string> = { dryRun: String(dryRun), orgId: options.orgId };
    if (options.year) params['year'] = String(options.year);
    if (options.choices?.length) params['choices'] = JSON.stringify(options.choices);
    if (options.kind) params['kind'] = options.kind;
    return firstValueFrom(
      this.http.post<ImportResult>(ApiPaths.importXlsx, file, { params, headers: { 'Content-Type': XLSX_MIME } }),
    );
  }
}
