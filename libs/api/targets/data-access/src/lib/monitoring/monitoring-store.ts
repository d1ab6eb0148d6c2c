import { Injectable } from '@nestjs/common';
import type { PickRow } from '@pt/api/core';
import { budgetLight, hasRole, indicatorLight, projectLight, type DeviationReason, type Likelihood, type MonitoringLight } from '@pt/domain';
import type { Indicator, Monitoring, MonitoringItem, UserSummary } from '@pt/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProjectMonitoringEntity } from '../entities/project-monitoring.entity';
import type { ProjectRow } from '../store/project-row';
import { TargetStore } from '../store/target-store';
import { requireApproved } from '../store/require-approved';
import { annualIndicators } from '../store/target-sql';

/** One row of a monitoring report as stored (the jsonb `items` of project_monitoring), keyed by indicator. */
export interface StoredMonitoringItem {
  indicatorId: string;
  current: string | null;
  expected: string | null;
  likelihood: Likelihood | null;
  reasons: DeviationReason[];
  measures: string | null;
}

/** A report's budget as stored: yuan strings. */
export interface MonitoringBudget {
  annualBudget: string | null;
  executed: string | null;
  expectedExecuted: string | null;
}

type MonitoringDbRow = PickRow<ProjectMonitoringEntity, 'month' | 'annual_budget' | 'executed' | 'expected_executed' | 'items' | 'updated_at'>;

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

/**
 * The monitoring reports (运行监控) of approved targets, one per month: read as the API's document (the monitoring
 * screen and the 监控表 export) and written under the target's lock.
 */
@Injectable()
export class MonitoringStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetStore,
  ) {}

  /** The report of `month` (the latest when not given) of a visible target, with its lights. */
  async get(user: UserSummary, id: string, month?: number): Promise<Monitoring> {
    const row = await this.targets.findVisible(user, id);
    return this.load(user, row, this.dataSource.manager, month);
  }

  /** The rows a report covers: those of the target's annual goal of its own year. */
  indicatorsOf(m: EntityManager, row: ProjectRow): Promise<Indicator[]> {
    return annualIndicators(m, row);
  }

  /** Insert or replace the report of a month, with the lights it was saved with (for the overview and the dashboard). */
  async save(
    m: EntityManager,
    targetId: string,
    month: number,
    budget: MonitoringBudget,
    items: readonly StoredMonitoringItem[],
    lights: Pick<ReturnType<typeof monitoringLights>, 'budget' | 'light'>,
    userId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO project_monitoring (project_id, month, annual_budget, executed, expected_executed, items, light, budget_light, execution_rate, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)
       ON CONFLICT (project_id, month) DO UPDATE SET annual_budget = $3, executed = $4, expected_executed = $5, items = $6::jsonb,
         light = $7, budget_light = $8, execution_rate = $9, updated_by = $10, updated_at = now()`,
      [
        targetId,
        month,
        budget.annualBudget,
        budget.executed,
        budget.expectedExecuted,
        JSON.stringify(items),
        lights.light,
        lights.budget.light,
        lights.budget.executionRate,
        userId,
      ],
    );
  }

  private async load(user: UserSummary, row: ProjectRow, m: EntityManager, month?: number): Promise<Monitoring> {
    requireApproved(row, '填写运行监控');
    const reports: MonitoringDbRow[] = await m.query(
      `SELECT month, annual_budget::text AS annual_budget, executed::text AS executed, expected_executed::text AS expected_executed, items, updated_at
         FROM project_monitoring WHERE project_id = $1 ORDER BY month`,
      [row.id],
    );
    const report = month === undefined ? reports[reports.length - 1] : reports.find((r) => r.month === month);
    const shownMonth = report?.month ?? month ?? null;
    const indicators = await this.indicatorsOf(m, row);
    const budget: MonitoringBudget = report
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
      permissions: { edit: hasRole(user, 'filler') },
    };
  }
}
