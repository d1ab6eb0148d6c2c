import { Body, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SecuredController, type VersionedWriteRef, WriteRef } from '@pt/api/auth';
import { VersionedWrite } from '@pt/api/core';
import { EvaluationStore, TargetStore } from '@pt/api/targets/data-access';
import { ApiRoutes, type Evaluation, EvaluationTransitionDto, type Project, TransitionDto } from '@pt/shared/contracts';
import { EVALUATION_REVIEW, evaluationReviewHooks } from './evaluation-review';
import { ReviewService } from './review.service';
import { TARGET_REVIEW, targetReviewHooks } from './target-review';

/** The transitions of a target's declaration and of its self-evaluation: one workflow, two documents. */
// on both paths: /api/targets/:id for every kind, /api/projects/:id narrowed to projects (the store's kind scope)
@SecuredController([ApiRoutes.projects, ApiRoutes.targets])
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly targets: TargetStore,
    private readonly evaluations: EvaluationStore,
  ) {}

  @Post(':id/transitions')
  @ApiTags('projects')
  @VersionedWrite({
    description: '项目及其新状态',
    refusals: { 409: '当前状态不允许此操作', 422: '指标表有错误，不能提交（details 列出各处错误）' },
  })
  async transition(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: TransitionDto): Promise<Project> {
    await this.review.transition(TARGET_REVIEW, targetReviewHooks(this.targets, user, dto.rowComments), user, id, ifMatch, dto);
    return this.targets.get(user, id);
  }

  @Post(':id/evaluation/transitions')
  @ApiTags('evaluation')
  @VersionedWrite({ description: '自评的新状态', refusals: { 409: '当前状态不允许该操作' } })
  async evaluationTransition(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: EvaluationTransitionDto): Promise<Evaluation> {
    await this.review.transition(EVALUATION_REVIEW, evaluationReviewHooks(this.evaluations), user, id, ifMatch, dto);
    return this.evaluations.get(user, id);
  }
}
