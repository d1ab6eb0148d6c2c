import { HttpErrorResponse } from '@angular/common/http';
import { toApiFailure } from '@pt/web/shared/data-access';
import type { ApiFailure } from '@pt/web/shared/data-access';

const EXPORT_FALLBACK: Record<number, string> = {
  400: '导出条件有误，请检查年度、单位、表单和格式',
  403: '您没有权限导出该项目',
  404: '项目不存在或您无权查看',
  409: '项目尚未批复，不能导出自评表或监控表',
};

const IMPORT_FALLBACK: Record<number, string> = {
  400: '导入内容有误，请检查年度、实施单位和文件',
  403: '只有填报人可以导入项目',
  413: '文件或文本过大（上限 10 MB）',
  422: '有不符合填报规则的内容，未创建任何项目',
};

/** An export error as an {@link ApiFailure} with a Chinese message (the server's where it sent one). */
export function toExportFailure(e: unknown): ApiFailure {
  return toApiFailure(e, '导出失败，请稍后重试', EXPORT_FALLBACK);
}

/** An import error as an {@link ApiFailure} with a Chinese message (the server's where it sent one). */
export function toImportFailure(e: unknown): ApiFailure {
  return toApiFailure(e, '导入失败，请稍后重试', IMPORT_FALLBACK);
}

/** The JSON error body a download received as text (a `blob` request gets its error body as a Blob too). */
export function parseErrorBody(text: string): unknown {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' ? body : null;
  } catch {
    return null;
  }
}

async function blobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/**
 * A failed `responseType: 'blob'` request carries its JSON error body as a Blob: read it, so that
 * {@link toExportFailure} finds the server's Chinese message. Anything else is returned unchanged.
 */
export async function withJsonErrorBody(e: unknown): Promise<unknown> {
  if (!(e instanceof HttpErrorResponse) || typeof Blob === 'undefined' || !(e.error instanceof Blob)) return e;
  let body: unknown = null;
  try {
    body = parseErrorBody(await blobText(e.error));
  } catch {
    body = null;
  }
  return new HttpErrorResponse({ error: body, headers: e.headers, status: e.status, statusText: e.statusText, url: e.url ?? undefined });
}
