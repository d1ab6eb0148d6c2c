import { Injectable } from '@nestjs/common';
import { ApiHttpException, parseIfMatch, readRows, UUID_RE } from '@pt/api/core';
import { TargetStore, type ProjectRow } from '@pt/api/targets/data-access';
import {
  mayIssueRectification,
  isRectificationEditable,
  RECTIFICATION_FLOW,
  RECTIFICATION_STATUS_LABELS,
  rectificationRefusal,
  hasRole,
} from '@pt/domain';
import type {
  CreateRectificationDto,
  PatchRectificationDto,
  Rectification,
  RectificationHistoryEntry,
  RectificationTransitionDto,
  UserSummary,
} from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import { RECTIFICATION_ORDER, RECTIFICATION_SELECT, toRectification, type RectificationRow } from './rectification-rows';

const LABEL = '整改通知';

/**
 * The 整改 loop (domain §11): a reviewer issues a notice on a target after a red monitoring light or a 中/差
 * self-evaluation; the unit writes its answer and submits it; a reviewer accepts or returns it. Visible exactly as
 * its target; each write under the notice's own If-Match version, as the targets' writes are.
 */
@Injectable()
export class RectificationService {
  constructor(private readonly targets: TargetStore) {}

  /** A target's notices, newest first; `carried`: the open ones of its same-name target of the year before. */
  async list(user: UserSummary, targetId: string, carried = false): Promise<Rectification[]> {
    const row = await this.targets.findVisible(user, targetId);
    const m = this.targets.dataSource.manager;
    const rows = carried
      ? await readRows<RectificationRow>(
          m,
          `${RECTIFICATION_SELECT}
            WHERE p.org_id = $1 AND p.name = $2 AND p.kind = $3 AND p.year = $4 AND r.status <> 'accepted' ${RECTIFICATION_ORDER}`,
          [row.org_id, row.name, row.kind, row.year - 1],
        )
      : await readRows<RectificationRow>(m, `${RECTIFICATION_SELECT} WHERE r.project_id = $1 ${RECTIFICATION_ORDER}`, [row.id]);
    return rows.map((r) => toRectification(user, r));
  }

  async get(user: UserSummary, id: string): Promise<Rectification> {
    return toRectification(user, await this.findVisible(user, id, this.targets.dataSource.manager));
  }

  async create(user: UserSummary, targetId: string, dto: CreateRectificationDto): Promise<Rectification> {
    const id = await this.targets.dataSource.transaction(async (m) => {
      const row = await this.targets.findVisible(user, targetId, m, true);
      if (!mayIssueRectification(user)) throw new ApiHttpException(403, 'FORBIDDEN', `只有审核人可以下达${LABEL}`);
      const reason = await this.reasonFor(m, row);
      if (deadlineBeforeToday(dto.deadline)) throw badRequest('deadline', '整改期限不能早于今天');
      const history: RectificationHistoryEntry[] = [entry(user, 'issue', null, 'issued', null)];
      const [r] = await m.query(
        `INSERT INTO rectification (project_id, problems, requirements, deadline, reason, issued_by, issued_by_name, history)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb) RETURNING id`,
        [row.id, dto.problems.trim(), dto.requirements.trim(), dto.deadline, reason, user.id, user.displayName, JSON.stringify(history)],
      );
      return r.id as string;
    });
    return this.get(user, id);
  }

  /** The unit's answer (整改情况及措施), while the notice waits for it. */
  async patch(user: UserSummary, id: string, ifMatch: string | undefined, dto: PatchRectificationDto): Promise<Rectification> {
    await this.write(user, id, ifMatch, async (m, r) => {
      if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有填报人可以填写整改情况');
      if (!isRectificationEditable(r.status)) {
        throw new ApiHttpException(409, 'INVALID_TRANSITION', `${LABEL}处于「${RECTIFICATION_STATUS_LABELS[r.status]}」状态，不能修改整改情况`);
      }
      const feedback = dto.feedback?.trim() || null;
      await m.query(`UPDATE rectification SET feedback = $2, history = history || $3::jsonb WHERE id = $1`, [
        r.id,
        feedback,
        JSON.stringify([entry(user, 'update', r.status, r.status, null)]),
      ]);
    });
    return this.get(user, id);
  }

  async transition(user: UserSummary, id: string, ifMatch: string | undefined, dto: RectificationTransitionDto): Promise<Rectification> {
    await this.write(user, id, ifMatch, async (m, r) => {
      const comment = dto.comment?.trim() || null;
      const refusal = rectificationRefusal(user, r.status, dto.action, comment);
      if (refusal) {
        throw new ApiHttpException(refusal.status, refusal.code, refusal.message, refusal.field ? [{ field: refusal.field, message: refusal.message }] : undefined);
      }
      if (dto.action === 'submit' && !r.feedback) {
        throw new ApiHttpException(422, 'RECTIFICATION_INCOMPLETE', '请先填写整改情况及措施再提交', [{ field: 'feedback', message: '整改情况及措施不能为空' }]);
      }
      const to = RECTIFICATION_FLOW[dto.action].to;
      await m.query(`UPDATE rectification SET status = $2, history = history || $3::jsonb WHERE id = $1`, [
        r.id,
        to,
        JSON.stringify([entry(user, dto.action, r.status, to, comment)]),
      ]);
    });
    return this.get(user, id);
  }

  /** One write: lock the visible notice, check If-Match (428/412), run `fn`, bump the version. */
  private async write(user: UserSummary, id: string, ifMatch: string | undefined, fn: (m: EntityManager, r: RectificationRow) => Promise<void>): Promise<void> {
    await this.targets.dataSource.transaction(async (m) => {
      const r = await this.findVisible(user, id, m, true);
      const expected = parseIfMatch(ifMatch);
      if (expected === undefined) throw new ApiHttpException(428, 'PRECONDITION_REQUIRED', `缺少 If-Match 请求头：请先读取${LABEL}，并在修改时带上它的 ETag（版本号）`);
      if (expected !== r.version) {
        throw new ApiHttpException(412, 'VERSION_CONFLICT', `该${LABEL}已被他人修改（当前版本 ${r.version}，您编辑的是版本 ${expected ?? '?'}），您的修改未保存；请重新加载后再修改`);
      }
      await fn(m, r);
      await m.query(`UPDATE rectification SET version = version + 1, updated_at = now() WHERE id = $1`, [id]);
    });
  }

  /** The notice if its target is visible to the user (404 otherwise, as for the target). */
  private async findVisible(user: UserSummary, id: string, m: EntityManager, lock = false): Promise<RectificationRow> {
    if (!UUID_RE.test(id)) throw notFound();
    if (lock) await m.query(`SELECT 1 FROM rectification WHERE id = $1 FOR UPDATE`, [id]);
    const [r] = await readRows<RectificationRow>(m, `${RECTIFICATION_SELECT} WHERE r.id = $1`, [id]);
    if (!r) throw notFound();
    try {
      await this.targets.findVisible(user, r.project_id, m);
    } catch {
      throw notFound();
    }
    return r;
  }

  /** Why a notice may be issued (the latest monitoring report's red light, or a 中/差 self-evaluation), or 422. */
  private async reasonFor(m: EntityManager, row: ProjectRow): Promise<string> {
    const [mon] = await readRows<{ month: number; light: string }>(m, `SELECT month, light FROM project_monitoring WHERE project_id = $1 ORDER BY month DESC LIMIT 1`, [row.id]);
    const [ev] = await readRows<{ grade: string }>(m, `SELECT grade FROM project_evaluation WHERE project_id = $1`, [row.id]);
    if (mon?.light === 'red') return `运行监控（${mon.month}月）亮红灯`;
    if (ev && (ev.grade === '中' || ev.grade === '差')) return `绩效自评等级为「${ev.grade}」`;
    const seen = [mon ? `最近一次运行监控（${mon.month}月）未亮红灯` : '尚无运行监控', ev ? `自评等级为「${ev.grade}」` : '尚无自评'].join('，');
    throw new ApiHttpException(422, 'RECTIFICATION_NOT_DUE', `只有运行监控亮红灯或绩效自评等级为中、差的${this.targets.kind.label}才能下达${LABEL}（该${this.targets.kind.label}${seen}）`);
  }
}

function entry(user: UserSummary, action: RectificationHistoryEntry['action'], from: RectificationHistoryEntry['fromStatus'], to: RectificationHistoryEntry['toStatus'], comment: string | null): RectificationHistoryEntry {
  return { at: new Date().toISOString(), user: user.displayName, action, fromStatus: from, toStatus: to, comment };
}

function deadlineBeforeToday(deadline: string): boolean {
  return deadline < new Date().toISOString().slice(0, 10);
}

function badRequest(field: string, message: string): ApiHttpException {
  return new ApiHttpException(400, 'VALIDATION_FAILED', message, [{ field, message }]);
}

function notFound(): ApiHttpException {
  return new ApiHttpException(404, 'NOT_FOUND', `${LABEL}不存在或无权查看`);
}
