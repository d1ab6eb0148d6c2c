import { Injectable } from '@nestjs/common';
import { ApiHttpException, badRequest, type PickRow } from '@pt/api/core';
import {
  loadGoals,
  monitoringLights,
  MonitoringStore,
  OrgScopeService,
  TargetStore,
  type ProjectEntity,
  type ProjectMonitoringEntity,
  requireApproved,
  type StoredMonitoringItem,
  targetLabel,
} from '@pt/api/targets/data-access';
import { hasRole, monitoringCurrentProblem, monitoringRowProblems, type MonitoringLight, textOrNull } from '@pt/domain';
import type { ApiErrorDetail, Monitoring, MonitoringOverviewQueryDto, MonitoringOverviewRow, PutMonitoringDto, UserSummary } from '@pt/shared/contracts';
import { DataSource } from 'typeorm';

/** A visible approved project of the year and its latest report (all null without one: a LEFT JOIN). */
type OverviewRow = PickRow<ProjectEntity, 'id' | 'kind' | 'name' | 'org_id' | 'framework_code' | 'year'> & { org_name: string } & {
  [K in keyof PickRow<ProjectMonitoringEntity, 'month' | 'light' | 'budget_light' | 'execution_rate' | 'items' | 'annual_budget' | 'executed'>]:
    | PickRow<ProjectMonitoringEntity, K>[K]
    | null;
};

/** In-year monitoring (运行监控) of approved projects: one report per month, the lights computed by the domain. */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetStore,
    private readonly reports: MonitoringStore,
    private readonly scope: OrgScopeService,
  ) {}

  get(user: UserSummary, id: string, month?: number): Promise<Monitoring> {
    return this.reports.get(user, id, month);
  }

  async put(user: UserSummary, id: string, ifMatch: string | undefined, dto: PutMonitoringDto): Promise<Monitoring> {
    await this.targets.write(user, id, ifMatch, async (m, row) => {
      requireApproved(row, '填写运行监控');
      if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', `只有${targetLabel(row.kind)}所属单位的填报人可以填写运行监控`);
      const indicators = await this.reports.indicatorsOf(m, row);
      const known = new Map(indicators.map((i) => [i.id, i]));
      const seen = new Set<string>();
      const wrong: ApiErrorDetail[] = [];
      dto.items.forEach((it, k) => {
        const ind = known.get(it.indicatorId);
        if (!ind) wrong.push({ field: `items[${k}].indicatorId`, message: `该指标不在本${targetLabel(row.kind)}已批复的绩效目标表中` });
        else if (seen.has(it.indicatorId)) wrong.push({ field: `items[${k}].indicatorId`, message: '同一指标只能出现一次' });
        seen.add(it.indicatorId);
        // a number for a quantitative row, a text for the others
        const current = ind ? monitoringCurrentProblem(ind.target, it.current) : null;
        if (current) wrong.push({ field: `items[${k}].current`, message: current });
      });
      if (wrong.length) throw badRequest(wrong);
      const stored: StoredMonitoringItem[] = dto.items.map((it) => ({
        indicatorId: it.indicatorId,
        current: textOrNull(it.current),
        expected: textOrNull(it.expected),
        likelihood: it.likelihood ?? null,
        reasons: [...new Set(it.reasons ?? [])],
        measures: textOrNull(it.measures),
      }));
      // a row that says how likely its target is must explain a doubt (domain §7)
      const rules: ApiErrorDetail[] = stored.flatMap((s, k) =>
        s.likelihood === null ? [] : monitoringRowProblems(s).map((p) => ({ field: `items[${k}].${p.field}`, code: p.code, message: p.message })),
      );
      if (rules.length) throw new ApiHttpException(422, 'MONITORING_RULES', `运行监控有 ${rules.length} 处须补充，未保存：${rules[0].message}`, rules);
      const budget = { annualBudget: textOrNull(dto.budget.annualBudget), executed: textOrNull(dto.budget.executed), expectedExecuted: textOrNull(dto.budget.expectedExecuted) };
      await this.reports.save(m, id, dto.month, budget, stored, monitoringLights(indicators, stored, dto.month, budget), user.id);
    });
    return this.get(user, id, dto.month);
  }

  /** The department view: every visible approved project of the year with the lights of its latest report. */
  async overview(user: UserSummary, q: MonitoringOverviewQueryDto): Promise<MonitoringOverviewRow[]> {
    const orgIds = await this.scope.scopedOrgIds(user, q.orgId);
    const rows: OverviewRow[] = await this.dataSource.query(
      `SELECT p.id, p.kind, p.name, p.org_id, o.name AS org_name, p.framework_code, p.year, pm.month, pm.light, pm.budget_light,
              pm.execution_rate::text AS execution_rate, pm.items, pm.annual_budget::text AS annual_budget, pm.executed::text AS executed
         FROM project p JOIN org o ON o.id = p.org_id
         LEFT JOIN LATERAL (SELECT * FROM project_monitoring x WHERE x.project_id = p.id ORDER BY x.month DESC LIMIT 1) pm ON true
        WHERE p.year = $1 AND p.status = 'approved' AND p.org_id = ANY($2::uuid[])`,
      [q.year, orgIds],
    );
    const goals = rows.length ? await loadGoals(this.dataSource.manager, rows.map((r) => r.id)) : [];
    const collator = new Intl.Collator('zh-CN');
    const severity: Record<MonitoringLight, number> = { red: 0, yellow: 1, none: 2, green: 3, blue: 4 };
    return rows
      .map((r): MonitoringOverviewRow => {
        const counts: Record<MonitoringLight, number> = { red: 0, yellow: 0, green: 0, blue: 0, none: 0 };
        if (r.month !== null) {
          const indicators = goals.find((g) => g.projectId === r.id && g.kind === 'annual' && g.year === r.year)?.indicators ?? [];
          for (const item of monitoringLights(indicators, r.items ?? [], r.month, { annualBudget: r.annual_budget, executed: r.executed }).items) counts[item.light]++;
        }
        return {
          projectId: r.id,
          kind: r.kind,
          name: r.name,
          orgId: r.org_id,
          orgName: r.org_name,
          month: r.month,
          light: r.light ?? 'none',
          budgetLight: r.budget_light ?? 'none',
          executionRate: r.execution_rate,
          counts,
        };
      })
      .sort((a, b) => severity[a.light] - severity[b.light] || collator.compare(a.orgName, b.orgName) || collator.compare(a.name, b.name));
  }
}
