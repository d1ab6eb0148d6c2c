import { computed, signal, type Signal, type WritableSignal } from '@angular/core';

/**
 * The year a page with a year filter opens on: this year when the user has projects in it, otherwise the newest
 * year that has any (a finance office in December looking at 统计分析 wants the year it worked on, not an empty one).
 * `dataYears` newest first, as GET /api/projects/years answers.
 */
export function openingYear(dataYears: readonly number[], current: number): number {
  return dataYears.length === 0 || dataYears.includes(current) ? current : dataYears[0];
}

/** Year options with every year that has data added (sorted, newest first, no repeats). */
export function withDataYears(options: readonly number[], dataYears: readonly number[]): number[] {
  return [...new Set([...options, ...dataYears])].sort((a, b) => b - a);
}

/** Budget years from `newest` back to `oldest`, newest first. */
export function yearRange(newest: number, oldest: number): number[] {
  return Array.from({ length: Math.max(0, newest - oldest + 1) }, (_, i) => newest - i);
}

/** A year read from a link (`?year=2025`), or null when it names none or nothing plausible. */
export function yearFromLink(value: string | null | undefined): number | null {
  const y = Number(value);
  return value && Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
}

export interface YearFilterOptions {
  /** The years offered before any data arrives (newest first), e.g. next year back to 2018. */
  years: readonly number[];
  /** The year a link named (`?year=`): the filter opens there and does not move. */
  linked?: number | null;
  /** This year (tests set it). */
  current?: number;
}

/** The year picker of 运行监控, 统计分析 and 批量导出: the selected year and the years offered. */
export interface YearFilter {
  readonly year: WritableSignal<number>;
  /** The offered years, every year with data and the selected one among them, newest first. */
  readonly years: Signal<number[]>;
  /**
   * Asks for the years with data (GET /api/projects/years): they join the options, and — unless a link named a
   * year or the user picked one meanwhile — the filter moves to the newest of them when this year has none.
   * A failure leaves the filter as it is (the page still works on this year).
   */
  openOnData(dataYears: () => Promise<readonly number[]>): Promise<void>;
}

/** A {@link YearFilter} for a field initialiser. */
export function yearFilter(options: YearFilterOptions): YearFilter {
  const initial = options.linked ?? options.current ?? new Date().getFullYear();
  const year = signal(initial);
  const data = signal<readonly number[]>([]);
  const years = computed(() => withDataYears(options.years, [...data(), year()]));
  return {
    year,
    years,
    async openOnData(dataYears) {
      let found: readonly number[];
      try {
        found = await dataYears();
      } catch {
        return;
      }
      data.set(found);
      if (options.linked == null && year() === initial) year.set(openingYear(found, initial));
    },
  };
}
