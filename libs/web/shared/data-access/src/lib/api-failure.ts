import { HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import type { Finding } from '@pt/domain';
import type { ApiErrorDetail } from '@pt/shared/api-types';

/** An API error answer, reduced to what the screens show. */
export interface ApiFailure {
  /** HTTP status; 0 when the server could not be reached, -1 for anything that is not an HTTP answer. */
  status: number;
  code: string;
  /** Chinese message for the user. */
  message: string;
  details: ApiErrorDetail[];
  /** 422 FINDINGS_BLOCK_SUBMIT carries the blocking findings. */
  findings: Finding[];
}

const FALLBACK_BY_STATUS: Record<number, string> = {
  0: '无法连接服务器，请检查网络后重试',
  400: '提交的内容有误，请检查后重试',
  401: '登录已失效，请重新登录',
  403: '您没有权限执行此操作',
  404: '项目不存在或您无权查看',
  409: '当前状态下不能执行此操作，请刷新后重试',
  412: '该项目已被其他人修改并保存，您的修改尚未保存。请先复制需要保留的内容，再点击「重新加载」获取最新版本',
  413: '提交的内容过大',
  422: '内容不符合规则，请根据检查结果修改',
  428: '缺少版本信息，请重新加载后再保存',
};

function isFinding(x: unknown): x is Finding {
  return !!x && typeof x === 'object' && typeof (x as Finding).code === 'string' && typeof (x as Finding).message === 'string';
}

/**
 * A 422 FINDINGS_BLOCK_SUBMIT may list the blocking findings as details
 * (`{ field: 'indicators[2]' | 'indicators', code, message }`) instead of `findings`.
 */
function findingsFromDetails(details: ApiErrorDetail[]): Finding[] {
  return details.map((d) => {
    const m = /^indicators\[(\d+)\]/.exec(d.field ?? '');
    return { code: d.code ?? '', severity: 'error', message: d.message, indicatorIndex: m ? Number(m[1]) : null };
  });
}

/**
 * Turn anything thrown by an HttpClient call into an {@link ApiFailure} with a Chinese message: the
 * server's own message when it sent one, else the screen's wording for the status (`byStatus`), else a
 * general one by status, else `fallback`.
 */
export function toApiFailure(e: unknown, fallback = '操作失败，请稍后重试', byStatus: Readonly<Record<number, string>> = {}): ApiFailure {
  if (e instanceof HttpErrorResponse) {
    const body = (e.error && typeof e.error === 'object' ? e.error : {}) as Record<string, unknown>;
    const status = e.status;
    const message =
      typeof body['message'] === 'string' && body['message'] !== ''
        ? (body['message'] as string)
        : (byStatus[status] ?? FALLBACK_BY_STATUS[status] ?? (status >= 500 ? '服务器暂时不可用，请稍后重试' : fallback));
    const details = Array.isArray(body['details'])
      ? (body['details'] as unknown[]).filter(
          (d): d is ApiErrorDetail => !!d && typeof d === 'object' && typeof (d as ApiErrorDetail).message === 'string',
        )
      : [];
    let findings = Array.isArray(body['findings']) ? (body['findings'] as unknown[]).filter(isFinding) : [];
    if (findings.length === 0 && body['code'] === 'FINDINGS_BLOCK_SUBMIT') findings = findingsFromDetails(details);
    return { status, code: typeof body['code'] === 'string' ? (body['code'] as string) : '', message, details, findings };
  }
  return { status: -1, code: '', message: fallback, details: [], findings: [] };
}

/** How a screen words its failures: by status where the server sent no message, and texts that always stand for a status. */
export interface FailureWording {
  /** The screen's wording where the server sent no message (before the general one). */
  byStatus?: Readonly<Record<number, string>>;
  /** A message that replaces the server's for a status (e.g. 412: "changed by someone else" in the screen's words). */
  always?: Readonly<Record<number, string>>;
  /** The message for anything else (default 操作失败，请稍后重试). */
  fallback?: string;
}

/** A screen's mapper of API errors: {@link toApiFailure} with its own wording; `fallback` per call overrides the screen's. */
export function failureMapper(wording: FailureWording): (e: unknown, fallback?: string) => ApiFailure {
  return (e, fallback) => {
    const f = toApiFailure(e, fallback ?? wording.fallback, wording.byStatus);
    const always = wording.always?.[f.status];
    return always ? { ...f, message: always } : f;
  };
}

/** The first detail message for `field`, or null. */
export function fieldError(f: Pick<ApiFailure, 'details'> | null | undefined, field: string): string | null {
  return f?.details.find((d) => d.field === field)?.message ?? null;
}

/** A failure found before sending (the checks the server makes anyway), in the same shape as the server's. */
export function localFailure(details: ApiErrorDetail[], message = '请检查填写的内容'): ApiFailure | null {
  return details.length ? { status: 400, code: 'LOCAL', message, details, findings: [] } : null;
}

/** Version number from an `ETag` header (`"3"` or `W/"3"`), or null. */
export function versionFromEtag(etag: string | null | undefined): number | null {
  if (!etag) return null;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim());
  return m ? Number(m[1]) : null;
}

/**
 * The body of an answer with the version its `ETag` names (the `If-Match` of the next write), which wins over the
 * body's own `version`; the body as it is when there is no such header.
 */
export function withEtagVersion<T extends { version: number }>(res: HttpResponse<T>): T {
  const body = res.body as T;
  const v = versionFromEtag(res.headers.get('ETag'));
  return v !== null && v !== body.version ? { ...body, version: v } : body;
}

/** `If-Match` header value for a version. */
export function ifMatch(version: number): string {
  return `"${version}"`;
}
