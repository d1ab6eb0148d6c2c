import { ApiHttpException } from '@pt/api/core';
import { statusLabel, type ProjectStatus } from '@pt/domain';
import type { TargetKindKey } from '@pt/shared/contracts';
import { targetLabel } from './kind-fields';

/**
 * Monitoring, self-evaluation and adjustment all start from the approved target: one refusal for each of them,
 * `doing` saying what was tried (填写运行监控, 自评, 调整). The code is NOT_APPROVED unless the caller's contract
 * names another (an adjustment answers INVALID_TRANSITION).
 */
export function requireApproved(row: { status: ProjectStatus; kind?: TargetKindKey }, doing: string, code = 'NOT_APPROVED'): void {
  if (row.status !== 'approved') {
    const label = targetLabel(row.kind);
    throw new ApiHttpException(409, code, `${label}处于「${statusLabel(row.status)}」状态：只有已批复的${label}可以${doing}`);
  }
}
