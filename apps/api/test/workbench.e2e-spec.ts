import type { Workbench, WorkbenchTodo } from '@pt/shared/api-types';
import { DataSource } from 'typeorm';
import { TEST_DB, useTestApp } from './test-app';
import { workBed, type WorkBed, type WorkUser } from './work-fixtures';

/**
 * 工作台 (issue 16): per role, the tasks with their deadlines and status, 待办 (a filler's drafts, returned targets
 * with the reason, monitoring and self-evaluations due; a reviewer's inbox), 已办, and the menu's counts.
 */
describe(`workbench (${TEST_DB})`, () => {
  const t = useTestApp();
  let bed: WorkBed;
  let draft: { id: string; version: number };
  let returned: { id: string; version: number };
  let approved: { id: string; version: number };
  let submitted: { id: string; version: number };
  let other: { id: string; version: number };

  const get = async (u: WorkUser): Promise<Workbench> => (await t.http.get('/api/workbench').set(bed.auth(u)).expect(200)).body;
  const todoOf = (w: Workbench, id: string) => w.todo.filter((x) => x.targetId === id);

  beforeAll(async () => {
    bed = await workBed(t);
    const task = (u: WorkUser, body: object) => t.http.post('/api/tasks').set(bed.auth(u)).send(body).expect(201);
    await task('czj', { kind: 'declaration', year: 2027, title: '2027申报', deadline: '2099-10-31' });
    await task('hzb', { kind: 'monitoring', year: 2027, month: 8, title: '2027年8月监控', deadline: '2099-09-10' });
    await task('czj', { kind: 'evaluation', year: 2027, title: '2027自评', deadline: '2099-03-31' });
    draft = await bed.target('xining', '工作台草稿', 'draft');
    returned = await bed.target('xining', '工作台退回', 'returned', { reason: '绩效指标不够细化' });
    approved = await bed.target('xining', '工作台已批复', 'approved');
    submitted = await bed.target('xining', '工作台待审', 'submitted');
    other = await bed.target('yangpu', '杨浦工作台草稿', 'draft');
  });

  it('shows a filler the tasks covering the unit with the unit\'s status, days left and overdue', async () => {
    const w = await get('xining');
    expect(w.tasks.map((x) => x.title)).toEqual(['2027自评', '2027年8月监控', '2027申报']);
    const decl = w.tasks.find((x) => x.kind === 'declaration');
    // a draft, a returned, a submitted and an approved target: 已退回 comes first
    expect(decl).toMatchObject({ year: 2027, month: null, deadline: '2099-10-31', status: '已退回', overdue: false, daysLeft: expect.any(Number) });
    expect(decl?.daysLeft).toBeGreaterThan(365);
    expect(w.tasks.find((x) => x.kind === 'monitoring')).toMatchObject({ month: 8, status: '未开始', overdue: false, units: { total: 1, done: 0, overdue: 0 } });
  });

  it('summarises a task over the units a reviewer sees: the least advanced status, how many done and overdue', async () => {
    const late = (await t.http.post('/api/tasks').set(bed.auth('czj')).send({ kind: 'monitoring', year: 2027, month: 7, title: '7月监控（逾期）', deadline: '2026-08-10' }).expect(201)).body;
    const etag = (await t.http.get(`/api/projects/${approved.id}`).set(bed.auth('xining')).expect(200)).headers['etag'];
    await t.http.put(`/api/projects/${approved.id}/monitoring`).set(bed.auth('xining')).set('If-Match', etag).send({ month: 7, budget: { annualBudget: '500000.00', executed: '200000.00' }, items: [] }).expect(200);
    const dept = (await get('hzb')).tasks.find((x) => x.id === late.id);
    expect(dept).toMatchObject({ status: '未开始', overdue: true, units: { total: 6, done: 1, overdue: 5 } });
    const finance = (await get('czj')).tasks.find((x) => x.id === late.id);
    expect(finance).toMatchObject({ units: { total: 11, done: 1, overdue: 10 } });
    expect((await get('xining')).tasks.find((x) => x.id === late.id)).toMatchObject({ status: '已完成', overdue: false, units: { total: 1, done: 1, overdue: 0 } });
  });

  it('lists a filler\'s 待办: the draft, the returned target with its reason, the month\'s report and the self-evaluation due', async () => {
    const w = await get('xining');
    expect(todoOf(w, draft.id)).toEqual([expect.objectContaining({ type: 'fill', document: 'target', name: '工作台草稿', status: 'draft', deadline: '2099-10-31', year: 2027 })]);
    expect(todoOf(w, returned.id)).toEqual([expect.objectContaining({ type: 'returned', status: 'returned', reason: '绩效指标不够细化', deadline: '2099-10-31' })]);
    // what is due first first
    expect(todoOf(w, approved.id)).toEqual([
      expect.objectContaining({ type: 'evaluation', document: 'evaluation', status: 'none', deadline: '2099-03-31' }),
      expect.objectContaining({ type: 'monitoring', document: 'monitoring', month: 8, deadline: '2099-09-10' }),
    ]);
    expect(todoOf(w, submitted.id)).toEqual([]);
    expect(todoOf(w, other.id)).toEqual([]);
    expect(w.todo.some((x) => x.type === 'review')).toBe(false);
    // 已办: the filler's own submits, newest first
    expect(w.done[0]).toMatchObject({ targetId: submitted.id, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', name: '工作台待审' });
    expect(w.done.every((d) => ['submit', 'withdraw', 'eval_submit', 'eval_withdraw'].includes(d.action))).toBe(true);
  });

  it('lists a department reviewer\'s inbox (its units only) and what it did', async () => {
    const w = await get('hzb');
    expect(todoOf(w, submitted.id)).toEqual([expect.objectContaining({ type: 'review', document: 'target', status: 'submitted', orgName: '上海市人民政府驻西宁办事处', deadline: '2099-10-31' })]);
    expect(w.todo.every((x) => x.type === 'review')).toBe(true);
    expect(w.todo.some((x) => x.orgName.includes('杨浦'))).toBe(false);
    expect(w.done.find((d) => d.targetId === returned.id)).toMatchObject({ action: 'return', comment: '绩效指标不够细化', toStatus: 'returned' });
    expect(w.counts).toEqual({ todo: w.todo.length, review: w.todo.length, returned: 0, overdueTasks: 1 });
  });

  it('lists the finance bureau\'s inbox (department-approved) and self-evaluations waiting for review', async () => {
    const hzbApproves = await t.http.post(`/api/projects/${submitted.id}/transitions`).set(bed.auth('hzb')).set('If-Match', `"${submitted.version}"`).send({ action: 'approve' }).expect(200);
    submitted = { id: submitted.id, version: hzbApproves.body.version };
    const finance = await get('czj');
    expect(todoOf(finance, submitted.id)).toEqual([expect.objectContaining({ type: 'review', status: 'dept_approved' })]);
    expect(todoOf(await get('hzb'), submitted.id)).toEqual([]);
    // the demo's Yangpu self-evaluation submitted for review is in the department's inbox as an evaluation
    const ypb = await get('ypb');
    expect(ypb.todo.some((x: WorkbenchTodo) => x.type === 'review' && x.document === 'evaluation' && x.status === 'submitted')).toBe(true);
  });

  it('drops the month\'s report from 待办 once saved, and keeps other units\' work out of sight', async () => {
    const report = { month: 8, budget: { annualBudget: '500000.00', executed: '300000.00' }, items: [] };
    const etag = (await t.http.get(`/api/projects/${approved.id}`).set(bed.auth('xining')).expect(200)).headers['etag'];
    await t.http.put(`/api/projects/${approved.id}/monitoring`).set(bed.auth('xining')).set('If-Match', etag).send(report).expect(200);
    const w = await get('xining');
    expect(todoOf(w, approved.id).map((x) => x.type)).toEqual(['evaluation']);
    expect(w.tasks.find((x) => x.kind === 'monitoring')?.status).toBe('已完成');
    const yp = await get('yangpu');
    expect(todoOf(yp, other.id)).toEqual([expect.objectContaining({ type: 'fill', deadline: '2099-10-31' })]);
    expect(yp.todo.some((x) => x.targetId === draft.id)).toBe(false);
    expect(yp.tasks.map((x) => x.title)).toEqual(['7月监控（逾期）', '2027自评', '2027申报']);
  });

  it('counts for the menu what the 工作台 lists, overdue tasks included, cheaply on their own route', async () => {
    await t.http.post('/api/tasks').set(bed.auth('czj')).send({ kind: 'declaration', year: 2027, title: '逾期的申报', deadline: '2026-01-15', orgIds: [bed.orgOf.xining] }).expect(201);
    const w = await get('xining');
    expect(w.tasks.find((x) => x.title === '逾期的申报')).toMatchObject({ overdue: true, status: '已退回', daysLeft: expect.any(Number) });
    expect(w.tasks.find((x) => x.title === '逾期的申报')?.daysLeft).toBeLessThan(0);
    // the earliest deadline of the tasks covering it is the draft's
    expect(todoOf(w, draft.id)[0].deadline).toBe('2026-01-15');
    expect(w.counts).toEqual({ todo: w.todo.length, review: 0, returned: 1, overdueTasks: 1 });
    const counts = (await t.http.get('/api/workbench/counts').set(bed.auth('xining')).expect(200)).body;
    expect(counts).toEqual(w.counts);
    for (const u of ['hzb', 'czj', 'ypb', 'yangpu'] as const) {
      expect((await t.http.get('/api/workbench/counts').set(bed.auth(u)).expect(200)).body).toEqual((await get(u)).counts);
    }
  });

  it('lists at most 100 items of a kind but counts them all', async () => {
    const ds = t.app.get(DataSource);
    await ds.query(
      `INSERT INTO project (org_id, year, name, framework_code) SELECT $1, 2029, '批量草稿' || n, 'mof-2021' FROM generate_series(1, 120) AS n`,
      [bed.orgOf.xining],
    );
    const w = await get('xining');
    expect(w.todo.filter((x) => x.type === 'fill')).toHaveLength(100);
    const others = w.todo.filter((x) => x.type !== 'fill').length;
    // 120 new drafts and the one of before
    expect(w.counts.todo).toBe(121 + others);
    expect((await t.http.get('/api/workbench/counts').set(bed.auth('xining')).expect(200)).body).toEqual(w.counts);
  });

  it('is for business users only', async () => {
    await t.http.get('/api/workbench').set(bed.auth('admin')).expect(403);
    await t.http.get('/api/workbench/counts').set(bed.auth('admin')).expect(403);
    await t.http.get('/api/workbench').expect(401);
  });
});
