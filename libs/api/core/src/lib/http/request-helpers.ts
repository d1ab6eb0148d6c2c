import type { ApiErrorDetail } from '@pt/shared/contracts';
import { ApiHttpException } from './api-exception.filter';

/** A UUID as PostgreSQL prints it (any version): checked before a query so a bad id is a 4xx, never 22P02. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 400 VALIDATION_FAILED in the contract's shape: the message names every field of `details`. */
export function badRequest(details: ApiErrorDetail[], code = 'VALIDATION_FAILED'): ApiHttpException {
  const fields = [...new Set(details.map((d) => d.field))].join('、');
  return new ApiHttpException(400, code, `请求参数有误：${fields}`, details);
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

/** `LIKE` pattern matching `text` anywhere, with the wildcards in it taken literally (use with ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Answer `body` with its version as a strong ETag (`"3"`), the value a later If-Match sends back. */
export function withEtag<T extends { version: number }>(res: { setHeader(name: string, value: string): unknown }, body: T): T {
  res.setHeader('ETag', `"${body.version}"`);
  return body;
}
