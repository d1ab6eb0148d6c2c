import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { TaskStore } from '@pt/api/work/data-access';
import { ApiRoutes, CreateTaskDto, TasksQueryDto, type TaskProgressRow, type UserSummary, type WorkTask } from '@pt/shared/contracts';
import type { Response } from 'express';
import { writeProgressSheet, XLSX_CONTENT_TYPE } from './progress-sheet';

/** Tasks of the year: set by the finance bureau or a department, seen by the units they cover. */
@SecuredController(ApiRoutes.tasks, { tag: 'tasks', roles: ['filler', 'dept_reviewer', 'finance_reviewer'], forbidden: '只有业务用户可以查看任务' })
export class TasksController {
  constructor(private readonly tasks: TaskStore) {}

  @Post()
  @ApiResponse({ status: 201, description: '新任务（覆盖的单位：给定的，或下达人管辖的全部单位）' })
  @ApiResponse({ status: 403, description: '只有财政或主管部门审核人可以下达任务' })
  create(@CurrentUser() user: UserSummary, @Body() dto: CreateTaskDto): Promise<WorkTask> {
    return this.tasks.create(user, dto);
  }

  @Get()
  @ApiResponse({ status: 200, description: '覆盖用户可见单位的任务（按截止日期）' })
  list(@CurrentUser() user: UserSummary, @Query() q: TasksQueryDto): Promise<WorkTask[]> {
    return this.tasks.list(user, q.year);
  }

  @Get(':id')
  get(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<WorkTask> {
    return this.tasks.get(user, id);
  }

  @Get(`:id/${ApiRoutes.task.progress}`)
  @ApiResponse({ status: 200, description: '各单位的进度：未开始 / 填报中 / 已提交 / 已退回 / 已完成，是否逾期' })
  async progress(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<TaskProgressRow[]> {
    return (await this.tasks.progress(user, id)).rows;
  }

  @Get(`:id/${ApiRoutes.task.progressExport}`)
  @ApiResponse({ status: 200, description: '任务进度 .xlsx' })
  async exportProgress(@CurrentUser() user: UserSummary, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { task, rows } = await this.tasks.progress(user, id);
    const name = `${`${task.title} 进度`.replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
    res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="progress.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    await writeProgressSheet(res, task, rows);
    res.end();
  }
}
