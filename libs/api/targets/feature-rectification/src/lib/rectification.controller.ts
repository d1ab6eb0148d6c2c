import { Body, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController, type VersionedWriteRef, WriteRef } from '@pt/api/auth';
import { Versioned, VersionedWrite } from '@pt/api/core';
import {
  ApiRoutes,
  CreateRectificationDto,
  PatchRectificationDto,
  type Rectification,
  RectificationListQueryDto,
  RectificationTransitionDto,
  type UserSummary,
} from '@pt/shared/contracts';
import { RectificationService } from './rectification.service';

const R = ApiRoutes.rectifications;
const OF_TARGET = `${ApiRoutes.targets}/:id/${ApiRoutes.project.rectifications}`;

/** 整改通知: a target's list and issue, the unit's answer, the transitions (domain §11). */
@SecuredController('/', { tag: 'rectifications' })
export class RectificationController {
  constructor(private readonly rectifications: RectificationService) {}

  @Get(OF_TARGET)
  @ApiResponse({ status: 200, description: '该目标的整改通知，新的在前；carried=true：上年同名目标未完成的整改通知' })
  @ApiResponse({ status: 404, description: '目标不存在或无权查看' })
  list(@CurrentUser() user: UserSummary, @Param('id') id: string, @Query() q: RectificationListQueryDto): Promise<Rectification[]> {
    return this.rectifications.list(user, id, q.carried ?? false);
  }

  @Post(OF_TARGET)
  @Versioned()
  @ApiResponse({ status: 201, description: '下达的整改通知（待整改，版本 1），带 ETag' })
  @ApiResponse({ status: 403, description: '只有审核人可以下达' })
  @ApiResponse({ status: 422, description: '该目标的运行监控未亮红灯，自评等级也不是中或差' })
  create(@CurrentUser() user: UserSummary, @Param('id') id: string, @Body() dto: CreateRectificationDto): Promise<Rectification> {
    return this.rectifications.create(user, id, dto);
  }

  @Get(`${R}/:id`)
  @Versioned()
  @ApiResponse({ status: 200, description: '整改通知，带 ETag' })
  @ApiResponse({ status: 404, description: '不存在或无权查看' })
  get(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<Rectification> {
    return this.rectifications.get(user, id);
  }

  @Patch(`${R}/:id`)
  @VersionedWrite({
    description: '保存整改情况后的整改通知',
    refusals: { 403: '只有填报人可以填写整改情况', 409: '整改通知不在待整改或已退回状态' },
  })
  patch(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: PatchRectificationDto): Promise<Rectification> {
    return this.rectifications.patch(user, id, ifMatch, dto);
  }

  @Post(`${R}/:id/${ApiRoutes.rectification.transitions}`)
  @VersionedWrite({
    description: '流转后的整改通知',
    refusals: { 403: '角色不符：填报人提交，审核人验收通过或退回', 409: '当前状态不能做该操作', 422: '提交前须填写整改情况' },
  })
  transition(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: RectificationTransitionDto): Promise<Rectification> {
    return this.rectifications.transition(user, id, ifMatch, dto);
  }
}
