import { Body, Get, HttpCode, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiResponse } from '@nestjs/swagger';
import { CurrentUser, RequireRole, RequireRoleGuard, SecuredController } from '@pt/api/auth';
import { Audited, UploadBody } from '@pt/api/core';
import {
  ApiRoutes,
  BatchExportQueryDto,
  ExportQueryDto,
  ImportQueryDto,
  type ImportResult,
  ImportTextDto,
  ImportXlsxQueryDto,
  type UserSummary,
} from '@pt/shared/contracts';
import type { Request, Response } from 'express';
import { ExportsService } from './exports.service';
import { ImportsService } from './imports.service';
import { assertXlsxWithinLimits } from './xlsx/zip-limits';
import { ExportGate } from './jobs/export-gate';
import { sendFile } from './send-file';

@SecuredController('/', { tag: 'exports' })
export class ExportsController {
  constructor(
    private readonly exportsService: ExportsService,
    private readonly imports: ImportsService,
    private readonly gate: ExportGate,
  ) {}

  // every kind of target under /api/targets; /api/projects keeps its path
  @Get([`${ApiRoutes.projects}/:id/export`, `${ApiRoutes.targets}/:id/export`])
  @Audited()
  @ApiResponse({ status: 200, description: '申报表 / 自评表 / 监控表（.xlsx、PDF 或 Word .docx；部门整体、政策目标为其本类表式），Content-Disposition 以 UTF-8 命名' })
  async project(@CurrentUser() user: UserSummary, @Param('id') id: string, @Query() q: ExportQueryDto, @Res() res: Response): Promise<void> {
    await sendFile(res, await this.exportsService.projectFile(user, id, q.form, q.format));
  }

  @Get(ApiRoutes.exports)
  @Audited()
  @ApiResponse({ status: 200, description: '当前用户可见的、符合条件的全部项目，一个文件（流式输出）' })
  @ApiResponse({ status: 429, description: '直接导出已达并发上限（每人 1 个、每实例 2 个）：稍后重试或用 POST /api/export-jobs 排队' })
  async batch(@CurrentUser() user: UserSummary, @Query() q: BatchExportQueryDto, @Res() res: Response): Promise<void> {
    let release: () => void;
    try {
      release = this.gate.enter(user.id);
    } catch (e) {
      res.setHeader('Retry-After', String(this.gate.retryAfterSeconds));
      throw e;
    }
    try {
      await sendFile(res, await this.exportsService.batch(user, q));
    } finally {
      release();
    }
  }

  @Post(`${ApiRoutes.imports}/text`)
  @HttpCode(200)
  @ApiResponse({ status: 200, description: '解析出的项目和问题（dryRun=true 时只预览，不创建）' })
  @ApiResponse({ status: 409, description: '本单位该年度已有同名项目而未给出 choices（replace / keepBoth / skip），或要替换的项目已不可编辑：未创建任何项目' })
  importText(@CurrentUser() user: UserSummary, @Query() q: ImportQueryDto, @Body() dto: ImportTextDto): Promise<ImportResult> {
    return this.imports.fromText(user, dto, q.dryRun === 'true');
  }

  @Post(`${ApiRoutes.imports}/xlsx`)
  @HttpCode(200)
  @ApiConsumes('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiBody({ description: '本系统导出的申报表 .xlsx（文件内容作为请求体，上限 10 MB）' })
  @UseGuards(RequireRoleGuard)
  @RequireRole('filler')
  @UploadBody()
  importXlsx(@CurrentUser() user: UserSummary, @Query() q: ImportXlsxQueryDto, @Req() req: Request): Promise<ImportResult> {
    assertXlsxWithinLimits(req.body);
    return this.imports.fromXlsx(user, req.body, q.orgId, q.year, q.dryRun === 'true', q.choices, q.kind);
  }
}
