import { computed, signal, type WritableSignal } from '@angular/core';

/** What a paged list endpoint answers (the rows of one page and how many there are in all). */
export interface PageAnswer<T> {
  items: readonly T[];
  total: number;
  /** The count stopped at `total` (a list asked with `countUpTo`): there are more. */
  totalCapped?: boolean;
}

/**
 * A list the server pages, behind an nz-table with `[nzFrontPagination]="false"`: the rows of the page shown, the
 * total, the 1-based page and the page size. {@link setPage} and {@link setPageSize} take the table's
 * (nzPageIndexChange) and (nzPageSizeChange) — a new page size starts again from the first page — and call `moved`
 * when something changed (load the page, write the URL).
 */
export class ServerPage<T> {
  readonly items = signal<readonly T[]>([]);
  readonly total = signal(0);
  /** `total` is where the server stopped counting (shown as "200 条以上"), not the number of rows. */
  readonly capped = signal(false);
  readonly page = signal(1);
  readonly pageSize: WritableSignal<number>;
  /**
   * The total the pager is given. A capped total may be below the rows there are: the pager would stop at its last
   * page (and send a later page back to it), so while capped a full page counts one row more than itself — 下一页
   * stays open until a page comes back short, and every match can be reached.
   */
  readonly pagerTotal = computed(() => {
    const total = this.total();
    if (!this.capped()) return total;
    const shown = this.items().length;
    const through = (this.page() - 1) * this.pageSize() + shown;
    return Math.max(total, shown >= this.pageSize() ? through + 1 : through);
  });

  constructor(
    pageSize: number,
    private readonly moved: () => void,
  ) {
    this.pageSize = signal(pageSize);
  }

  setPage(page: number): void {
    if (page === this.page()) return;
    this.page.set(page);
    this.moved();
  }

  setPageSize(size: number): void {
    if (size === this.pageSize()) return;
    this.pageSize.set(size);
    this.page.set(1);
    this.moved();
  }

  /** The page answered; null (the load failed): no rows. */
  show(answer: PageAnswer<T> | null): void {
    this.items.set(answer?.items ?? []);
    this.total.set(answer?.total ?? 0);
    this.capped.set(answer?.totalCapped === true);
  }
}

/** A {@link ServerPage} for a field initialiser: `readonly list = serverPage<Row>(20, () => this.load());`. */
export function serverPage<T>(pageSize: number, moved: () => void): ServerPage<T> {
  return new ServerPage<T>(pageSize, moved);
}
