import { Body, Delete, Get, Param, ParseIntPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController, type VersionedWriteRef, WriteRef } from '@pt/api/auth';
import { ApiHttpException, Versioned, VersionedWrite } from '@pt/api/core';
import {
  AdjustProjectDto,
  CreateGoalDto,
  DiffQueryDto,
  type ProjectDiff,
  type ProjectRevision,
  type Suggestions,
  ApiRoutes,
  type FindingsResponse,
  type HistoryEntry,
  type Project,
  PutIndicatorsDto,
  type Target,
  UpdateTargetDto,
  type UserSummary,
} from '@pt/shared/contracts';
import { DeclarationService } from './declaration.service';
import { SuggestionsService } from './suggestions.service';

/**
 * One target of any kind and its sub-routes, on both paths: `/api/targets/:id` for every kind and `/api/projects/:id`
 * (narrowed to projects by the kind scope: a department or policy target there is a 404).
 */
@SecuredController([ApiRoutes.projects, ApiRoutes.targets], { tag: ['projects', 'targets'] })
export class DeclarationController {
  constructor(
    private readonly projects: DeclarationService,
    private readonly suggestionsService: SuggestionsService,
  ) {}

  @Get(':id')
  @Versioned()
  @ApiResponse({ status: 200, description: '项目（含指标、目标、审核意见、当前用户可做的操作），带 ETag' })
  @ApiResponse({ status: 404, description: '不存在或无权查看' })
  get(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<Target> {
    return this.projects.get(user, id);
  }

  @Patch(':id')
  @VersionedWrite()
  update(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: UpdateTargetDto): Promise<Target> {
    return this.projects.update(user, id, ifMatch, dto);
  }

  @Delete(':id')
  @VersionedWrite({ status: 204 })
  async remove(@WriteRef() { user, id, ifMatch }: VersionedWriteRef): Promise<void> {
    await this.projects.remove(user, id, ifMatch);
  }

  @Put(':id/indicators')
  @VersionedWrite({ description: '项目及解析后的指标（按提交顺序）' })
  putIndicators(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: PutIndicatorsDto): Promise<Project> {
    return this.projects.putIndicators(user, id, ifMatch, dto.indicators);
  }

  @Put(':id/goals/:goalId/indicators')
  @VersionedWrite({ description: '替换某一目标（总目标或某年度目标）的指标表' })
  putGoalIndicators(
    @WriteRef() { user, id, ifMatch }: VersionedWriteRef,
    @Param('goalId') goalId: string,
    @Body() dto: PutIndicatorsDto,
  ): Promise<Project> {
    return this.projects.putIndicators(user, id, ifMatch, dto.indicators, goalId);
  }

  @Post(':id/goals')
  @VersionedWrite({ status: 201, description: '多年项目新增另一年度的年度目标（空指标表）' })
  addGoal(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: CreateGoalDto): Promise<Project> {
    return this.projects.addGoal(user, id, ifMatch, dto.year, dto.text);
  }

  @Get(':id/findings')
  async findings(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<FindingsResponse> {
    return { findings: await this.projects.findings(user, id) };
  }

  @Get(':id/history')
  history(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<HistoryEntry[]> {
    return this.projects.history(user, id);
  }

  @Post(':id/adjustments')
  @VersionedWrite({ description: '已批复项目开始调整：新版本（草稿），原批复版本留档' })
  adjust(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: AdjustProjectDto): Promise<Project> {
    return this.projects.adjust(user, id, ifMatch, dto.reason);
  }

  @Get(':id/revisions')
  revisions(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<ProjectRevision[]> {
    return this.projects.revisions(user, id);
  }

  @Get(':id/revisions/:rev')
  revision(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Param('rev', new ParseIntPipe({ exceptionFactory: () => new ApiHttpException(400, 'VALIDATION_FAILED', '版本号须为整数', [{ field: 'rev', message: '版本号须为整数' }]) })) rev: number,
  ): Promise<Project> {
    return this.projects.revision(user, id, rev);
  }

  @Get(':id/diff')
  @ApiResponse({ status: 200, description: '两个版本之间的差异：表头字段、年度与总目标指标行' })
  diff(@CurrentUser() user: UserSummary, @Param('id') id: string, @Query() q: DiffQueryDto): Promise<ProjectDiff> {
    return this.projects.diff(user, id, q.from, q.to);
  }

  @Get(':id/suggestions')
  @ApiResponse({ status: 200, description: '指标库中尚未覆盖的二级下的常用指标、名称相近的项目、可复制的上年同名项目' })
  suggestions(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<Suggestions> {
    return this.suggestionsService.suggestions(user, id);
  }

  @Post(':id/copy-last-year')
  @VersionedWrite({ description: '本单位上年同名项目的年度指标表已复制到本项目的年度指标表', refusals: { 422: '没有上年同名项目' } })
  copyLastYear(@WriteRef() { user, id, ifMatch }: VersionedWriteRef): Promise<Project> {
    return this.projects.copyLastYear(user, id, ifMatch);
  }
}
