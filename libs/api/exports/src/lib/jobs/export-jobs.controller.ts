import { Body, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { Audited } from '@pt/api/core';
import { ApiRoutes, BatchExportQueryDto, type ExportJob, type UserSummary } from '@pt/shared/contracts';
import type { Response } from 'express';
import { sendFile } from '../send-file';
import { ExportJobsService } from './export-jobs.service';

/** Background batch exports: queue, progress, cancel, download (the contract's GET /api/exports stays for small ones). */
@SecuredController(ApiRoutes.exportJobs, { tag: 'exports' })
export class ExportJobsController {
  constructor(private readonly jobs: ExportJobsService) {}

  @Post()
  @HttpCode(202)
  @ApiResponse({ status: 202, description: '导出任务已排队；用 GET /api/export-jobs/:id 查看进度' })
  @ApiResponse({ status: 429, description: '排队和进行中的任务已达上限' })
  create(@CurrentUser() user: UserSummary, @Body() dto: BatchExportQueryDto): Promise<ExportJob> {
    return this.jobs.enqueue(user, dto);
  }

  @Get()
  @ApiResponse({ status: 200, description: '当前用户的导出任务（最近 50 个），最新的在前' })
  list(@CurrentUser() user: UserSummary): Promise<ExportJob[]> {
    return this.jobs.list(user);
  }

  @Get(':id')
  get(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<ExportJob> {
    return this.jobs.get(user, id);
  }

  @Get(':id/file')
  @Audited()
  @ApiResponse({ status: 200, description: '已完成任务的文件' })
  async file(@CurrentUser() user: UserSummary, @Param('id') id: string, @Res() res: Response): Promise<void> {
    await sendFile(res, await this.jobs.file(user, id));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiResponse({ status: 204, description: '排队或进行中的任务被取消；已结束的任务连同文件被删除' })
  async cancel(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<void> {
    await this.jobs.cancel(user, id);
  }
}
