import { Body, Get, Param, Post } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import {
  CreateFrameworkVersionDto,
  CreateScoringSettingsVersionDto,
  FrameworkAdminRoutes,
  type FrameworksAdminResponse,
  type FrameworkVersion,
  type ScoringSettingsVersion,
  type UserSummary,
} from '@pt/shared/contracts';
import { FrameworkStore } from '@pt/api/frameworks';

/** 指标体系与评分规则 (系统管理员 only; 三员分立: the security and audit administrators may not). */
@SecuredController(FrameworkAdminRoutes.base, { tag: 'admin', roles: ['sysadmin'], forbidden: '只有系统管理员可以执行此操作' })
export class FrameworksAdminController {
  constructor(private readonly store: FrameworkStore) {}

  @Get()
  @ApiResponse({ status: 200, description: '各指标体系与评分规则的全部版本（新版本在前）' })
  list(): Promise<FrameworksAdminResponse> {
    return this.store.all();
  }

  // declared before ':code' so that "settings" is never taken for a framework code
  @Post('settings')
  @ApiResponse({ status: 201, description: '评分规则的新版本；此后新建的项目采用它，已有项目仍按原版本评分' })
  @ApiResponse({ status: 400, description: '字段有误（如等级下限未由高到低、分值合计不为 100），details 指明字段' })
  @ApiResponse({ status: 409, description: 'baseVersion 不是当前版本（他人已保存了新版本）' })
  createSettings(@CurrentUser() user: UserSummary, @Body() dto: CreateScoringSettingsVersionDto): Promise<ScoringSettingsVersion> {
    return this.store.createSettings(user, dto);
  }

  @Post(':code')
  @ApiResponse({ status: 201, description: '指标体系的新版本；此后新建的项目采用它，已有项目仍按原版本检查与评分' })
  @ApiResponse({ status: 400, description: '字段有误（如已设权重合计不为 90、名称重复），details 指明字段' })
  @ApiResponse({ status: 404, description: '指标体系不存在' })
  @ApiResponse({ status: 409, description: 'baseVersion 不是当前版本（他人已保存了新版本）' })
  createFramework(@CurrentUser() user: UserSummary, @Param('code') code: string, @Body() dto: CreateFrameworkVersionDto): Promise<FrameworkVersion> {
    return this.store.createFramework(user, code, dto);
  }
}
