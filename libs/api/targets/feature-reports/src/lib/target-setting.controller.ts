import { Get, Query, Res } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { Audited } from '@pt/api/core';
import { ApiRoutes, TargetSettingExportQueryDto, TargetSettingQueryDto, type TargetSettingReport, type UserSummary } from '@pt/shared/contracts';
import type { Response } from 'express';
import { TargetSettingService } from './target-setting.service';
import { writeTargetSettingXlsx } from './target-setting-xlsx';

/** The title the export prints and names its file by. */
export const TARGET_SETTING_TITLE = '绩效目标设置情况';

@SecuredController(ApiRoutes.reports.base, { tag: 'reports' })
export class TargetSettingController {
  constructor(private readonly reports: TargetSettingService) {}

  @Get(ApiRoutes.reports.targetSetting)
  @ApiResponse({ status: 200, description: '某年度可见单位的绩效目标设置情况：各类目标个数和资金、未编报部门整体目标的单位、预算文本段落' })
  get(@CurrentUser() user: UserSummary, @Query() q: TargetSettingQueryDto): Promise<TargetSettingReport> {
    return this.reports.report(user, q);
  }

  @Get(ApiRoutes.reports.targetSettingExport)
  @Audited()
  @ApiResponse({ status: 200, description: '绩效目标设置情况（.xlsx），Content-Disposition 以 UTF-8 命名' })
  async export(@CurrentUser() user: UserSummary, @Query() q: TargetSettingExportQueryDto, @Res() res: Response): Promise<void> {
    const report = await this.reports.report(user, q);
    const title = `${q.year}年${TARGET_SETTING_TITLE}`;
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="target-setting.xlsx"; filename*=UTF-8''${encodeURIComponent(`${title}.xlsx`)}`);
    await writeTargetSettingXlsx(report, title, res);
  }
}
