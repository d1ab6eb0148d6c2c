import { Body, Get, Param, Put, Query } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController, type VersionedWriteRef, WriteRef } from '@pt/api/auth';
import { Versioned, VersionedWrite } from '@pt/api/core';
import {
  ApiRoutes,
  type Monitoring,
  type MonitoringOverviewRow,
  MonitoringOverviewQueryDto,
  MonitoringQueryDto,
  PutMonitoringDto,
  type UserSummary,
} from '@pt/shared/contracts';
import { MonitoringService } from './monitoring.service';

@SecuredController('/', { tag: 'monitoring' })
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get(ApiRoutes.monitoring)
  @ApiResponse({ status: 200, description: '可见的已批复项目及其最近一次监控的灯（红灯在前）' })
  overview(@CurrentUser() user: UserSummary, @Query() q: MonitoringOverviewQueryDto): Promise<MonitoringOverviewRow[]> {
    return this.monitoring.overview(user, q);
  }

  // on both paths: /api/targets/:id for every kind, /api/projects/:id narrowed to projects (the store's kind scope)
  @Get([`${ApiRoutes.projects}/:id/monitoring`, `${ApiRoutes.targets}/:id/monitoring`])
  @Versioned()
  @ApiResponse({ status: 200, description: '某月（缺省为最近一次）的运行监控及灯，带项目的 ETag' })
  get(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Query() q: MonitoringQueryDto,
  ): Promise<Monitoring> {
    return this.monitoring.get(user, id, q.month);
  }

  @Put([`${ApiRoutes.projects}/:id/monitoring`, `${ApiRoutes.targets}/:id/monitoring`])
  @VersionedWrite({ description: '保存后的运行监控及灯', refusals: { 422: '完成目标可能性不是“确定能”时缺少偏差原因或纠偏措施，未保存' } })
  put(@WriteRef() { user, id, ifMatch }: VersionedWriteRef, @Body() dto: PutMonitoringDto): Promise<Monitoring> {
    return this.monitoring.put(user, id, ifMatch, dto);
  }
}
