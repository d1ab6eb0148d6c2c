import { type ApiFailure, failureMapper } from '@pt/web/shared/data-access';

/** An API error answer, reduced to what the security and audit screens show. */
export type SecurityFailure = ApiFailure;

/** Anything an HttpClient call of the security or audit API throws, with a Chinese message (these screens' wording where the server sent none). */
export const toSecurityFailure = failureMapper({
  byStatus: {
    403: '您没有权限执行此操作',
    404: '记录不存在，可能已被他人处理',
  },
});
