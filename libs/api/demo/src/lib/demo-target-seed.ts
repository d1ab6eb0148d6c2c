import { insertProject, kindColumnValues, replaceIndicators, replaceTasks, setGoalText, writeHistory } from '@pt/api/targets/data-access';
import type { ProjectStatus } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import { statusAfter } from './demo-projects';
import { DEMO_DEPARTMENT_TARGETS, DEMO_POLICY_TARGETS, type DemoRow } from './demo-targets';

type Users = Map<string, { id: string; displayName: string }>;

/** The history a seeded target gets without a demo account in its unit: the seed is named as its author. */
const SEED_AUTHOR = '演示数据';

function user(users: Users, name: string): { id: string; displayName: string } {
  const u = users.get(name);
  if (!u) throw new Error(`demo user ${name} missing`);
  return u;
}

async function annualGoalId(m: EntityManager, id: string, year: number): Promise<string> {
  return setGoalText(m, id, 'annual', year, undefined);
}

const asInput = (rows: DemoRow[]) => rows.map((r) => ({ ...r, weight: null }));

/** The 部门（单位）整体 and 政策 targets of the demo, through the same writes as a user's (insert, tasks, rows, history). */
export async function seedOtherKinds(m: EntityManager, orgIds: Map<string, string>, users: Users): Promise<number> {
  for (const d of DEMO_DEPARTMENT_TARGETS) {
    const orgId = orgIds.get(d.org) as string;
    const [org]: { name: string }[] = await m.query('SELECT name FROM org WHERE id = $1', [orgId]);
    const filler = d.filler ? user(users, d.filler) : null;
    const status = statusAfter(d.steps);
    const id = await insertProject(m, {
      year: d.year,
      name: org.name,
      orgId,
      frameworkCode: 'mof-2021',
      annualGoal: d.annualGoal,
      status,
      createdBy: filler?.id ?? null,
      kind: 'department',
      kindColumns: kindColumnValues('department', { department: { budget: d.budget } }),
    });
    await replaceTasks(m, id, d.tasks);
    await replaceIndicators(m, await annualGoalId(m, id, d.year), asInput(d.rows));
    if (filler) await writeHistory(m, id, filler, 'create', null, 'draft', null);
    else await m.query(`INSERT INTO project_history (project_id, user_id, user_name, action, from_status, to_status) VALUES ($1, NULL, $2, 'create', NULL, 'draft')`, [id, SEED_AUTHOR]);
    let from: ProjectStatus = 'draft';
    for (const [i, st] of d.steps.entries()) {
      const to = statusAfter(d.steps.slice(0, i + 1));
      await writeHistory(m, id, user(users, st.user), st.action, from, to, st.comment ?? null);
      from = to;
    }
    if (d.steps.length) await m.query(`UPDATE project SET version = $2 WHERE id = $1`, [id, 1 + d.steps.length]);
  }
  for (const p of DEMO_POLICY_TARGETS) {
    const filler = user(users, p.filler);
    const id = await insertProject(m, {
      year: p.year,
      name: p.name,
      orgId: orgIds.get(p.org) as string,
      frameworkCode: 'mof-2021',
      totalGoal: p.totalGoal,
      annualGoal: p.annualGoal,
      status: 'draft',
      createdBy: filler.id,
      kind: 'policy',
      kindColumns: kindColumnValues('policy', { policy: p.policy }),
    });
    await replaceIndicators(m, await setGoalText(m, id, 'overall', null, undefined), asInput(p.overallRows));
    await replaceIndicators(m, await annualGoalId(m, id, p.year), asInput(p.rows));
    await writeHistory(m, id, filler, 'create', null, 'draft', null);
  }
  return DEMO_DEPARTMENT_TARGETS.length + DEMO_POLICY_TARGETS.length;
}
