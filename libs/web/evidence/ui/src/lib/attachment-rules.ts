import { ATTACHMENT_MAX_BYTES, ATTACHMENT_SIZE_MESSAGE, ATTACHMENT_TYPE_MESSAGE, ATTACHMENT_TYPES, fileExtension } from '@pt/shared/api-types';

/** The file input's `accept`: the allowed extensions (the API's one list). */
export const ATTACHMENT_ACCEPT = Object.keys(ATTACHMENT_TYPES)
  .map((ext) => `.${ext}`)
  .join(',');

/** Why a chosen file is refused before it is sent (the API checks the same and the content too), or null. */
export function refusalBeforeUpload(file: { name: string; size: number }): string | null {
  if (!Object.hasOwn(ATTACHMENT_TYPES, fileExtension(file.name))) return ATTACHMENT_TYPE_MESSAGE;
  if (file.size > ATTACHMENT_MAX_BYTES) return ATTACHMENT_SIZE_MESSAGE;
  if (file.size === 0) return '文件为空';
  return null;
}

/** The Chinese message of a failed request: the API's own message, else one by status (413 and 415 named). */
export function failureMessage(e: { status?: number; error?: unknown }): string {
  const body = e.error as { message?: unknown } | null | undefined;
  if (body && typeof body === 'object' && typeof body.message === 'string' && body.message) return body.message;
  if (e.status === 413) return ATTACHMENT_SIZE_MESSAGE;
  if (e.status === 415) return ATTACHMENT_TYPE_MESSAGE;
  if (e.status === 404) return '附件不存在或无权查看';
  if (e.status === 403) return '没有权限进行此操作';
  if (!e.status) return '网络连接失败，请检查网络后重试';
  return `操作失败（${e.status}），请稍后重试`;
}

/** The first characters of a SHA-256, enough to tell files apart at a glance (the whole in the tooltip). */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 8);
}

/** `532 B`, `12.3 KB`, `4.5 MB` (1024 based). */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
}
