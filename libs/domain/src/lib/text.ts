/** A typed text as it is stored: trimmed, and null where it is missing or blank (a cleared field, not ""). */
export function textOrNull(v: string | null | undefined): string | null {
  return v === undefined || v === null || v.trim() === '' ? null : v.trim();
}
