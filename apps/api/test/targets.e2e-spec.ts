import { TEST_DB, useLogins, useTestApp, VALID_ROWS } from './test-app';

/**
 * Every kind of target (issue 15): /api/targets creates, reads and edits projects, 部门（单位）整体 and 政策
 * targets; /api/projects is the same resource narrowed to projects; each kind is visible as a project is.
 */
describe(`targets: the three kinds (${TEST_DB})`, () => {
  const t = useTestApp();
  const { auth } = useLogins(t, ['xining', 'hzb', 'czj', 'yangpu', 'ypb']);
  let xiningOrg: string;
  let xiningName: string;

  const YEAR = 2031;
  const budget = { total: '5000000.00', fiscal: '4500000', other: '500000', basic: '3000000', project: '2000000' };
  const tasks = [
    { name: '对口支援合作交流', content: '组织两地互访与项目对接', amount: '1200000', fiscal: '1000000', other: '200000' },
    { name: '机关运行保障', content: null, amount: '800000.00', fiscal: '800000.00', other: null },
  ];

  beforeAll(async () => {
    const me = await t.http.get('/api/auth/me').set(auth('xining')).expect(200);
    xiningOrg = me.body.orgId;
    xiningName = me.body.orgName;
  });

  /** POST /api/targets as `user` (xining by default), of this year and unit in the MOF framework unless `body` says otherwise. */
  const postTarget = (body: Record<string, unknown>, user = 'xining') =>
    t.http.post('/api/targets').set(auth(user)).send({ year: YEAR, orgId: xiningOrg, frameworkCode: 'mof-2021', ...body });
  const createDepartment = (over: Record<string, unknown> = {}) =>
    postTarget({ kind: 'department', annualGoal: '保障本单位年度工作', department: { budget, tasks }, ...over });
  let dept: { id: string; version: number };
  let policy: { id: string; version: number };
  let project: { id: string; version: number };

  it('creates a department target named after its unit, with its budget and tasks, and reads it back with its kind', async () => {
    const res = await createDepartment().expect(201);
    dept = res.body;
    expect(res.headers['etag']).toBe('"1"');
    expect(res.body).toMatchObject({
      kind: 'department',
      name: xiningName,
      year: YEAR,
      status: 'draft',
      annualGoal: '保障本单位年度工作',
      policy: null,
      department: {
        budget: { total: '5000000.00', fiscal: '4500000.00', other: '500000.00', basic: '3000000.00', project: '2000000.00' },
        tasks: [
          { name: '对口支援合作交流', content: '组织两地互访与项目对接', amount: '1200000.00', fiscal: '1000000.00', other: '200000.00' },
          { name: '机关运行保障', content: null, amount: '800000.00', fiscal: '800000.00', other: null },
        ],
      },
    });
    const got = await t.http.get(`/api/targets/${dept.id}`).set(auth('xining')).expect(200);
    expect(got.body).toEqual({ ...res.body });
  });

  it('refuses a second department target of the same unit and year (409, in Chinese), not one of another year', async () => {
    const res = await createDepartment({ name: '另一个' }).expect(409);
    expect(res.body.message).toContain(`${YEAR} 年的部门（单位）整体绩效目标已存在`);
    const other = await createDepartment({ year: YEAR + 1, department: undefined }).expect(201);
    expect(other.body).toMatchObject({ kind: 'department', department: { budget: { total: null }, tasks: [] } });
  });

  it('creates a policy target with its basis, period and funds', async () => {
    const res = await postTarget({
      kind: 'policy',
      name: '对口支援地区人才培训补贴政策',
      totalGoal: '三年内培训干部人才 3000 人次',
      annualGoal: '本年度培训 1000 人次',
      policy: { basis: '沪府办〔2030〕1号', startYear: YEAR, endYear: YEAR + 2, totalFunds: '9000000', annualFunds: '3000000' },
    }).expect(201);
    policy = res.body;
    expect(res.body).toMatchObject({
      kind: 'policy',
      department: null,
      totalGoal: '三年内培训干部人才 3000 人次',
      policy: { basis: '沪府办〔2030〕1号', startYear: YEAR, endYear: YEAR + 2, totalFunds: '9000000.00', annualFunds: '3000000.00' },
    });
    // multi-year as a project: the 中期 goal and a new annual table for the next year of its period
    const goal = await t.http.post(`/api/targets/${policy.id}/goals`).set(auth('xining')).set('If-Match', '"1"').send({ year: YEAR + 1, text: '第二年' }).expect(201);
    expect(goal.body.goals.map((g: { kind: string; year: number | null }) => [g.kind, g.year])).toEqual([
      ['overall', null],
      ['annual', YEAR],
      ['annual', YEAR + 1],
    ]);
    await t.http.post(`/api/targets/${policy.id}/goals`).set(auth('xining')).set('If-Match', '"2"').send({ year: YEAR + 3 }).expect(400);
    policy = goal.body;
  });

  it('refuses bad input with a 4xx naming the field: unknown kind, a money number, a reversed period, a block of another kind, a missing name', async () => {
    const base = { year: YEAR, orgId: xiningOrg, frameworkCode: 'mof-2021' };
    expect((await postTarget({ kind: 'programme', name: 'x' }).expect(400)).body.details[0]).toMatchObject({ field: 'kind' });
    const money = await postTarget({ kind: 'department', year: YEAR + 5, department: { budget: { total: 100 } } }).expect(400);
    expect(money.body.details[0].field).toBe('department.budget.total');
    expect(money.body.details[0].message).toContain('资金总额');
    const reversed = await postTarget({ kind: 'policy', name: 'p', policy: { startYear: YEAR + 1, endYear: YEAR } }).expect(400);
    expect(reversed.body.details[0]).toMatchObject({ field: 'policy.endYear', message: '实施期的结束年度不能早于起始年度' });
    expect((await postTarget({ kind: 'project', name: 'p', policy: { basis: 'x' } }).expect(400)).body.details[0].field).toBe('policy');
    expect((await postTarget({ kind: 'policy' }).expect(400)).body.details[0]).toMatchObject({ field: 'name', message: '请填写政策名称' });
    // /api/projects takes no kind (it creates projects)
    await t.http.post('/api/projects').set(auth('xining')).send({ ...base, name: 'p', kind: 'policy' }).expect(400);
  });

  it('patches the department budget and tasks under If-Match, and a PATCH repeating them is no new version', async () => {
    const patch = (body: object, tag: string) => t.http.patch(`/api/targets/${dept.id}`).set(auth('xining')).set('If-Match', tag).send(body);
    const res = await patch({ department: { budget: { other: '400000', fiscal: '4600000' }, tasks: [tasks[1]] } }, '"1"').expect(200);
    expect(res.body.version).toBe(2);
    expect(res.body.department.budget).toMatchObject({ total: '5000000.00', fiscal: '4600000.00', other: '400000.00' });
    expect(res.body.department.tasks.map((x: { name: string }) => x.name)).toEqual(['机关运行保障']);
    const same = await patch({ department: { tasks: [{ ...tasks[1], amount: '800000' }] } }, '"2"').expect(200);
    expect(same.body.version).toBe(2);
    await patch({ department: { tasks: [] } }, '"1"').expect(412);
    const pol = await t.http.patch(`/api/targets/${policy.id}`).set(auth('xining')).set('If-Match', `"${policy.version}"`).send({ policy: { endYear: YEAR + 3, annualFunds: '2500000' } }).expect(200);
    expect(pol.body.policy).toMatchObject({ startYear: YEAR, endYear: YEAR + 3, annualFunds: '2500000.00', totalFunds: '9000000.00' });
    policy = pol.body;
    await t.http.patch(`/api/targets/${policy.id}`).set(auth('xining')).set('If-Match', `"${policy.version}"`).send({ policy: { startYear: YEAR + 4 } }).expect(400);
  });

  it('reports the department and policy checks as findings, and refuses to submit on an error naming the field', async () => {
    const cur = await t.http.get(`/api/targets/${dept.id}`).set(auth('xining')).expect(200);
    await t.http.put(`/api/targets/${dept.id}/indicators`).set(auth('xining')).set('If-Match', cur.headers['etag']).send({ indicators: VALID_ROWS }).expect(200);
    const bad = await t.http.patch(`/api/targets/${dept.id}`).set(auth('xining')).set('If-Match', `"${cur.body.version + 1}"`).send({ department: { budget: { basic: '2900000' }, tasks: [{ name: '大任务', amount: '6000000', fiscal: '5000000' }] } }).expect(200);
    const f = await t.http.get(`/api/targets/${dept.id}/findings`).set(auth('xining')).expect(200);
    const codes = f.body.findings.map((x: { code: string }) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['DEPT_BUDGET_BY_NATURE', 'DEPT_TASK_NOT_ADDING_UP', 'DEPT_TASKS_OVER_TOTAL']));
    const refused = await t.http.post(`/api/targets/${dept.id}/transitions`).set(auth('xining')).set('If-Match', `"${bad.body.version}"`).send({ action: 'submit' }).expect(422);
    expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['department.budget.total', 'department.tasks[0].amount', 'department.tasks']));
    const fixed = await t.http.patch(`/api/targets/${dept.id}`).set(auth('xining')).set('If-Match', `"${bad.body.version}"`).send({ department: { budget: { basic: '3000000' }, tasks } }).expect(200);
    expect((await t.http.get(`/api/targets/${dept.id}/findings`).set(auth('xining')).expect(200)).body.findings.filter((x: { severity: string }) => x.severity === 'error')).toEqual([]);
    dept = fixed.body;
    const pf = await t.http.patch(`/api/targets/${policy.id}`).set(auth('xining')).set('If-Match', `"${policy.version}"`).send({ policy: { annualFunds: '9000000.01' } }).expect(200);
    policy = pf.body;
    const pcodes = (await t.http.get(`/api/targets/${policy.id}/findings`).set(auth('xining')).expect(200)).body.findings.map((x: { code: string; field?: string }) => [x.code, x.field]);
    expect(pcodes).toContainEqual(['POLICY_ANNUAL_OVER_TOTAL', 'policy.annualFunds']);
  });

  it('lists every kind under /api/targets (filtered by kind), projects only under /api/projects', async () => {
    const p = await postTarget({ kind: 'project', name: '合作交流专项工作经费' }).expect(201);
    project = p.body;
    expect(p.body).toMatchObject({ kind: 'project', department: null, policy: null });
    const all = await t.http.get(`/api/targets?year=${YEAR}`).set(auth('xining')).expect(200);
    expect(all.body.items.map((x: { kind: string }) => x.kind).sort()).toEqual(['department', 'policy', 'project']);
    expect(all.body.total).toBe(3);
    const depts = await t.http.get(`/api/targets?year=${YEAR}&kind=department`).set(auth('xining')).expect(200);
    expect(depts.body.items.map((x: { id: string }) => x.id)).toEqual([dept.id]);
    await t.http.get('/api/targets?kind=unit').set(auth('xining')).expect(400);
    const projects = await t.http.get(`/api/projects?year=${YEAR}`).set(auth('xining')).expect(200);
    expect(projects.body.items.map((x: { id: string; kind: string }) => [x.id, x.kind])).toEqual([[project.id, 'project']]);
    expect((await t.http.get('/api/targets/years').set(auth('xining')).expect(200)).body.years).toContain(YEAR + 1);
    expect((await t.http.get('/api/projects/years').set(auth('xining')).expect(200)).body.years).not.toContain(YEAR + 1);
  });

  it('answers 404 for a department or policy target under /api/projects/:id and its sub-routes; a project answers on both paths', async () => {
    for (const id of [dept.id, policy.id]) {
      await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(404);
      await t.http.get(`/api/projects/${id}/findings`).set(auth('xining')).expect(404);
      await t.http.get(`/api/projects/${id}/history`).set(auth('xining')).expect(404);
      await t.http.patch(`/api/projects/${id}`).set(auth('xining')).set('If-Match', '"1"').send({ annualGoal: 'x' }).expect(404);
      await t.http.post(`/api/projects/${id}/transitions`).set(auth('xining')).set('If-Match', '"1"').send({ action: 'submit' }).expect(404);
      // the router matches paths case-insensitively, and so does the narrowing
      await t.http.get(`/api/Projects/${id}`).set(auth('xining')).expect(404);
    }
    await t.http.get(`/api/Projects/${project.id}`).set(auth('xining')).expect(200);
    const a = await t.http.get(`/api/projects/${project.id}`).set(auth('xining')).expect(200);
    const b = await t.http.get(`/api/targets/${project.id}`).set(auth('xining')).expect(200);
    expect(a.body).toEqual(b.body);
  });

  it('shows each kind only as a project is shown: another unit gets 404, the unit\'s department and the finance bureau see it', async () => {
    for (const id of [dept.id, policy.id, project.id]) {
      await t.http.get(`/api/targets/${id}`).set(auth('yangpu')).expect(404);
      await t.http.get(`/api/targets/${id}/history`).set(auth('ypb')).expect(404);
      await t.http.patch(`/api/targets/${id}`).set(auth('yangpu')).set('If-Match', '"1"').send({ annualGoal: 'x' }).expect(404);
      await t.http.get(`/api/targets/${id}`).set(auth('hzb')).expect(200);
      await t.http.get(`/api/targets/${id}`).set(auth('czj')).expect(200);
    }
    expect((await t.http.get(`/api/targets?year=${YEAR}`).set(auth('yangpu')).expect(200)).body.total).toBe(0);
    // named by the path asked: a 绩效目标 under /api/targets, a 项目 under /api/projects
    expect((await t.http.get(`/api/targets/${dept.id}`).set(auth('yangpu')).expect(404)).body.message).toBe('绩效目标不存在或无权查看');
    expect((await t.http.get(`/api/projects/${project.id}`).set(auth('yangpu')).expect(404)).body.message).toBe('项目不存在或无权查看');
    // another unit's filler cannot create a target for this unit
    await postTarget({ kind: 'department' }, 'yangpu').expect(400);
    await postTarget({ kind: 'department', year: YEAR + 7 }, 'hzb').expect(403);
  });

  it('has the demo data\'s department targets of two units (budgets of the 2025 reference) and a policy target', async () => {
    const depts = (await t.http.get('/api/targets?year=2025&kind=department').set(auth('czj')).expect(200)).body.items;
    expect(depts.map((d: { orgName: string; annualTotal: string; status: string }) => [d.orgName, d.annualTotal, d.status]).sort()).toEqual([
      ['上海市人民政府驻广州办事处', '6684000.00', 'draft'],
      ['上海市人民政府驻西宁办事处', '5840000.00', 'approved'],
    ]);
    const mine = (await t.http.get('/api/targets?year=2025').set(auth('xining')).expect(200)).body.items;
    expect(mine.map((d: { kind: string }) => d.kind)).toEqual(['department']);
    const full = (await t.http.get(`/api/targets/${mine[0].id}`).set(auth('xining')).expect(200)).body;
    expect(full.department.budget).toEqual({ total: '5840000.00', fiscal: '5840000.00', other: '0.00', basic: '4422800.00', project: '1417200.00' });
    expect(full.department.tasks).toHaveLength(2);
    expect((await t.http.get(`/api/targets/${mine[0].id}/findings`).set(auth('xining')).expect(200)).body.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    const policies = (await t.http.get('/api/targets?kind=policy').set(auth('yangpu')).expect(200)).body.items;
    expect(policies).toHaveLength(1);
    const policy = (await t.http.get(`/api/targets/${policies[0].id}`).set(auth('yangpu')).expect(200)).body;
    expect(policy.policy).toMatchObject({ startYear: 2025, endYear: 2027, totalFunds: '3000000.00', annualFunds: '1000000.00' });
    expect(policy.goals.map((g: { kind: string; indicators: unknown[] }) => [g.kind, g.indicators.length])).toEqual([
      ['overall', 3],
      ['annual', 4],
    ]);
    await t.http.get(`/api/targets/${policies[0].id}`).set(auth('xining')).expect(404);
  });

  it('deletes a draft department target with its tasks', async () => {
    const d = await createDepartment({ year: YEAR + 9 }).expect(201);
    await t.http.delete(`/api/targets/${d.body.id}`).set(auth('xining')).set('If-Match', '"1"').expect(204);
    await t.http.get(`/api/targets/${d.body.id}`).set(auth('xining')).expect(404);
    await createDepartment({ year: YEAR + 9 }).expect(201);
  });
});
