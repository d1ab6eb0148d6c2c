import { Body, Get, Param, Patch, Put } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController, type VersionedWriteRef, WriteRef } from '@pt/api/auth';
import { Versioned, VersionedWrite } from '@pt/api/core';
import { ApiRoutes, type Evaluation, PatchEvaluationDto, PutEvaluationDto, type UserSummary } from '@pt/shared/contracts';
import { EvaluationService } from './evaluation.service';

// on both paths: /api/targets/:id for every kind, /api/projects/:id narrowed to projects (the store's kind scope)
@SecuredController([`${ApiRoutes.projects}/:id/evaluation`, `${ApiRoutes.targets}/:id/evaluation`], { tag: 'evaluation' })
export class EvaluationController {
  constructor(private readonly evaluations: EvaluationService) {}

  @Get()
  @Versioned()
  @ApiResponse({ status: 200, description: '自评（按 README §8 计分），带项目的 ETag' })
  @ApiResponse({ status: 409, description: '项目尚未批复' })
  get(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<Evaluation> {
    return this.evaluations.get(user, id);
  }

  @Put()
  @VersionedWrite({ description: '保存后的自评', refusals: { 422: '违反评分规则（如得分不在等级区间、单位不符、分值合计不对），未保存' } })
  put(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: PutEvaluationDto): Promise<Evaluation> {
    return this.evaluations.put(user, id, ifMatch, dto);
  }

  @Patch()
  @VersionedWrite({
    description: '审核人按偏离度扣分（或取消）后的自评：10号，实际完成值远超设定偏低的指标值时按偏离度扣分，须填写理由',
    refusals: { 403: '不是审核人', 409: '自评不在该审核人的审核环节', 422: '该行没有远超年度指标值，不能扣分' },
  })
  patch(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: PatchEvaluationDto): Promise<Evaluation> {
    return this.evaluations.deduct(user, id, ifMatch, dto);
  }
}
