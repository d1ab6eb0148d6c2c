import type { TransitionAction } from '@pt/web/projects/data-access';
import { failureMapper } from '@pt/web/shared/data-access';
import type { ApiFailure } from '@pt/web/shared/data-access';

/** What the page says after a transition of the self-evaluation. */
export const EVALUATION_ACTION_DONE: Readonly<Record<TransitionAction, string>> = {
  submit: '自评已提交，等待主管部门审核',
  withdraw: '自评已撤回，可继续修改',
  approve: '自评已审核通过',
  return: '自评已退回给填报单位',
};

/** Shown on 412: the project was saved by someone else since the page was loaded. */
export const EVALUATION_CONFLICT_MESSAGE = '该项目已被其他人修改并保存，您的修改尚未保存。请先记下需要保留的内容，再点击「重新加载」获取最新版本';

const FALLBACK: Record<number, string> = {
  403: '您没有权限执行此操作',
  404: '项目不存在或您无权查看',
  409: '当前状态下不能执行此操作，请刷新后重试',
  422: '内容不符合评分规则，请根据下列提示修改',
  428: '缺少版本信息，请重新加载后再保存',
};

/**
 * An error of the evaluation / monitoring API as an {@link ApiFailure}: the server's Chinese message
 * and field details where it sent them, this wording where it did not, and always the conflict text on 412.
 */
export const toEvaluationFailure: (e: unknown, fallback?: string) => ApiFailure = failureMapper({
  byStatus: FALLBACK,
  always: { 412: EVALUATION_CONFLICT_MESSAGE },
  fallback: '操作失败，请稍后重试',
});
