import { HttpErrorResponse } from '@angular/common/http';
import type { ApiErrorDetail } from '@pt/shared/contracts';

/** An API error answer, reduced to what the admin screens show. */
export interface AdminFailure {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  code: string;
  /** The server's Chinese message (or a fallback by status). */
  message: string;
  /** `details[]` of a 400/409: one message per field. */
  details: ApiErrorDetail[];
}

const FALLBACK_BY_STATUS: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试',
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '只有系统管理员可以管理机构和用户',
  404: '记录不存在，可能已被删除',
  409: '与现有数据冲突，请检查后重试',
  412: '该记录已被他人修改，您的修改未保存；请刷新后重试',
  413: '提交的内容过大',
};

/** Turn anything an HttpClient call throws into an {@link AdminFailure} with a Chinese message. */
export function toAdminFailure(e: unknown, fallback = '操作失败，请稍后重试'): AdminFailure {
  if (e instanceof HttpErrorResponse) {
    const body = (e.error && typeof e.error === 'object' ? e.error : {}) as Record<string, unknown>;
    const status = e.status;
    const message =
      typeof body['message'] === 'string' && body['message'] !== ''
        ? body['message']
        : (FALLBACK_BY_STATUS[status] ?? (status >= 500 ? '服务器暂时不可用，请稍后重试' : fallback));
    const details = Array.isArray(body['details'])
      ? (body['details'] as unknown[]).filter(
          (d): d is ApiErrorDetail => !!d && typeof d === 'object' && typeof (d as ApiErrorDetail).message === 'string',
        )
      : [];
    return { status, code: typeof body['code'] === 'string' ? body['code'] : '', message, details };
  }
  return { status: -1, code: '', message: fallback, details: [] };
}

/** The first detail message for `field`, or null. */
export function fieldError(f: AdminFailure | null, field: string): string | null {
  return f?.details.find((d) => d.field === field)?.message ?? null;
}

/** Version number from an `ETag` header (`"3"` or `W/"3"`), or null. */
export function versionFromEtag(etag: string | null | undefined): number | null {
  if (!etag) return null;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim());
  return m ? Number(m[1]) : null;
}
