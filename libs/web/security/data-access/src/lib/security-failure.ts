import { toApiFailure, type ApiFailure } from '@pt/web/projects/data-access';

/** An API error answer, reduced to what the security and audit screens show. */
export type SecurityFailure = Pick<ApiFailure, 'status' | 'code' | 'message' | 'details'>;

/** These screens' wording where the server sent no message. */
const SECURITY_FALLBACK: Record<number, string> = {
  403: '您没有权限执行此操作',
  404: '记录不存在，可能已被他人处理',
};

/** Anything an HttpClient call of the security or audit API throws, with a Chinese message. */
export function toSecurityFailure(e: unknown, fallback = '操作失败，请稍后重试'): SecurityFailure {
  const { status, code, message, details } = toApiFailure(e, fallback, SECURITY_FALLBACK);
  return { status, code, message, details };
}
