/** Budget years offered in the filters: next year first, then the four before it. */
export function yearOptions(currentYear: number): number[] {
  return [currentYear + 1, currentYear, currentYear - 1, currentYear - 2, currentYear - 3];
}
