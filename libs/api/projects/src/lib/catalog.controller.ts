import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '@pt/api/auth';
import { FRAMEWORKS } from '@pt/domain';
import { ApiRoutes, type FrameworkResponse, type OrgNode, type UserSummary } from '@pt/shared/contracts';
import { OrgScopeService } from './org-scope.service';

/** Reference data every screen needs: the indicator frameworks and the organisations the user sees. */
@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class CatalogController {
  constructor(private readonly scope: OrgScopeService) {}

  @Get(ApiRoutes.frameworks)
  frameworks(): FrameworkResponse[] {
    return FRAMEWORKS.map((f) => ({
      code: f.code,
      name: f.name,
      groups: f.groups.map((g) => ({ name: g.name, weight: g.weight, children: [...g.children] })),
    }));
  }

  @Get(ApiRoutes.orgs)
  orgs(@CurrentUser() user: UserSummary): Promise<OrgNode[]> {
    return this.scope.visibleOrgs(user);
  }
}
