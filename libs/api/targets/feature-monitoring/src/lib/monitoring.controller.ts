import { Body, Controller, Get, Headers, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '@pt/api/auth';
import { withEtag } from '@pt/api/core';
import {
  ApiRoutes,
  type Monitoring,
  type MonitoringOverviewRow,
  MonitoringOverviewQueryDto,
  MonitoringQueryDto,
  PutMonitoringDto,
  type UserSummary,
} from '@pt/shared/contracts';
import type { Response } from 'express';
import { MonitoringService } from './monitoring.service';

const IF_MATCH = { name: 'If-Match', description: '项目的 ETag（"版本号"），缺少时 428，不符时 412', required: true };

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller()
export class MonitoringController {
  constructor(private readonly monitoring: MonitoringService) {}

  @Get(ApiRoutes.monitoring)
  @ApiResponse({ status: 200, description: '可见的已批复项目及其最近一次监控的灯（红灯在前）' })
  overview(@CurrentUser() user: UserSummary, @Query() q: MonitoringOverviewQueryDto): Promise<MonitoringOverviewRow[]> {
    return this.monitoring.overview(user, q);
  }

  @Get(`${ApiRoutes.projects}/:id/monitoring`)
  @ApiResponse({ status: 200, description: '某月（缺省为最近一次）的运行监控及灯，带项目的 ETag' })
  async get(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Query() q: MonitoringQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Monitoring> {
    return withEtag(res, await this.monitoring.get(user, id, q.month));
  }

  @Put(`${ApiRoutes.projects}/:id/monitoring`)
  @ApiHeader(IF_MATCH)
  @ApiResponse({ status: 422, description: '完成目标可能性不是“确定能”时缺少偏差原因或纠偏措施，未保存' })
  async put(
    @CurrentUser() user: UserSummary,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: PutMonitoringDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Monitoring> {
    return withEtag(res, await this.monitoring.put(user, id, ifMatch, dto));
  }
}
