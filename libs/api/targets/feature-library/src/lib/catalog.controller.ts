import { Get } from '@nestjs/common';
import { CurrentUser, SecuredController } from '@pt/api/auth';
import { FrameworkStore } from '@pt/api/frameworks';
import { ApiRoutes, type FrameworkResponse, type OrgNode, type UserSummary } from '@pt/shared/contracts';
import { OrgScopeService } from '@pt/api/targets/data-access';

/** Reference data every screen needs: the indicator frameworks and the organisations the user sees. */
@SecuredController('/', { tag: 'catalog' })
export class CatalogController {
  constructor(
    private readonly scope: OrgScopeService,
    private readonly store: FrameworkStore,
  ) {}

  /** The latest versions: what a project created now is declared under (a project keeps its own, see its detail). */
  @Get(ApiRoutes.frameworks)
  async frameworks(): Promise<FrameworkResponse[]> {
    const { frameworks, settings } = await this.store.current();
    return frameworks.map((f) => ({
      code: f.code,
      name: f.name,
      version: f.version,
      region: f.region,
      settingsVersion: settings.version,
      groups: f.groups.map((g) => ({ name: g.name, weight: g.weight, role: g.role, children: [...g.children] })),
    }));
  }

  @Get(ApiRoutes.orgs)
  orgs(@CurrentUser() user: UserSummary): Promise<OrgNode[]> {
    return this.scope.visibleOrgs(user);
  }
}
