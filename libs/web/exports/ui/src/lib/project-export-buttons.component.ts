import { CdkConnectedOverlay, CdkOverlayOrigin, type ConnectedPosition } from '@angular/cdk/overlay';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { DownloadOutline, FileExcelOutline, FilePdfOutline, FileWordOutline } from '@ant-design/icons-angular/icons';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { MenuService, NzIsMenuInsideDropdownToken, NzMenuModule } from 'ng-zorro-antd/menu';

/** One entry of the menu (the forms and formats a project offers; `ProjectExporter.items` of the data-access lib). */
export interface ExportMenuItem {
  id: string;
  label: string;
  icon: string;
  /** A divider above it. */
  divider?: boolean;
}

/** Below the button, right edges aligned; above it when there is no room below. */
const POSITIONS: ConnectedPosition[] = [
  { originX: 'end', originY: 'bottom', overlayX: 'end', overlayY: 'top', offsetY: 4 },
  { originX: 'end', originY: 'top', overlayX: 'end', overlayY: 'bottom', offsetY: -4 },
];

/**
 * 导出 on the project page: a button with the forms and formats offered, busy while a file comes (with the received
 * size beside it). Emits the id of the chosen entry; the page's `ProjectExporter` downloads it.
 *
 * The menu is a CDK overlay opened and closed from this component's own state, not nz-dropdown: nz-dropdown decides a
 * click on its button from a state it updates 150 ms late (auditTime) and disposes its overlay when the closing
 * animation ends, even when it was opened again meanwhile. 导出 clicked right after a pick (PDF back quickly, then
 * Word) was read as "close", or the reopened menu vanished under the pointer: the second export was lost without a
 * word. Here a click opens at once, a pick closes at once.
 */
@Component({
  selector: 'pt-project-export-buttons',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [
    provideNzIconsPatch([DownloadOutline, FileExcelOutline, FilePdfOutline, FileWordOutline]),
    // the entries drawn as a dropdown's menu (ant-dropdown-menu), as nz-dropdown-menu provides them
    MenuService,
    { provide: NzIsMenuInsideDropdownToken, useValue: true },
  ],
  imports: [CdkConnectedOverlay, CdkOverlayOrigin, NzButtonModule, NzIconModule, NzMenuModule],
  template: `
    <button
      nz-button
      type="button"
      cdkOverlayOrigin
      #origin="cdkOverlayOrigin"
      aria-haspopup="menu"
      [attr.aria-expanded]="open()"
      (click)="open.set(!open())"
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
    <ng-template
      cdkConnectedOverlay
      [cdkConnectedOverlayOrigin]="origin"
      [cdkConnectedOverlayOpen]="open() && !downloading()"
      [cdkConnectedOverlayPositions]="positions"
      (overlayOutsideClick)="outsideClick($event, origin)"
      (overlayKeydown)="$event.key === 'Escape' && open.set(false)"
      (detach)="open.set(false)"
    >
      <div class="ant-dropdown menu-panel">
        <ul nz-menu role="menu">
          @for (item of items(); track item.id) {
            @if (item.divider) {
              <li nz-menu-divider></li>
            }
            <li nz-menu-item role="menuitem" tabindex="0" (click)="pick(item.id)" (keydown.enter)="pick(item.id)" [attr.data-testid]="item.id">
              <span nz-icon [nzType]="item.icon"></span>{{ item.label }}
            </li>
          }
        </ul>
      </div>
    </ng-template>
  `,
  styles: `
    :host { display: inline-flex; align-items: center; gap: 8px; }
    .progress { color: rgba(0, 0, 0, 0.45); font-size: 12px; white-space: nowrap; }
    /* in the overlay pane, not at antd's off-screen default of a positioned dropdown */
    .menu-panel { position: relative; inset: 0; }
  `,
})
export class ProjectExportButtonsComponent {
  readonly items = input.required<readonly ExportMenuItem[]>();
  readonly downloading = input(false);
  /** The received size while a file comes, e.g. `1.2 MB`; null: none. */
  readonly progress = input<string | null>(null);
  readonly chosen = output<string>();
  protected readonly positions = POSITIONS;
  /** Whether the menu is open: a click on 导出 toggles it, a pick, a click elsewhere or Esc closes it. */
  protected readonly open = signal(false);

  protected pick(id: string): void {
    this.open.set(false);
    this.chosen.emit(id);
  }

  /** A click outside the menu closes it, except on 导出 itself (its own click toggles). */
  protected outsideClick(e: MouseEvent, origin: CdkOverlayOrigin): void {
    const button = origin.elementRef.nativeElement as HTMLElement;
    if (!(e.target instanceof Node && button.contains(e.target))) this.open.set(false);
  }
}
