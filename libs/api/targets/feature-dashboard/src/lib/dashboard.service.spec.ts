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
    expect(admin).toMatchObject({ projectCount: 0, redProjects: [], unitRanking: [] });
    expect(admin.byKind.map((k) => k.count)).toEqual([0, 0, 0]);
    expect(admin.grades.every((g) => g.count === 0)).toBe(true);
  });
});
