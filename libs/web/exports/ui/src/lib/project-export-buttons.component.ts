import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DownloadOutline, FileExcelOutline, FilePdfOutline, FileWordOutline } from '@ant-design/icons-angular/icons';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropdownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';

/** One entry of the menu (the forms and formats a project offers; `ProjectExporter.items` of the data-access lib). */
export interface ExportMenuItem {
  id: string;
  label: string;
  icon: string;
  /** A divider above it. */
  divider?: boolean;
}

/**
 * 导出 on the project page: a button with the forms and formats offered, busy while a file comes (with the received
 * size beside it). Emits the id of the chosen entry; the page's `ProjectExporter` downloads it.
 */
@Component({
  selector: 'pt-project-export-buttons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [provideNzIconsPatch([DownloadOutline, FileExcelOutline, FilePdfOutline, FileWordOutline])],
  imports: [NzButtonModule, NzDropdownModule, NzIconModule],
  template: `
    <button
      nz-button
      type="button"
      nz-dropdown
      nzTrigger="click"
      nzPlacement="bottomRight"
      [nzDropdownMenu]="menu"
      [nzLoading]="downloading()"
      [disabled]="downloading()"
      data-testid="export-menu"
    >
      @if (!downloading()) {
        <span nz-icon nzType="download"></span>
      }
      导出
    </button>
    @if (progress(); as p) {
      <span class="progress" data-testid="export-progress">{{ p }}</span>
    }
    <nz-dropdown-menu #menu="nzDropdownMenu">
      <ul nz-menu>
        @for (item of items(); track item.id) {
          @if (item.divider) {
            <li nz-menu-divider></li>
          }
          <li nz-menu-item tabindex="0" (click)="chosen.emit(item.id)" (keydown.enter)="chosen.emit(item.id)" [attr.data-testid]="item.id">
            <span nz-icon [nzType]="item.icon"></span>{{ item.label }}
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
  readonly items = input.required<readonly ExportMenuItem[]>();
  readonly downloading = input(false);
  /** The received size while a file comes, e.g. `1.2 MB`; null: none. */
  readonly progress = input<string | null>(null);
  readonly chosen = output<string>();
}
