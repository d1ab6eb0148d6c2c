import { Get, Query } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { ApiRoutes, type Dashboard, DashboardQueryDto, type UserSummary } from '@pt/shared/contracts';
import { DashboardService } from './dashboard.service';

@SecuredController(ApiRoutes.dashboard, { tag: 'dashboard' })
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiResponse({ status: 200, description: '某年度、某组织下的项目状态、自评等级、得分分布、红灯项目和单位排名' })
  get(@CurrentUser() user: UserSummary, @Query() q: DashboardQueryDto): Promise<Dashboard> {
    return this.dashboard.get(user, q);
  }
}
