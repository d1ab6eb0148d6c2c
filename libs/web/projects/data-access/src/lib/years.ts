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
