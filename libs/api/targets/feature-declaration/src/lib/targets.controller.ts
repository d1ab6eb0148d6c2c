import { Body, Get, Post, Query } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { Versioned } from '@pt/api/core';
import {
  ApiRoutes,
  CreateProjectDto,
  CreateTargetDto,
  ListProjectsQueryDto,
  ListTargetsQueryDto,
  type ProjectPage,
  type Target,
  type TargetPage,
  type UserSummary,
} from '@pt/shared/contracts';
import { DeclarationService } from './declaration.service';

// The list, the years and create of each path; registered before DeclarationController, whose `:id` would take
// `years` for an id.

const PAGE_ANSWER = '{ items, total, page, pageSize, totalCapped? }';
// the list's count cap (issue 18: an exact count of a common name-search term reads every match of the year)
const COUNT_CAP =
  '；带 countUpTo（1–10000，名称搜索的“N 条以上”）时最多数到 countUpTo + 1 条：匹配多于 countUpTo 条则 total 为 countUpTo 并带 totalCapped: true（total 是下限，每一页照常返回），否则不带 totalCapped；不带 countUpTo 时 total 为精确总数';

@SecuredController(ApiRoutes.projects, { tag: 'projects' })
export class ProjectsController {
  constructor(private readonly targets: DeclarationService) {}

  @Get()
  @ApiResponse({ status: 200, description: `${PAGE_ANSWER}；只含当前用户可见的项目${COUNT_CAP}` })
  list(@CurrentUser() user: UserSummary, @Query() q: ListProjectsQueryDto): Promise<ProjectPage> {
    return this.targets.list(user, q);
  }

  @Get(ApiRoutes.project.years)
  @ApiResponse({ status: 200, description: '{ years }：当前用户可见的项目所在的预算年度，新的在前（各页面据此默认打开有数据的最近年度）' })
  years(@CurrentUser() user: UserSummary): Promise<{ years: number[] }> {
    return this.targets.years(user);
  }

  @Post()
  @Versioned()
  @ApiResponse({ status: 201, description: '新建的项目（草稿，版本 1），带 ETag' })
  @ApiResponse({ status: 403, description: '只有填报人可以新建项目' })
  create(@CurrentUser() user: UserSummary, @Body() dto: CreateProjectDto): Promise<Target> {
    return this.targets.create(user, { ...dto, kind: 'project' });
  }
}

@SecuredController(ApiRoutes.targets, { tag: 'targets' })
export class TargetsController {
  constructor(private readonly targets: DeclarationService) {}

  @Get()
  @ApiResponse({ status: 200, description: `${PAGE_ANSWER}：当前用户可见的各类绩效目标（项目、部门整体、政策），可按 kind 筛选${COUNT_CAP}` })
  list(@CurrentUser() user: UserSummary, @Query() q: ListTargetsQueryDto): Promise<TargetPage> {
    return this.targets.list(user, q);
  }

  @Get(ApiRoutes.project.years)
  @ApiResponse({ status: 200, description: '{ years }：当前用户可见的各类绩效目标所在的预算年度，新的在前' })
  years(@CurrentUser() user: UserSummary): Promise<{ years: number[] }> {
    return this.targets.years(user);
  }

  @Post()
  @Versioned()
  @ApiResponse({ status: 201, description: '新建的绩效目标（草稿，版本 1），带 ETag；部门整体目标未填名称时取单位名称' })
  @ApiResponse({ status: 409, description: '该单位该年度已有部门整体绩效目标' })
  create(@CurrentUser() user: UserSummary, @Body() dto: CreateTargetDto): Promise<Target> {
    return this.targets.create(user, dto);
  }
}
