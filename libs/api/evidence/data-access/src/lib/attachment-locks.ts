import { ApiHttpException } from '@pt/api/core';
import { requireApproved, targetLabel, type ProjectRow } from '@pt/api/targets/data-access';
import { isEditable, isRectificationEditable, RECTIFICATION_STATUS_LABELS, statusLabel, type RectificationStatus, type ReviewStatus } from '@pt/domain';
import type { AttachmentEditRights, AttachmentPurpose } from '@pt/shared/api-types';

/** What the locks of a target's files are decided from: the target, its self-evaluation and its 整改通知. */
export interface LockState {
  target: Pick<ProjectRow, 'status' | 'kind'>;
  /** The self-evaluation's status (draft when none was saved yet). */
  evaluation: ReviewStatus;
  /** Each notice's status by its id. */
  rectifications: ReadonlyMap<string, RectificationStatus>;
}

const VERB = '上传或删除';

/**
 * Why a file of `purpose` may not be added or removed now (409, in Chinese), or null. Each purpose follows the edit rule
 * of its own document: the declaration's (isEditable of the target), the self-evaluation's (an approved target whose
 * self-evaluation is editable), monitoring's (the reports of every month are written while the target is approved:
 * the monitoring store has no per-month lock, so neither do its files), a notice's (while it awaits the unit's answer).
 */
export function lockRefusal(s: LockState, purpose: AttachmentPurpose, rectificationId: string | null): ApiHttpException | null {
  const label = targetLabel(s.target.kind);
  const refuse = (message: string) => new ApiHttpException(409, 'NOT_EDITABLE', message);
  try {
    if (purpose === 'declaration') {
      if (!isEditable(s.target.status)) return refuse(`${label}处于「${statusLabel(s.target.status)}」状态，不能${VERB}申报佐证材料（只有草稿或已退回的${label}可以修改）`);
    } else if (purpose === 'monitoring') {
      requireApproved(s.target, `${VERB}运行监控佐证材料`);
    } else if (purpose === 'evaluation') {
      requireApproved(s.target, `${VERB}自评佐证材料`);
      if (!isEditable(s.evaluation)) return refuse(`自评处于「${statusLabel(s.evaluation)}」状态，不能${VERB}自评佐证材料（只有草稿或已退回的自评可以修改）`);
    } else {
      // a file kept before notices were told apart follows any notice of the target that still awaits its answer
      const statuses = rectificationId ? [s.rectifications.get(rectificationId)] : [...s.rectifications.values()];
      if (!statuses.some((st) => st && isRectificationEditable(st))) {
        const st = statuses.find((x) => x);
        return refuse(`整改通知${st ? `处于「${RECTIFICATION_STATUS_LABELS[st]}」状态` : '不在待整改或已退回状态'}，不能${VERB}整改佐证材料（只有待整改或已退回的整改通知可以补充材料）`);
      }
    }
  } catch (e) {
    if (e instanceof ApiHttpException) return e;
    throw e;
  }
  return null;
}

/** Which files may be added or removed now (the web shows upload and delete only there). */
export function editRights(s: LockState): AttachmentEditRights {
  const ok = (p: AttachmentPurpose) => lockRefusal(s, p, null) === null;
  return {
    declaration: ok('declaration'),
    monitoring: ok('monitoring'),
    evaluation: ok('evaluation'),
    rectifications: [...s.rectifications.entries()].filter(([, st]) => isRectificationEditable(st)).map(([id]) => id),
  };
}
