import { type ApiFailure, failureMapper } from '@pt/web/shared/data-access';

export { fieldError, versionFromEtag } from '@pt/web/shared/data-access';

/** An API error answer, reduced to what the admin screens show (the screens' own checks build these too). */
export type AdminFailure = ApiFailure;

/** Anything an HttpClient call of the admin API throws, with a Chinese message (the admin screens' wording where the server sent none). */
export const toAdminFailure = failureMapper({
  byStatus: {
    403: '只有系统管理员可以管理机构和用户',
    404: '记录不存在，可能已被删除',
    409: '与现有数据冲突，请检查后重试',
    412: '该记录已被他人修改，您的修改未保存；请刷新后重试',
  },
});
