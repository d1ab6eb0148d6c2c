import { Body, Controller, Get, Headers, Param, Patch, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '@pt/api/auth';
import { withEtag } from '@pt/api/core';
import { IF_MATCH_HEADER as IF_MATCH } from '@pt/api/targets/data-access';
import { ApiRoutes, type Evaluation, PatchEvaluationDto, PutEvaluationDto, type UserSummary } from '@pt/shared/contracts';
import type { Response } from 'express';
import { EvaluationService } from './evaluation.service';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller(`${ApiRoutes.projects}/:id/evaluation`)
export class EvaluationController {
  constructor(private readonly evaluations: EvaluationService) {}

  @Get()
  @ApiResponse({ status: 200, description: '自评（按 README §8 计分），带项目的 ETag' })
  @ApiResponse({ status: 409, description: '项目尚未批复' })
  async get(@CurrentUser() user: UserSummary, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<Evaluation> {
    return withEtag(res, await this.evaluations.get(user, id));
  }

  @Put()
  @ApiHeader(IF_MATCH)
  @ApiResponse({ status: 200, description: '保存后的自评' })
  @ApiResponse({ status: 422, description: '违反评分规则（如得分不在等级区间、单位不符、分值合计不对），未保存' })
  async put(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: PutEvaluationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Evaluation> {
    return withEtag(res, await this.evaluations.put(user, id, ifMatch, dto));
  }

  @Patch()
  @ApiHeader(IF_MATCH)
  @ApiResponse({ status: 200, description: '审核人按偏离度扣分（或取消）后的自评：10号，实际完成值远超设定偏低的指标值时按偏离度扣分，须填写理由' })
  @ApiResponse({ status: 403, description: '不是审核人' })
  @ApiResponse({ status: 409, description: '自评不在该审核人的审核环节' })
  @ApiResponse({ status: 422, description: '该行没有远超年度指标值，不能扣分' })
  async patch(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: PatchEvaluationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Evaluation> {
    return withEtag(res, await this.evaluations.deduct(user, id, ifMatch, dto));
  }
}
