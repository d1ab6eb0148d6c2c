import { NgTemplateOutlet } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, computed, contentChild, ElementRef, inject, input, TemplateRef } from '@angular/core';
import { NzTableModule } from 'ng-zorro-antd/table';
import type { ServerPage } from './server-page';

/**
 * An nz-table of a list the server pages ({@link ServerPage}): its page, page size (with the size changer), total
 * (`共 N <unit>`, or `N <unit>以上` where the server stopped counting) and loading, written once. The header and rows are the page's, in an `ng-template` drawn inside the
 * table (with the table's injector, so that its cells are the table's):
 *
 * ```html
 * <pt-server-table [page]="rows" [loading]="list.loading()" unit="条" testId="audit-table">
 *   <ng-template><thead>…</thead><tbody>@for (r of rows.items(); track r.id) {…}</tbody></ng-template>
 * </pt-server-table>
 * ```
 */
@Component({
  selector: 'pt-server-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, NzTableModule],
  template: `
    <nz-table
      nzSize="middle"
      nzShowSizeChanger
      [nzData]="page().items()"
      [nzFrontPagination]="false"
      [nzTotal]="page().pagerTotal()"
      [nzPageIndex]="page().page()"
      [nzPageSize]="page().pageSize()"
      [nzPageSizeOptions]="pageSizeOptions()"
      [nzLoading]="loading()"
      [nzShowTotal]="totalTpl"
      [nzScroll]="scroll()"
      [nzNoResult]="noResult()"
      (nzPageIndexChange)="page().setPage($event)"
      (nzPageSizeChange)="page().setPageSize($event)"
      [attr.data-testid]="testId()"
    >
      <ng-container *ngTemplateOutlet="content(); injector: 'outlet'" />
    </nz-table>
    <ng-template #totalTpl><span [attr.data-testid]="page().capped() ? 'total-capped' : null">{{ totalText() }}</span></ng-template>
  `,
  styles: `
    :host { display: block; }
  `,
})
export class ServerTableComponent<T> {
  readonly page = input.required<ServerPage<T>>();
  readonly loading = input(false);
  /** What the total counts: `共 45 <unit>` (capped: `200 <unit>以上`). */
  readonly unit = input('条');
  /** Shown when the page has no rows (a text or a template). */
  readonly noResult = input<string | TemplateRef<void> | undefined>(undefined);
  readonly pageSizeOptions = input<number[]>([10, 20, 30, 40, 50]);
  /** nz-table's scroll (a wide table scrolls sideways: `{ x: '1240px' }`). */
  readonly scroll = input<{ x?: string | null; y?: string | null }>({ x: null, y: null });
  readonly testId = input<string | null>(null);
  /** `共 45 条`; where the server stopped counting (a capped total) `200 条以上`. */
  protected readonly totalText = computed(() => {
    const page = this.page();
    return page.capped() ? `${page.total()} ${this.unit()}以上` : `共 ${page.total()} ${this.unit()}`;
  });
  /** The header and rows. */
  protected readonly content = contentChild.required(TemplateRef);

  constructor() {
    // ng-zorro's <thead> hands its rows to the table's own header and then removes its element, but drawn from the
    // template it is not in the page yet when it tries: the empty element is removed here, once the table is drawn
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => host.querySelectorAll('table > thead:not(.ant-table-thead)').forEach((t) => t.remove()));
  }
}
