import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { ApiRoutes, BATCH_TRANSITION_LIMIT, BatchTransitionDto, type BatchTransitionResponse, type UserSummary } from '@pt/shared/contracts';
import { BatchTransitions } from './batch-transitions';

/** 批量审核: one action, one comment and one review for many targets, each on its own. */
@SecuredController(ApiRoutes.transitions, { tag: 'projects', roles: ['filler', 'dept_reviewer', 'finance_reviewer'], forbidden: '只有业务用户可以流转目标' })
export class BatchTransitionsController {
  constructor(private readonly batch: BatchTransitions) {}

  @Post()
  @HttpCode(200)
  @ApiResponse({ status: 200, description: '每个目标的结果：新状态与版本，或其错误（版本过期、无权查看、状态不允许…），其余照常处理' })
  @ApiResponse({ status: 400, description: `目标为空、重复或超过 ${BATCH_TRANSITION_LIMIT} 个；退回未填理由` })
  @ApiResponse({ status: 422, description: '总体评价为「中」或「差」，不能审核通过' })
  run(@CurrentUser() user: UserSummary, @Body() dto: BatchTransitionDto): Promise<BatchTransitionResponse> {
    return this.batch.run(user, dto);
  }
}
