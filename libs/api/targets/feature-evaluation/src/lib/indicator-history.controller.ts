import { Get, Param } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { indicatorHistory, TargetStore } from '@pt/api/targets/data-access';
import { ApiRoutes, type IndicatorHistoryResponse, type UserSummary } from '@pt/shared/contracts';

const P = ApiRoutes.project;

/**
 * Last year's target and self-evaluation actual of each row (domain §11), for the editor and the review screen: apart
 * from the target's detail read, which stays one document read (it is the benchmarked path).
 */
@SecuredController('/', { tag: 'evaluation' })
export class IndicatorHistoryController {
  constructor(private readonly targets: TargetStore) {}

  @Get([`${ApiRoutes.targets}/:id/${P.indicatorHistory}`, `${ApiRoutes.projects}/:id/${P.indicatorHistory}`])
  @ApiResponse({ status: 200, description: '{ year, rows: [{ indicatorId, history: { year, target, actual } | null }] }：同一单位上年同名同类目标中同一指标（一级、二级、三级名称相同）的指标值与自评实际完成值' })
  @ApiResponse({ status: 404, description: '不存在或无权查看' })
  async get(@CurrentUser() user: UserSummary, @Param('id') id: string): Promise<IndicatorHistoryResponse> {
    const row = await this.targets.findVisible(user, id);
    return indicatorHistory(this.targets.dataSource.manager, row);
  }
}
