import { toApiFailure, type ApiFailure } from '@pt/web/projects/data-access';

export { versionFromEtag } from '@pt/web/projects/data-access';

/** An API error answer, reduced to what the admin screens show (the screens' own checks build these too). */
export type AdminFailure = Pick<ApiFailure, 'status' | 'code' | 'message' | 'details'>;

/** The admin screens' wording where the server sent no message. */
const ADMIN_FALLBACK: Record<number, string> = {
  403: '只有系统管理员可以管理机构和用户',
  404: '记录不存在，可能已被删除',
  409: '与现有数据冲突，请检查后重试',
  412: '该记录已被他人修改，您的修改未保存；请刷新后重试',
};

/** Anything an HttpClient call of the admin API throws, with a Chinese message. */
export function toAdminFailure(e: unknown, fallback = '操作失败，请稍后重试'): AdminFailure {
  const { status, code, message, details } = toApiFailure(e, fallback, ADMIN_FALLBACK);
  return { status, code, message, details };
}

/** The first detail message for `field`, or null. */
export function fieldError(f: AdminFailure | null, field: string): string | null {
  return f?.details.find((d) => d.field === field)?.message ?? null;
}
