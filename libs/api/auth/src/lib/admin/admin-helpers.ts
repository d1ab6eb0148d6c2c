import { ApiHttpException } from '@pt/api/core';
import type { ApiErrorDetail } from '@pt/shared/contracts';

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 400 in the contract's shape, naming the fields concerned. */
export function badRequest(details: ApiErrorDetail[], code = 'VALIDATION_FAILED'): ApiHttpException {
  const fields = [...new Set(details.map((d) => d.field))].join('、');
  return new ApiHttpException(400, code, `请求参数有误：${fields}（${details.map((d) => d.message).join('；')}）`, details);
}

/** Parse an If-Match header (`"3"`, `W/"3"` or `3`): undefined when missing, null when malformed. */
export function parseIfMatch(header: string | undefined): number | null | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return m ? Number(m[1]) : null;
}

/** A unique violation (23505) from PostgreSQL, whichever driver raised it. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; driverError?: { code?: string } } | null;
  return err?.code === '23505' || err?.driverError?.code === '23505';
}

/** `LIKE` pattern matching `text` anywhere, with the wildcards in it taken literally (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function toIso(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  const d = new Date(String(v));
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
}

/** A PostgreSQL text[] as returned by the driver: an array, or its literal `{a,b}` form. */
export function toStringArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string') {
    const inner = v.replace(/^\{|\}$/g, '');
    return inner === '' ? [] : inner.split(',').map((s) => s.replace(/^"|"$/g, ''));
  }
  return [];
}
