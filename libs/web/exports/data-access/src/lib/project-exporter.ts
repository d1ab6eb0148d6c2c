import { computed, inject, Injectable } from '@angular/core';
import type { ExportForm } from '@pt/shared/api-types';
import { NzMessageService } from 'ng-zorro-antd/message';
import { progressText } from './download-progress';
import { FORM_LABELS, type ProjectFileFormat } from './export-query';
import { toExportFailure } from './exports-failure';
import { DownloadCancelled, ExportsApi } from './exports.api';

/** One entry of the 导出 menu of the project page. */
export interface ProjectExportItem {
  id: string;
  form: ExportForm;
  format: ProjectFileFormat;
  label: string;
  icon: string;
  /** A divider above it (between the 申报表 and the forms of an approved project). */
  divider?: boolean;
}

const FORMAT_TEXT: Record<ProjectFileFormat, string> = { xlsx: '.xlsx', pdf: 'PDF', docx: 'Word' };
const FORMAT_ICON: Record<ProjectFileFormat, string> = { xlsx: 'file-excel', pdf: 'file-pdf', docx: 'file-word' };
const item = (form: ExportForm, format: ProjectFileFormat, divider = false): ProjectExportItem => ({
  id: `export-${form}-${format}`,
  form,
  format,
  label: `${FORM_LABELS[form]} ${FORMAT_TEXT[format]}`,
  icon: FORMAT_ICON[format],
  divider,
});
const ALL_ITEMS: readonly ProjectExportItem[] = [
  item('declaration', 'xlsx'),
  item('declaration', 'pdf'),
  item('declaration', 'docx'),
  item('evaluation', 'xlsx', true),
  item('evaluation', 'pdf'),
  item('evaluation', 'docx'),
  item('monitoring', 'xlsx'),
];
const DECLARATION_ITEMS = ALL_ITEMS.filter((i) => i.form === 'declaration');

/** The forms a project offers: 自评表 and 监控表 exist only for an approved project (the server answers 409 otherwise). */
export function projectExportItems(status: string): readonly ProjectExportItem[] {
  return status === 'approved' ? ALL_ITEMS : DECLARATION_ITEMS;
}

/**
 * 导出 on the project page: downloads the chosen form (the browser saves it under the server's name) and says how it
 * went; the received bytes while it comes. Provide both with the page: `providers: PROJECT_EXPORT_PROVIDERS`.
 */
@Injectable()
export class ProjectExporter {
  private readonly api = inject(ExportsApi);
  private readonly message = inject(NzMessageService);
  readonly items = projectExportItems;
  readonly downloading = this.api.downloading;
  readonly progress = computed(() => {
    const p = this.api.progress();
    return p ? progressText(p) : null;
  });

  /** The entry being downloaded. */
  private current: ProjectExportItem | null = null;

  /** Downloads the menu entry `itemId` of the project; one at a time (a pick meanwhile is told to wait, not dropped). */
  async download(projectId: string, itemId: string): Promise<void> {
    const chosen = ALL_ITEMS.find((i) => i.id === itemId);
    if (!chosen) return;
    if (this.current || this.api.downloading()) {
      this.message.warning(`正在导出${this.current?.label ?? '文件'}，请等它完成后再导出${chosen.label}`);
      return;
    }
    this.current = chosen;
    try {
      const file = await this.api.downloadProject(projectId, chosen.form, chosen.format);
      this.message.success(`已导出${FORM_LABELS[chosen.form]}：${file.fileName}`);
    } catch (e) {
      if (e instanceof DownloadCancelled) return;
      this.message.error(toExportFailure(e).message);
    } finally {
      this.current = null;
    }
  }
}

/** What a page with the 导出 menu provides (its own download state). */
export const PROJECT_EXPORT_PROVIDERS = [ExportsApi, ProjectExporter];
