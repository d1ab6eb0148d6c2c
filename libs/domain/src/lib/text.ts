/** A typed text as it is stored: trimmed, and null where it is missing or blank (a cleared field, not ""). */
export function textOrNull(v: string | null | undefined): string | null {
  return v === undefined || v === null || v.trim() === '' ? null : v.trim();
}

/** The label of a code by its table: an unknown code as it is (never an empty cell for a value the data has), none as ''. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string | null | undefined): string {
  if (!code) return '';
  // own entries only: a code such as `constructor` is no label
  return Object.hasOwn(labels, code) ? labels[code] : code;
}
