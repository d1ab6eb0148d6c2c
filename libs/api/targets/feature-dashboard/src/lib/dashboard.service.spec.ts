import { startTestDatabase, type TestDatabase } from '@pt/api/core/testing';
import { OrgScopeService } from '@pt/api/targets/data-access';
import { refusal, seedOrgTree, seedTarget, type OrgTree } from '@pt/api/targets/data-access/testing';
import type { ProjectStatus, Role, UserSummary } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import { DashboardService } from './dashboard.service';

const at = (orgId: string, role: Role): UserSummary => ({ id: '00000000-0000-4000-8000-000000000001', username: role, displayName: role, roles: [role], orgId });

async function evaluate(m: EntityManager, projectId: string, status: ProjectStatus, total: string, grade: string): Promise<void> {
  await m.query(
    `INSERT INTO project_evaluation (project_id, status, annual_budget, executed, execution_rate, execution_score, indicator_score, total_score, grade)
     VALUES ($1, $2, 100, 100, 100, 10, $3, $3, $4)`,
    [projectId, status, total, grade],
  );
}

async function monitor(m: EntityManager, projectId: string, month: number, light: string): Promise<void> {
  await m.query(`INSERT INTO project_monitoring (project_id, month, light, budget_light) VALUES ($1, $2, $3, 'green')`, [projectId, month, light]);
}

describe('DashboardService on the migrated schema', () => {
  let db: TestDatabase;
  let org: OrgTree;
  let service: DashboardService;

  beforeAll(async () => {
    db = await startTestDatabase();
    const m = db.manager;
    org = await seedOrgTree(m);
    const target = async (orgId: string, name: string, status: ProjectStatus, year = 2026) => (await seedTarget(m, { orgId, year, name, status })).id;
    const a = await target(org.school1, '甲', 'approved');
    const b = await target(org.school1, '乙', 'approved');
    // one of each other kind: counted with the projects, split by byKind
    const c = await target(org.school1, '丙', 'draft');
    const d = await target(org.school1, '丁', 'submitted');
    await m.query(`UPDATE project SET kind = 'department' WHERE id = $1`, [c]);
    await m.query(`UPDATE project SET kind = 'policy' WHERE id = $1`, [d]);
    const e = await target(org.school2, '戊', 'approved');
    const f = await target(org.hospital, '己', 'approved');
    const old = await target(org.school1, '去年', 'approved', 2025);
    await evaluate(m, a, 'approved', '92.50', '优');
    await evaluate(m, b, 'submitted', '75.01', '中');
    await evaluate(m, e, 'draft', '85.25', '良');
    await evaluate(m, f, 'approved', '55.00', '差');
    await evaluate(m, old, 'approved', '10.00', '差');
    // the latest report counts: 甲 was red in April but green in August, 戊 is red in May
    await monitor(m, a, 4, 'red');
    await monitor(m, a, 8, 'green');
    await monitor(m, e, 3, 'green');
    await monitor(m, e, 5, 'red');
    await monitor(m, old, 5, 'red');
    service = new DashboardService(db.dataSource, new OrgScopeService(db.dataSource));
  }, 60_000);
  afterAll(() => db?.stop());

  it('the finance bureau: every visible project of the year by status, grade, score band, red light and unit', async () => {
    const d = await service.get(at(org.finance, 'finance_reviewer'), { year: 2026 });
    expect(d).toMatchObject({ year: 2026, orgId: null, projectCount: 6 });
    expect(d.byKind).toEqual([
      { kind: 'project', count: 4 },
      { kind: 'department', count: 1 },
      { kind: 'policy', count: 1 },
    ]);
    expect(d.byStatus).toEqual([
      { status: 'draft', count: 1 },
      { status: 'submitted', count: 1 },
      { status: 'dept_approved', count: 0 },
      { status: 'approved', count: 4 },
      { status: 'returned', count: 0 },
    ]);
    expect(d.evaluationsByStatus.filter((s) => s.count > 0)).toEqual([
      { status: 'draft', count: 1 },
      { status: 'submitted', count: 1 },
      { status: 'approved', count: 2 },
    ]);
    expect(Object.fromEntries(d.grades.map((g) => [g.grade, g.count]))).toEqual({ 优: 1, 良: 1, 中: 1, 差: 1 });
    expect(d.scoreBands.map((b) => [b.label, b.count])).toEqual([
      ['60 分以下', 1],
      ['60–70', 0],
      ['70–80', 1],
      ['80–90', 1],
      ['90–100', 1],
    ]);
    expect(d.redProjects.map((r) => [r.name, r.orgName, r.month])).toEqual([['戊', '第二中学', 5]]);
    expect(d).toMatchObject({ redCount: 1, unitCount: 3, averageScore: '76.94' }); // (92.50 + 75.01 + 85.25 + 55.00) / 4
    // exact decimal averages, half-up: (92.50 + 75.01) / 2 = 83.755 → 83.76
    expect(d.unitRanking).toEqual([
      { orgId: org.school2, orgName: '第二中学', averageScore: '85.25', count: 1 },
      { orgId: org.school1, orgName: '第一中学', averageScore: '83.76', count: 2 },
      { orgId: org.hospital, orgName: '人民医院', averageScore: '55.00', count: 1 },
    ]);
  });

  it('a department sees its units only; a filter narrows to an organisation inside the scope', async () => {
    const edu = await service.get(at(org.edu, 'dept_reviewer'), { year: 2026 });
    expect(edu.projectCount).toBe(5);
    expect(edu.unitRanking.map((u) => u.orgName)).toEqual(['第二中学', '第一中学']);
    const school2 = await service.get(at(org.finance, 'finance_reviewer'), { year: 2026, orgId: org.school2 });
    expect(school2).toMatchObject({ orgId: org.school2, projectCount: 1 });
    expect(school2.redProjects.map((r) => r.name)).toEqual(['戊']);
    expect(await refusal(service.get(at(org.edu, 'dept_reviewer'), { year: 2026, orgId: org.hospital }))).toMatchObject({ status: 404 });
  });

  it('another year counts its own projects; an administrator sees no project data', async () => {
    const lastYear = await service.get(at(org.finance, 'finance_reviewer'), { year: 2025 });
    expect(lastYear).toMatchObject({ projectCount: 1, redProjects: [{ name: '去年' }] });
    const admin = await service.get(at(org.finance, 'sysadmin'), { year: 2026 });
    expect(admin).toMatchObject({ projectCount: 0, redCount: 0, redProjects: [], unitRanking: [], unitCount: 0, averageScore: null });
    expect(admin.byKind.map((k) => k.count)).toEqual([0, 0, 0]);
    expect(admin.grades.every((g) => g.count === 0)).toBe(true);
  });

  it('follows every change of a target, its self-evaluation and its reports, and the folding keeps every figure', async () => {
    const m = db.manager;
    const finance = at(org.finance, 'finance_reviewer');
    const before = await service.get(finance, { year: 2026 });
    const id = (await seedTarget(m, { orgId: org.school2, year: 2026, name: '庚', status: 'submitted' })).id;
    expect((await service.get(finance, { year: 2026 })).projectCount).toBe(before.projectCount + 1);
    await m.query(`UPDATE project SET status = 'approved' WHERE id = $1`, [id]);
    await evaluate(m, id, 'submitted', '99.00', '优');
    await monitor(m, id, 6, 'red');
    let d = await service.get(finance, { year: 2026 });
    expect(d).toMatchObject({ redCount: 2, averageScore: '81.35' }); // (307.76 + 99.00) / 5
    expect(d.unitRanking[0]).toEqual({ orgId: org.school2, orgName: '第二中学', averageScore: '92.13', count: 2 });
    expect(d.redProjects.map((r) => r.name)).toEqual(['庚', '戊']); // the latest changed first
    // the red list read down the year's targets (many red ones) lists the same targets as read from the red reports
    const q = { year: 2026 };
    expect(await service['red'](q, null, 1_000, 1)).toEqual(await service['red'](q, null, 1, 1_000));
    // a later green report, a lower score and a return: each moves its figures
    await monitor(m, id, 7, 'green');
    await m.query(`UPDATE project_evaluation SET total_score = 65, grade = '中', status = 'approved' WHERE project_id = $1`, [id]);
    await m.query(`UPDATE project SET status = 'returned', org_id = $2 WHERE id = $1`, [id, org.hospital]);
    d = await service.get(finance, { year: 2026 });
    expect(d).toMatchObject({ redCount: 1, averageScore: '74.55' }); // (307.76 + 65) / 5
    expect(d.byStatus.find((s) => s.status === 'returned')?.count).toBe(1);
    expect(d.unitRanking.find((u) => u.orgId === org.hospital)).toMatchObject({ averageScore: '60.00', count: 2 });
    expect((await service.get(at(org.edu, 'dept_reviewer'), { year: 2026 })).projectCount).toBe(5);
    // the folded rows give the same dashboard; deleting the target takes it out of every figure
    await m.query(`SELECT dashboard_tally_compact(2026)`);
    expect(await service.get(finance, { year: 2026 })).toEqual(d);
    await m.query(`DELETE FROM project WHERE id = $1`, [id]);
    expect(await service.get(finance, { year: 2026 })).toEqual(before);
  });

  it('the tallies equal the targets counted directly after many changes, and a rebuild gives the same rows', async () => {
    const m = db.manager;
    const direct = async () =>
      m.query(`SELECT p.year, p.kind, p.status, e.status AS e_status, e.grade, count(*)::int AS n, coalesce(sum(e.total_score), 0)::numeric(14, 2)::text AS s
                 FROM project p LEFT JOIN project_evaluation e ON e.project_id = p.id GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`);
    const tallied = async () =>
      m.query(`SELECT t.year, t.kind, t.status, t.e_status, t.grade, sum(t.n)::int AS n, sum(t.score_sum)::text AS s
                 FROM dashboard_tally t JOIN org o ON o.id = t.scope_id AND o.parent_id IS NULL
                GROUP BY 1, 2, 3, 4, 5 HAVING sum(t.n) <> 0 ORDER BY 1, 2, 3, 4, 5`);
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await seedTarget(m, { orgId: i % 2 ? org.school1 : org.hospital, year: 2027, name: `批${i}`, status: 'draft' })).id);
    // one statement over many rows of each table, as an import or a script writes
    await m.query(`UPDATE project SET status = 'approved' WHERE id = ANY($1)`, [ids.slice(0, 8)]);
    await m.query(
      `INSERT INTO project_evaluation (project_id, status, annual_budget, executed, execution_rate, execution_score, indicator_score, total_score, grade)
       SELECT id, 'submitted', 1, 1, 100, 10, 70, 70.5, '中' FROM unnest($1::uuid[]) id`,
      [ids.slice(2, 10)],
    );
    await m.query(`UPDATE project_evaluation SET total_score = total_score + 20, grade = '优' WHERE project_id = ANY($1)`, [ids.slice(0, 5)]);
    await m.query(`DELETE FROM project WHERE id = ANY($1)`, [ids.slice(9)]);
    expect(await tallied()).toEqual(await direct());
    const rows = async () => m.query(`SELECT year, scope_id, kind, status, e_status, grade, tens, red, sum(n)::int, sum(score_sum)::text FROM dashboard_tally GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`);
    const units = async () => m.query(`SELECT year, org_id, kind, n, score_sum::text, average::text FROM dashboard_unit_score WHERE n > 0 ORDER BY 1, 2, 3`);
    const kept = [await rows(), await units()];
    expect(kept[1].length).toBeGreaterThan(0);
    await m.query(`SELECT dashboard_tally_rebuild()`);
    expect([await rows(), await units()]).toEqual(kept);
  });
});
