import { ApiHttpException } from '@pt/api/core';
import { statusLabel, type ProjectStatus } from '@pt/domain';

/**
 * Monitoring, self-evaluation and adjustment all start from the approved target: one refusal for each of them,
 * `doing` saying what was tried (填写运行监控, 自评, 调整). The code is NOT_APPROVED unless the caller's contract
 * names another (an adjustment answers INVALID_TRANSITION).
 */
export function requireApproved(row: { status: ProjectStatus }, doing: string, code = 'NOT_APPROVED'): void {
  if (row.status !== 'approved') {
    throw new ApiHttpException(409, code, `项目处于「${statusLabel(row.status)}」状态：只有已批复的项目可以${doing}`);
  }
}
