import { signal, type WritableSignal } from '@angular/core';

/** What a paged list endpoint answers (the rows of one page and how many there are in all). */
export interface PageAnswer<T> {
  items: readonly T[];
  total: number;
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
  readonly page = signal(1);
  readonly pageSize: WritableSignal<number>;

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
  }
}

/** A {@link ServerPage} for a field initialiser: `readonly list = serverPage<Row>(20, () => this.load());`. */
export function serverPage<T>(pageSize: number, moved: () => void): ServerPage<T> {
  return new ServerPage<T>(pageSize, moved);
}
