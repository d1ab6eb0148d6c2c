import { Get } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { ApiRoutes, type UserSummary, type Workbench, type WorkbenchCounts } from '@pt/shared/contracts';
import { WorkbenchService } from './workbench.service';

/** 工作台: what is due for the asking user, and the menu's counts. */
@SecuredController(ApiRoutes.workbench.base, { tag: 'workbench', roles: ['filler', 'dept_reviewer', 'finance_reviewer'], forbidden: '只有业务用户有工作台' })
export class WorkbenchController {
  constructor(private readonly workbench: WorkbenchService) {}

  @Get()
  @ApiResponse({ status: 200, description: '任务（截止日期、状态、是否逾期）、待办、已办与菜单计数' })
  get(@CurrentUser() user: UserSummary): Promise<Workbench> {
    return this.workbench.workbench(user);
  }

  @Get(ApiRoutes.workbench.counts)
  @ApiResponse({ status: 200, description: '菜单计数：待办、待审核、被退回、逾期任务' })
  counts(@CurrentUser() user: UserSummary): Promise<WorkbenchCounts> {
    return this.workbench.counts(user);
  }
}
