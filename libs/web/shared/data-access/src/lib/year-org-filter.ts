import { signal, inject } from '@angular/core';
import { ActivatedRoute, Router, type Params } from '@angular/router';
import { yearFilter, yearFromLink, type YearFilter } from './years';

/**
 * The year and organisation a report page (统计分析, 绩效目标设置情况) is filtered by, kept in its URL
 * (`?year=…&orgId=…`): it opens on the year the link names, else on the newest year with data when this year
 * has none; each change replaces the URL (no history entry per pick). Created in an injection context.
 */
export class YearOrgFilter {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly choice: YearFilter;
  readonly year: YearFilter['year'];
  readonly years: YearFilter['years'];
  readonly orgId = signal<string | null>(null);

  /**
   * `years`: the years offered before any data arrives; `dataYears`: the years with data (asked only when the
   * link names no year); `params`: the page's other filters, written into the URL with these two.
   */
  constructor(years: readonly number[], dataYears: () => Promise<readonly number[]>, private readonly params: () => Params = () => ({})) {
    const qp = this.route.snapshot.queryParamMap;
    const linked = yearFromLink(qp.get('year'));
    this.choice = yearFilter({ years, linked });
    this.year = this.choice.year;
    this.years = this.choice.years;
    this.orgId.set(qp.get('orgId') || null);
    if (linked === null) void this.choice.openOnData(dataYears);
  }

  /** The filter as the API takes it. */
  value(): { year: number; orgId: string | null } {
    return { year: this.year(), orgId: this.orgId() };
  }

  setYear(year: number | null): void {
    if (!year || year === this.year()) return;
    this.year.set(year);
    this.syncUrl();
  }

  setOrg(orgId: string | null): void {
    this.orgId.set(orgId || null);
    this.syncUrl();
  }

  /** Writes the filter (and the page's other `params`) into the URL in place of the current entry. */
  syncUrl(): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      replaceUrl: true,
      queryParams: { year: this.year(), orgId: this.orgId() ?? undefined, ...this.params() },
    });
  }
}
