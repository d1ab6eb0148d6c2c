import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { DownloadOutline, FileExcelOutline, FilePdfOutline, FileWordOutline } from '@ant-design/icons-angular/icons';
import { DownloadCancelled, ExportsApi, FORM_LABELS, progressText, toExportFailure } from '@pt/web/exports/data-access';
import type { ExportForm, ProjectFileFormat } from '@pt/web/exports/data-access';
import type { ProjectStatus } from '@pt/web/projects/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';

interface ExportItem {
  id: string;
  form: ExportForm;
  format: ProjectFileFormat;
  label: string;
  /** A divider above it (between the 申报表 and the forms of an approved project). */
  divider?: boolean;
}
const FORMAT_TEXT: Record<ProjectFileFormat, string> = { xlsx: '.xlsx', pdf: 'PDF', docx: 'Word' };
const FORMAT_ICON: Record<ProjectFileFormat, string> = { xlsx: 'file-excel', pdf: 'file-pdf', docx: 'file-word' };
const item = (form: ExportForm, format: ProjectFileFormat, divider = false): ExportItem => ({
  id: `export-${form}-${format}`,
  form,
  format,
  label: `${FORM_LABELS[form]} ${FORMAT_TEXT[format]}`,
  divider,
});
const ALL_ITEMS: readonly ExportItem[] = [
  item('declaration', 'xlsx'),
  item('declaration', 'pdf'),
  item('declaration', 'docx'),
  item('evaluation', 'xlsx', true),
  item('evaluation', 'pdf'),
  item('evaluation', 'docx'),
  item('monitoring', 'xlsx'),
];

/**
 * 导出 on the project page: 申报表 as .xlsx, PDF or Word, and for an approved project 自评表 (.xlsx, PDF, Word) and
 * 监控表 (.xlsx). The browser saves the file under the server's name; received bytes show while it comes.
 */
@Component({
  selector: 'pt-project-export-buttons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ExportsApi, provideNzIconsPatch([DownloadOutline, FileExcelOutline, FilePdfOutline, FileWordOutline])],
  imports: [NzButtonModule, NzDropdownModule, NzIconModule],
  template: `
    <button
      nz-button
      type="button"
      nz-dropdown
      nzTrigger="click"
      nzPlacement="bottomRight"
      [nzDropdownMenu]="menu"
      [nzLoading]="api.downloading()"
      [disabled]="api.downloading()"
      data-testid="export-menu"
    >
      @if (!api.downloading()) {
        <span nz-icon nzType="download"></span>
      }
      导出
    </button>
    @if (api.progress(); as p) {
      <span class="progress" data-testid="export-progress">{{ progressText(p) }}</span>
    }
    <nz-dropdown-menu #menu="nzDropdownMenu">
      <ul nz-menu>
        @for (item of items(); track item.id) {
          @if (item.divider) {
            <li nz-menu-divider></li>
          }
          <li nz-menu-item tabindex="0" (click)="download(item.form, item.format)" (keydown.enter)="download(item.form, item.format)" [attr.data-testid]="item.id">
            <span nz-icon [nzType]="formatIcon[item.format]"></span>{{ item.label }}
          </li>
        }
      </ul>
    </nz-dropdown-menu>
  `,
  styles: `
    :host { display: inline-flex; align-items: center; gap: 8px; }
    .progress { color: rgba(0, 0, 0, 0.45); font-size: 12px; white-space: nowrap; }
  `,
})
export class ProjectExportButtonsComponent {
  readonly projectId = input.required<string>();
  readonly status = input.required<ProjectStatus | string>();

  protected readonly api = inject(ExportsApi);
  private readonly message = inject(NzMessageService);
  protected readonly progressText = progressText;
  protected readonly formatIcon = FORMAT_ICON;
  /** The forms it offers: 自评表 and 监控表 exist only for an approved project (the server answers 409 otherwise). */
  readonly items = computed(() => (this.status() === 'approved' ? ALL_ITEMS : ALL_ITEMS.filter((i) => i.form === 'declaration')));

  async download(form: ExportForm, format: ProjectFileFormat): Promise<void> {
    if (this.api.downloading()) return;
    try {
      const file = await this.api.downloadProject(this.projectId(), form, format);
      this.message.success(`已导出${FORM_LABELS[form]}：${file.fileName}`);
    } catch (e) {
      if (e instanceof DownloadCancelled) return;
      this.message.error(toExportFailure(e).message);
    }
  }
}
