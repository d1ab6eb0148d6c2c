import { Injectable } from '@nestjs/common';
import { ApiHttpException, badRequest } from '@pt/api/core';
import { budgetLight, indicatorLight, monitoringCurrentProblem, monitoringRowProblems, projectLight, type DeviationReason, type Likelihood, type MonitoringLight } from '@pt/domain';
import type {
  ApiErrorDetail,
  Indicator,
  Monitoring,
  MonitoringItem,
  MonitoringOverviewQueryDto,
  MonitoringOverviewRow,
  PutMonitoringDto,
  UserSummary,
} from '@pt/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { OrgScopeService } from '@pt/api/targets/data-access';
import { has, loadGoals, ProjectsService, statusLabel, type ProjectRow } from '../projects.service';

interface StoredMonitoringItem {
  indicatorId: string;
  current: string | null;
  expected: string | null;
  likelihood: Likelihood | null;
  reasons: DeviationReason[];
  measures: string | null;
}

interface MonitoringDbRow {
  month: number;
  annual_budget: string | null;
  executed: string | null;
  expected_executed: string | null;
  items: StoredMonitoringItem[];
  updated_at: Date;
}

const text = (v: string | null | undefined) => (v === undefined || v === null || v.trim() === '' ? null : v.trim());

/** The lights of one report (domain §7): per row, the budget's, and the project's (the worst of them). */
export function monitoringLights(
  indicators: readonly Indicator[],
  stored: readonly StoredMonitoringItem[],
  month: number,
  budget: { annualBudget: string | null; executed: string | null },
): { items: MonitoringItem[]; budget: ReturnType<typeof budgetLight>; light: MonitoringLight } {
  const byId = new Map(stored.map((s) => [s.indicatorId, s]));
  const items = indicators.map((ind): MonitoringItem => {
    const s = byId.get(ind.id);
    const l = indicatorLight({ target: ind.target, current: s?.current ?? null, month, likelihood: s?.likelihood ?? null });
    return {
      indicatorId: ind.id,
      level1: ind.level1,
      level2: ind.level2,
      name: ind.name,
      target: ind.target,
      current: s?.current ?? null,
      expected: s?.expected ?? null,
      likelihood: s?.likelihood ?? null,
      reasons: s?.reasons ?? [],
      measures: s?.measures ?? null,
      light: l.light,
      progress: l.progress,
    };
  });
  const b = budgetLight({ annualBudget: budget.annualBudget, executed: budget.executed, month });
  return { items, budget: b, light: projectLight([...items.map((i) => i.light), b.light]) };
}

/** In-year monitoring (运行监控) of approved projects: one report per month, the lights computed by the domain. */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly scope: OrgScopeService,
  ) {}

  async get(user: UserSummary, id: string, month?: number): Promise<Monitoring> {
    const row = await this.projects.findVisible(user, id);
    return this.load(user, row, this.dataSource.manager, month);
  }

  async put(user: UserSummary, id: string, ifMatch: string | undefined, dto: PutMonitoringDto): Promise<Monitoring> {
    await this.projects.write(user, id, ifMatch, async (m, row) => {
      this.assertApproved(row);
      if (!has(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有项目所属单位的填报人可以填写运行监控');
      const indicators = await this.indicatorsOf(m, row);
      const known = new Map(indicators.map((i) => [i.id, i]));
      const seen = new Set<string>();
      const wrong: ApiErrorDetail[] = [];
      dto.items.forEach((it, k) => {
        const ind = known.get(it.indicatorId);
        if (!ind) wrong.push({ field: `items[${k}].indicatorId`, message: '该指标不在本项目已批复的绩效目标表中' });
        else if (seen.has(it.indicatorId)) wrong.push({ field: `items[${k}].indicatorId`, message: '同一指标只能出现一次' });
        seen.add(it.indicatorId);
        // a number for a quantitative row, a text for the others
        const current = ind ? monitoringCurrentProblem(ind.target, it.current) : null;
        if (current) wrong.push({ field: `items[${k}].current`, message: current });
      });
      if (wrong.length) throw badRequest(wrong);
      const stored: StoredMonitoringItem[] = dto.items.map((it) => ({
        indicatorId: it.indicatorId,
        current: text(it.current),
        expected: text(it.expected),
        likelihood: it.likelihood ?? null,
        reasons: [...new Set(it.reasons ?? [])],
        measures: text(it.measures),
      }));
      // a row that says how likely its target is must explain a doubt (domain §7)
      const rules: ApiErrorDetail[] = stored.flatMap((s, k) =>
        s.likelihood === null ? [] : monitoringRowProblems(s).map((p) => ({ field: `items[${k}].${p.field}`, code: p.code, message: p.message })),
      );
      if (rules.length) throw new ApiHttpException(422, 'MONITORING_RULES', `运行监控有 ${rules.length} 处须补充，未保存：${rules[0].message}`, rules);
      const budget = { annualBudget: text(dto.budget.annualBudget), executed: text(dto.budget.executed) };
      const lights = monitoringLights(indicators, stored, dto.month, budget);
      await m.query(
        `INSERT INTO project_monitoring (project_id, month, annual_budget, executed, expected_executed, items, light, budget_light, execution_rate, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)
         ON CONFLICT (project_id, month) DO UPDATE SET annual_budget = $3, executed = $4, expected_executed = $5, items = $6::jsonb,
           light = $7, budget_light = $8, execution_rate = $9, updated_by = $10, updated_at = now()`,
        [
          id,
          dto.month,
          budget.annualBudget,
          budget.executed,
          text(dto.budget.expectedExecuted),
          JSON.stringify(stored),
          lights.light,
          lights.budget.light,
          lights.budget.executionRate,
          user.id,
        ],
      );
    });
    return this.get(user, id, dto.month);
  }

  /** The department view: every visible approved project of the year with the lights of its latest report. */
  async overview(user: UserSummary, q: MonitoringOverviewQueryDto): Promise<MonitoringOverviewRow[]> {
    const orgIds = await this.scope.scopedOrgIds(user, q.orgId);
    const rows: {
      id: string;
      name: string;
      org_id: string;
      org_name: string;
      month: number | null;
      light: MonitoringLight | null;
      budget_light: MonitoringLight | null;
      execution_rate: string | null;
      items: StoredMonitoringItem[] | null;
      framework_code: string;
      year: number;
      annual_budget: string | null;
      executed: string | null;
    }[] = await this.dataSource.query(
      `SELECT p.id, p.name, p.org_id, o.name AS org_name, p.framework_code, p.year, pm.month, pm.light, pm.budget_light,
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

  private assertApproved(row: ProjectRow): void {
    if (row.status !== 'approved') {
      throw new ApiHttpException(409, 'NOT_APPROVED', `项目处于「${statusLabel(row.status)}」状态：只有已批复的项目可以填写运行监控`);
    }
  }

  private async indicatorsOf(m: EntityManager, row: ProjectRow): Promise<Indicator[]> {
    const goals = await loadGoals(m, [row.id]);
    return goals.find((g) => g.kind === 'annual' && g.year === row.year)?.indicators ?? [];
  }

  private async load(user: UserSummary, row: ProjectRow, m: EntityManager, month?: number): Promise<Monitoring> {
    this.assertApproved(row);
    const reports: MonitoringDbRow[] = await m.query(
      `SELECT month, annual_budget::text AS annual_budget, executed::text AS executed, expected_executed::text AS expected_executed, items, updated_at
         FROM project_monitoring WHERE project_id = $1 ORDER BY month`,
      [row.id],
    );
    const report = month === undefined ? reports[reports.length - 1] : reports.find((r) => r.month === month);
    const shownMonth = report?.month ?? month ?? null;
    const indicators = await this.indicatorsOf(m, row);
    const budget = report
      ? { annualBudget: report.annual_budget, executed: report.executed, expectedExecuted: report.expected_executed }
      : { annualBudget: row.fund_annual_total ?? null, executed: null, expectedExecuted: null };
    const lights = monitoringLights(indicators, report?.items ?? [], shownMonth ?? 7, budget);
    return {
      projectId: row.id,
      version: row.version,
      month: shownMonth,
      months: reports.map((r) => r.month),
      budget,
      budgetLight: lights.budget,
      items: lights.items,
      light: report ? lights.light : 'none',
      updatedAt: report ? new Date(report.updated_at).toISOString() : null,
      permissions: { edit: has(user, 'filler') },
    };
  }
}
