import { Injectable } from '@nestjs/common';
import { ApiHttpException } from '@pt/api/core';
import { OrgScopeService, PROJECT_KIND } from '@pt/api/targets/data-access';
import type { TargetSettingQueryDto, TargetSettingReport, UserSummary } from '@pt/shared/contracts';
import { DataSource } from 'typeorm';
import { buildTargetSettingReport, COUNTED_STATUSES, type ReportOrg, type ReportTargetGroup } from './target-setting-report';

/**
 * GET /api/reports/target-setting: 绩效目标设置情况 of the organisations the user sees (a unit its own, a department
 * reviewer the units of the department, the finance bureau all or `orgId`'s subtree), counted in one grouped query.
 */
@Injectable()
export class TargetSettingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
  ) {}

  async report(user: UserSummary, q: TargetSettingQueryDto): Promise<TargetSettingReport> {
    if (!this.scope.seesProjects(user)) throw new ApiHttpException(403, 'FORBIDDEN', '该账号不查看绩效目标数据（三员分立）');
    const scope = await this.scope.scopedOrgIds(user, q.orgId);
    // the organisation table is small (units of one district): all of it, for the 主管部门 above a visible unit
    const all: ReportOrg[] = (
      await this.dataSource.query(`SELECT id, code, name, kind, parent_id FROM org ORDER BY code`)
    ).map((r: { id: string; code: string; name: string; kind: ReportOrg['kind']; parent_id: string | null }) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id }));
    // the year's money of every kind is the one column (a project's 年度资金申请总额, a policy's 年度资金规模, a department's 资金总额)
    const annual = PROJECT_KIND.fundColumns.annualTotal;
    const targets: ReportTargetGroup[] = (
      await this.dataSource.query(
        `SELECT org_id, kind, count(*)::int AS n, COALESCE(sum(${annual}), 0)::text AS funds
           FROM ${PROJECT_KIND.table}
          WHERE year = $1 AND org_id = ANY($2::uuid[]) AND status = ANY($3::text[])
          GROUP BY org_id, kind`,
        [q.year, scope, [...COUNTED_STATUSES]],
      )
    ).map((r: { org_id: string; kind: ReportTargetGroup['kind']; n: number; funds: string }) => ({ orgId: r.org_id, kind: r.kind, count: Number(r.n), funds: r.funds }));
    const rootId = q.orgId ?? user.orgId;
    const root = all.find((o) => o.id === rootId);
    if (!root) throw new ApiHttpException(404, 'NOT_FOUND', '单位不存在或无权查看');
    return buildTargetSettingReport({ year: q.year, orgId: q.orgId ?? null, root, all, scope, targets });
  }
}
