import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { hashPassword } from '@pt/api/auth';
import { advisoryXactLock, APP_CONFIG, type AppConfig } from '@pt/api/core';
import { annualIndicators, insertProject, monitoringLights, replaceIndicators, scoreStoredEvaluation, writeHistory } from '@pt/api/targets/data-access';
import { Dec, isPlaceholderRow } from '@pt/domain';
import type { ProjectStatus } from '@pt/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { DEMO_ORGS, DEMO_PASSWORD, DEMO_USERS } from './demo-orgs';
import { DEMO_PROJECTS, type DemoProject, statusAfter } from './demo-projects';
import { demoEvaluationItems, demoMonitoringItems } from './demo-results';
import { seedOtherKinds } from './demo-target-seed';

/** On an empty database (no organisation yet) create the demo data, unless DEMO=0. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const seeded = await this.seedIfEmpty();
    if (seeded) this.logger.log(`已创建演示数据：${DEMO_ORGS.length} 个组织，${DEMO_USERS.length} 个账号，${DEMO_PROJECTS.length} 个项目（密码 ${DEMO_PASSWORD}）`);
  }

  /** Returns true when it created the data. */
  async seedIfEmpty(): Promise<boolean> {
    const hash = await hashPassword(DEMO_PASSWORD);
    return this.dataSource.transaction(async (m) => {
      await advisoryXactLock(m, 'demoSeed');
      const [{ n }] = await m.query('SELECT count(*)::int AS n FROM org');
      if (n > 0) return false;
      const ids = new Map<string, string>();
      for (const o of DEMO_ORGS) {
        const [row] = await m.query('INSERT INTO org (code, name, kind, parent_id) VALUES ($1, $2, $3, $4) RETURNING id', [
          o.code,
          o.name,
          o.kind,
          o.parent ? ids.get(o.parent) : null,
        ]);
        ids.set(o.code, row.id);
      }
      const users = new Map<string, { id: string; displayName: string }>();
      for (const u of DEMO_USERS) {
        const [row] = await m.query(
          // the published demo password counts as changed: the demo is not stopped at 修改密码
          'INSERT INTO app_user (username, display_name, password_hash, roles, org_id, must_change_password) VALUES ($1, $2, $3, $4, $5, false) RETURNING id',
          [u.username, u.displayName, hash, u.roles, ids.get(u.org)],
        );
        users.set(u.username, { id: row.id, displayName: u.displayName });
      }
      for (const d of DEMO_PROJECTS) {
        const t = d.table;
        const filler = users.get(d.filler);
        if (!filler) throw new Error(`demo user ${d.filler} missing`);
        const status = statusAfter(d.steps);
        const id = await insertProject(m, {
          year: d.year ?? t.year,
          name: t.name,
          orgId: ids.get(d.org) as string,
          frameworkCode: t.frameworkCode,
          nature: t.nature,
          category: t.category,
          startDate: t.startDate,
          endDate: t.endDate,
          governmentPurchase: t.governmentPurchase,
          performanceType: t.performanceType,
          funds: t.funds ?? undefined,
          lastYearBudget: t.lastYear?.budget ?? null,
          lastYearExecuted: t.lastYear?.executed ?? null,
          overview: t.description.overview ?? null,
          basis: t.description.basis ?? null,
          necessity: t.description.necessity ?? null,
          measures: t.description.measures ?? null,
          plan: t.description.plan ?? null,
          totalGoal: t.overallGoal,
          annualGoal: t.annualGoal,
          status,
          createdBy: filler.id,
        });
        const [goal] = await m.query(`SELECT id FROM project_goal WHERE project_id = $1 AND kind = 'annual'`, [id]);
        await replaceIndicators(m, goal.id, t.rows.filter((r) => !isPlaceholderRow(r)).map((r) => ({ ...r, weight: r.weight ?? null })));
        await writeHistory(m, id, filler, 'create', null, 'draft', null);
        let from: ProjectStatus = 'draft';
        for (const st of d.steps) {
          const to = statusAfter([...d.steps.slice(0, d.steps.indexOf(st) + 1)]);
          const who = users.get(st.user);
          if (!who) throw new Error(`demo user ${st.user} missing`);
          const hid = await writeHistory(m, id, who, st.action, from, to, st.comment ?? null);
          if (st.rowComment) {
            const [row] = await m.query(`SELECT id, name FROM indicator WHERE goal_id = $1 AND name = $2`, [goal.id, st.rowComment.name]);
            await m.query(
              `INSERT INTO review_comment (project_id, history_id, indicator_id, indicator_name, comment, user_id, user_name, action)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
              [id, hid, row?.id ?? null, st.rowComment.name, st.rowComment.comment, who.id, who.displayName, st.action],
            );
          }
          from = to;
        }
        if (d.steps.length) await m.query(`UPDATE project SET version = $2 WHERE id = $1`, [id, 1 + d.steps.length]);
        await this.seedResults(m, d, id, users);
      }
      await seedOtherKinds(m, ids, users);
      return true;
    });
  }

  /** The demo project's self-evaluation and monitoring report, scored by the same code as a user's save. */
  private async seedResults(m: EntityManager, d: DemoProject, id: string, users: Map<string, { id: string; displayName: string }>): Promise<void> {
    if (!d.evaluation && !d.monitoring) return;
    const year = d.year ?? d.table.year;
    const indicators = await annualIndicators(m, { id, year });
    const filler = users.get(d.filler);
    const annualBudget = d.table.funds?.annualTotal ?? '1000000.00';
    if (d.evaluation) {
      const e = d.evaluation;
      const executed = Dec.of(annualBudget).mul(Dec.of(e.executedShare)).toFixed(2);
      const items = demoEvaluationItems(indicators, e.factor);
      const { result } = scoreStoredEvaluation(d.table.frameworkCode, indicators, items, { annualBudget, executed });
      await m.query(
        `INSERT INTO project_evaluation (project_id, status, annual_budget, executed, goal_achievement, items, execution_rate, execution_score,
                                         indicator_score, total_score, grade, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10, $11, $12)`,
        [id, e.status, annualBudget, executed, '年度目标基本完成。', JSON.stringify(items), result.executionRate, result.executionScore,
          result.indicatorScore, result.totalScore, result.grade, filler?.id ?? null],
      );
    }
    if (d.monitoring) {
      const { month, factor } = d.monitoring;
      const executed = Dec.of(annualBudget).mul(Dec.of(factor)).mul(Dec.fromInt(month)).div(Dec.fromInt(12)).toFixed(2);
      const items = demoMonitoringItems(indicators, factor, month);
      const lights = monitoringLights(indicators, items, month, { annualBudget, executed });
      await m.query(
        `INSERT INTO project_monitoring (project_id, month, annual_budget, executed, items, light, budget_light, execution_rate, updated_by)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
        [id, month, annualBudget, executed, JSON.stringify(items), lights.light, lights.budget.light, lights.budget.executionRate, filler?.id ?? null],
      );
    }
  }
}
