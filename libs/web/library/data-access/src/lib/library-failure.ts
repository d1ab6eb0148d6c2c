import { failureMapper } from '@pt/web/shared/data-access';

/** Shown on 412: the row was changed or deleted by someone else since it was loaded. */
export const LIBRARY_CONFLICT_MESSAGE = '该指标已被他人修改，请刷新后重试';

/**
 * An error of the indicator-library API as an `ApiFailure`: the server's Chinese message where it sent one,
 * library wording where it did not, and always the conflict text on 412.
 */
export const toLibraryFailure = failureMapper({
  byStatus: {
    403: '只有系统管理员可以维护指标库',
    404: '指标库中没有该指标，可能已被删除',
    409: '指标库中已有同一二级指标下的同名指标',
    428: '缺少版本信息，请刷新后重试',
  },
  always: { 412: LIBRARY_CONFLICT_MESSAGE },
});
