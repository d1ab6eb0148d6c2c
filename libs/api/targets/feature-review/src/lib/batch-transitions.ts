import { Injectable, Logger } from '@nestjs/common';
import { ApiExceptionFilter, ApiHttpException } from '@pt/api/core';
import { TargetStore } from '@pt/api/targets/data-access';
import { reasonRefusal, roleRefusal, structuredReviewRefusal } from '@pt/domain';
import type { BatchTransitionDto, BatchTransitionResponse, BatchTransitionResult, UserSummary } from '@pt/shared/contracts';
import { refuse, ReviewService } from './review.service';
import { TARGET_REVIEW, targetReviewHooks } from './target-review';

const errors = new ApiExceptionFilter();

/**
 * POST /api/transitions: the same transition on many targets, each through the one `ReviewService.transition()` in
 * its own transaction — a stale version, a target the user may not see or one in the wrong state is reported in its
 * result, and the others proceed. What concerns the request as a whole (who may act, a return's reason, an approval's
 * review) is refused once, before any item.
 */
@Injectable()
export class BatchTransitions {
  private readonly logger = new Logger('BatchTransitions');

  constructor(
    private readonly review: ReviewService,
    private readonly targets: TargetStore,
  ) {}

  async run(user: UserSummary, dto: BatchTransitionDto): Promise<BatchTransitionResponse> {
    refuse(roleRefusal(TARGET_REVIEW.document, user, dto.action));
    refuse(reasonRefusal(dto.action, dto.comment?.trim() || null));
    refuse(structuredReviewRefusal(dto.action, dto.review));
    const ids = dto.items.map((i) => i.id);
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (twice.length) throw new ApiHttpException(400, 'VALIDATION_FAILED', `目标重复：${[...new Set(twice)].join('、')}`, [{ field: 'items', message: '目标不能重复' }]);
    const results: BatchTransitionResult[] = [];
    for (const item of dto.items) results.push(await this.one(user, dto, item.id, item.version));
    return { results };
  }

  private async one(user: UserSummary, dto: BatchTransitionDto, id: string, version: number): Promise<BatchTransitionResult> {
    const req = { action: dto.action, comment: dto.comment, review: dto.review };
    try {
      await this.review.transition(TARGET_REVIEW, targetReviewHooks(this.targets, user, undefined), user, id, `"${version}"`, req);
      const row = await this.targets.findVisible(user, id);
      return { id, status: row.status, version: row.version };
    } catch (e) {
      const body = errors.toBody(e);
      if (body.statusCode >= 500) this.logger.error({ msg: 'batch transition failed', id, error: (e as Error)?.message });
      // each refused item is logged as the same refusal of the single route would be (a probe of others' targets too)
      const result = body.statusCode === 403 || body.statusCode === 404 ? 'denied' : 'failed';
      await this.targets.audit.recordQuietly({ event: `${TARGET_REVIEW.auditType}.${dto.action}`, result, objectType: TARGET_REVIEW.auditType, objectId: id, status: body.statusCode, details: { batch: true, code: body.code } });
      // the target as it stands (null when the user may not see it)
      const row = await this.targets.findVisible(user, id).catch(() => null);
      return { id, status: row?.status ?? null, ...(row ? { version: row.version } : {}), error: { statusCode: body.statusCode, code: body.code, message: body.message } };
    }
  }
}
