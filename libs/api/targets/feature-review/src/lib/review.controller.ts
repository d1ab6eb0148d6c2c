import { Body, Controller, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '@pt/api/auth';
import { withEtag } from '@pt/api/core';
import { EvaluationStore, IF_MATCH_HEADER, TargetStore } from '@pt/api/targets/data-access';
import { ApiRoutes, type Evaluation, EvaluationTransitionDto, type Project, TransitionDto, type UserSummary } from '@pt/shared/contracts';
import type { Response } from 'express';
import { EVALUATION_REVIEW, evaluationReviewHooks } from './evaluation-review';
import { ReviewService } from './review.service';
import { TARGET_REVIEW, targetReviewHooks } from './target-review';

/** The transitions of a target's declaration and of its self-evaluation: one workflow, two documents. */
@ApiBearerAuth()
@Controller(ApiRoutes.projects)
export class ReviewController {
  constructor(
    private readonly review: ReviewService,
    private readonly targets: TargetStore,
    private readonly evaluations: EvaluationStore,
  ) {}

  @Post(':id/transitions')
  @ApiTags('projects')
  @HttpCode(200)
  @ApiHeader(IF_MATCH_HEADER)
  @ApiResponse({ status: 200, description: '项目及其新状态' })
  @ApiResponse({ status: 409, description: '当前状态不允许此操作' })
  @ApiResponse({ status: 422, description: '指标表有错误，不能提交（details 列出各处错误）' })
  async transition(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: TransitionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Project> {
    await this.review.transition(TARGET_REVIEW, targetReviewHooks(this.targets, user, dto.rowComments), user, id, ifMatch, dto);
    return withEtag(res, await this.targets.get(user, id));
  }

  @Post(':id/evaluation/transitions')
  @ApiTags('evaluation')
  @HttpCode(200)
  @ApiHeader(IF_MATCH_HEADER)
  @ApiResponse({ status: 200, description: '自评的新状态' })
  @ApiResponse({ status: 409, description: '当前状态不允许该操作' })
  async evaluationTransition(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: EvaluationTransitionDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Evaluation> {
    await this.review.transition(EVALUATION_REVIEW, evaluationReviewHooks(this.evaluations), user, id, ifMatch, dto);
    return withEtag(res, await this.evaluations.get(user, id));
  }
}
