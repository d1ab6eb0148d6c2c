import ExcelJS from 'exceljs';
import { binary, TEST_DB, useTestApp } from './test-app';
import { workBed, type WorkBed } from './work-fixtures';

/**
 * Tasks of the year (issue 16): the finance bureau sets them for any unit, a department for its own units; each
 * unit sees the tasks covering it; the progress per unit follows its documents of the step; an export of it.
 */
describe(`tasks and progress (${TEST_DB})`, () => {
  const t = useTestApp();
  let bed: WorkBed;
  const HZB_UNITS = 6;
  const ALL_UNITS = 11;

  beforeAll(async () => {
    bed = await workBed(t);
  });

  const create = (u: Parameters<WorkBed['auth']>[0], body: object) => t.http.post('/api/tasks').set(bed.auth(u)).send(body);

  describe('setting a task', () => {
    it('lets the finance bureau cover every unit by default, and a department its own units only', async () => {
      const all = await create('czj', { kind: 'declaration', year: 2027, title: '2027年度绩效目标申报', deadline: '2099-10-31' }).expect(201);
      expect(all.body).toMatchObject({ kind: 'declaration', year: 2027, month: null, title: '2027年度绩效目标申报', deadline: '2099-10-31', setterOrgName: '财政局', createdBy: '财政局审核人' });
      expect(all.body.orgIds).toHaveLength(ALL_UNITS);
      const dept = await create('hzb', { kind: 'monitoring', year: 2027, month: 8, title: '8月运行监控', deadline: '2099-08-31' }).expect(201);
      expect(dept.body.orgIds).toHaveLength(HZB_UNITS);
      expect(dept.body.orgIds).toContain(bed.orgOf.xining);
      const some = await create('czj', { kind: 'evaluation', year: 2027, title: '自评', deadline: '2099-03-31', orgIds: [bed.orgOf.yangpu] }).expect(201);
      expect(some.body.orgIds).toEqual([bed.orgOf.yangpu]);
    });

    it('refuses a unit outside the department, a non-unit, and anyone but a reviewer', async () => {
      const outside = await create('hzb', { kind: 'declaration', year: 2027, title: '申报', deadline: '2099-10-31', orgIds: [bed.orgOf.yangpu] }).expect(400);
      expect(outside.body.details[0]).toMatchObject({ field: 'orgIds', message: expect.stringContaining('不在您的管辖范围') });
      const finance = await create('czj', { kind: 'declaration', year: 2027, title: '申报', deadline: '2099-10-31', orgIds: [bed.orgOf.czj] }).expect(400);
      expect(finance.body.details[0]).toMatchObject({ field: 'orgIds', message: expect.stringContaining('财政局') });
      const forbidden = await create('xining', { kind: 'declaration', year: 2027, title: '申报', deadline: '2099-10-31' }).expect(403);
      expect(forbidden.body.message).toMatch(/[\u4e00-\u9fff]/);
      await create('admin', { kind: 'declaration', year: 2027, title: '申报', deadline: '2099-10-31' }).expect(403);
    });

    it.each([
      [{ kind: 'audit' }, 'kind', '任务类型'],
      [{ kind: 'monitoring' }, 'month', '监控月份'],
      [{ kind: 'monitoring', month: 13 }, 'month', '监控月份'],
      [{ month: 8 }, 'month', '只有监控任务'],
      [{ deadline: '2027-02-30' }, 'deadline', '截止日期'],
      [{ deadline: '明年' }, 'deadline', '截止日期'],
      [{ title: '   ' }, 'title', '任务名称'],
      [{ title: '申报\n任务' }, 'title', '任务名称'],
      [{ year: 1999 }, 'year', '年度'],
      [{ orgIds: [] }, 'orgIds', '单位'],
      [{ orgIds: ['not-a-uuid'] }, 'orgIds', '单位'],
    ])('refuses %j with 400 naming %s in Chinese, storing nothing', async (patch, field, words) => {
      const before = (await t.http.get('/api/tasks').set(bed.auth('czj')).expect(200)).body.length;
      const res = await create('czj', { kind: 'declaration', year: 2027, title: '申报', deadline: '2099-10-31', ...patch }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.body.details.find((d: { field: string }) => d.field === field).message).toContain(words);
      expect((await t.http.get('/api/tasks').set(bed.auth('czj')).expect(200)).body).toHaveLength(before);
    });
  });

  describe('seeing tasks', () => {
    it('shows each user the tasks covering a unit they see, by deadline, with the covered units among theirs', async () => {
      const titles = async (u: Parameters<WorkBed['auth']>[0], q = '') => (await t.http.get(`/api/tasks${q}`).set(bed.auth(u)).expect(200)).body.map((x: { title: string }) => x.title);
      expect(await titles('czj', '?year=2027')).toEqual(['自评', '8月运行监控', '2027年度绩效目标申报']);
      expect(await titles('xining')).toEqual(['8月运行监控', '2027年度绩效目标申报']);
      expect(await titles('yangpu')).toEqual(['自评', '2027年度绩效目标申报']);
      expect(await titles('ypb')).toEqual(['自评', '2027年度绩效目标申报']);
      expect(await titles('czj', '?year=2026')).toEqual([]);
      const mine = (await t.http.get('/api/tasks').set(bed.auth('xining')).expect(200)).body;
      expect(mine.every((x: { orgIds: string[] }) => x.orgIds.length === 1 && x.orgIds[0] === bed.orgOf.xining)).toBe(true);
      await t.http.get('/api/tasks').set(bed.auth('admin')).expect(403);
      const bad = await t.http.get('/api/tasks?year=abc').set(bed.auth('czj')).expect(400);
      expect(bad.body.details[0].field).toBe('year');
    });

    it('answers 404 for a task the user may not see or an id that is none', async () => {
      const monitoring = (await t.http.get('/api/tasks').set(bed.auth('hzb')).expect(200)).body.find((x: { kind: string }) => x.kind === 'monitoring');
      await t.http.get(`/api/tasks/${monitoring.id}`).set(bed.auth('ypb')).expect(404);
      await t.http.get(`/api/tasks/${monitoring.id}/progress`).set(bed.auth('yangpu')).expect(404);
      await t.http.get('/api/tasks/nope/progress').set(bed.auth('czj')).expect(404);
      await t.http.get(`/api/tasks/${monitoring.id}`).set(bed.auth('xining')).expect(200);
    });
  });

  describe('progress', () => {
    const progressOf = async (u: Parameters<WorkBed['auth']>[0], id: string) => (await t.http.get(`/api/tasks/${id}/progress`).set(bed.auth(u)).expect(200)).body;
    const rowOf = async (id: string, orgId: string) => (await progressOf('czj', id)).find((r: { orgId: string }) => r.orgId === orgId);

    it('follows a unit through 未开始, 填报中, 已提交, 已退回 and 已完成 as its targets move (申报)', async () => {
      const task = (await create('czj', { kind: 'declaration', year: 2028, title: '2028申报', deadline: '2099-10-31' }).expect(201)).body;
      expect(await rowOf(task.id, bed.orgOf.xining)).toEqual({ orgId: bed.orgOf.xining, orgName: '上海市人民政府驻西宁办事处', status: '未开始', targets: 0, done: 0, overdue: false });
      const a = await bed.target('xining', '申报进度甲', 'draft', { year: 2028 });
      expect(await rowOf(task.id, bed.orgOf.xining)).toMatchObject({ status: '填报中', targets: 1, done: 0 });
      const submitted = await t.http.post(`/api/projects/${a.id}/transitions`).set(bed.auth('xining')).set('If-Match', `"${a.version}"`).send({ action: 'submit' }).expect(200);
      expect(await rowOf(task.id, bed.orgOf.xining)).toMatchObject({ status: '已提交', targets: 1 });
      await bed.target('xining', '申报进度乙', 'returned', { year: 2028 });
      expect(await rowOf(task.id, bed.orgOf.xining)).toMatchObject({ status: '已退回', targets: 2 });
      // the returned one resubmitted and both approved: 已完成 (every target approved, at least one)
      const list = (await t.http.get('/api/projects?year=2028').set(bed.auth('xining')).expect(200)).body.items;
      const b = list.find((p: { name: string }) => p.name === '申报进度乙');
      let v = (await t.http.post(`/api/projects/${b.id}/transitions`).set(bed.auth('xining')).set('If-Match', `"${b.version}"`).send({ action: 'submit' }).expect(200)).body.version;
      v = (await t.http.post(`/api/projects/${b.id}/transitions`).set(bed.auth('hzb')).set('If-Match', `"${v}"`).send({ action: 'approve' }).expect(200)).body.version;
      await t.http.post(`/api/projects/${b.id}/transitions`).set(bed.auth('czj')).set('If-Match', `"${v}"`).send({ action: 'approve' }).expect(200);
      v = (await t.http.post(`/api/projects/${a.id}/transitions`).set(bed.auth('hzb')).set('If-Match', `"${submitted.body.version}"`).send({ action: 'approve' }).expect(200)).body.version;
      expect(await rowOf(task.id, bed.orgOf.xining)).toMatchObject({ status: '已提交', done: 1 });
      await t.http.post(`/api/projects/${a.id}/transitions`).set(bed.auth('czj')).set('If-Match', `"${v}"`).send({ action: 'approve' }).expect(200);
      expect(await rowOf(task.id, bed.orgOf.xining)).toMatchObject({ status: '已完成', targets: 2, done: 2, overdue: false });
    });

    it('flags a unit overdue after the deadline unless 已完成, and shows a department only its units', async () => {
      const task = (await create('czj', { kind: 'declaration', year: 2028, title: '已过期的申报', deadline: '2026-01-15' }).expect(201)).body;
      const rows = await progressOf('czj', task.id);
      expect(rows).toHaveLength(ALL_UNITS);
      expect(rows.find((r: { orgId: string }) => r.orgId === bed.orgOf.xining)).toMatchObject({ status: '已完成', overdue: false });
      expect(rows.find((r: { orgId: string }) => r.orgId === bed.orgOf.yangpu)).toMatchObject({ status: '未开始', overdue: true });
      const dept = await progressOf('hzb', task.id);
      expect(dept).toHaveLength(HZB_UNITS);
      expect(dept.map((r: { orgName: string }) => r.orgName).every((n: string) => n.startsWith('上海市人民政府'))).toBe(true);
      expect(await progressOf('xining', task.id)).toEqual([expect.objectContaining({ orgId: bed.orgOf.xining })]);
    });

    it('counts the month\'s reports of approved targets for monitoring, and their self-evaluations for 自评', async () => {
      const monitoring = (await create('hzb', { kind: 'monitoring', year: 2028, month: 8, title: '2028年8月监控', deadline: '2099-09-10' }).expect(201)).body;
      const evaluation = (await create('hzb', { kind: 'evaluation', year: 2028, title: '2028自评', deadline: '2099-03-31' }).expect(201)).body;
      const xn = async (id: string) => (await progressOf('hzb', id)).find((r: { orgId: string }) => r.orgId === bed.orgOf.xining);
      expect(await xn(monitoring.id)).toMatchObject({ status: '未开始', targets: 2, done: 0 });
      expect(await xn(evaluation.id)).toMatchObject({ status: '未开始', targets: 2, done: 0 });
      const list = (await t.http.get('/api/projects?year=2028').set(bed.auth('xining')).expect(200)).body.items;
      const [first, second] = list;
      const report = { month: 8, budget: { annualBudget: '500000.00', executed: '300000.00' }, items: [] };
      const put = await t.http.put(`/api/projects/${first.id}/monitoring`).set(bed.auth('xining')).set('If-Match', `"${first.version}"`).send(report);
      expect(put.status).toBe(200);
      expect(await xn(monitoring.id)).toMatchObject({ status: '填报中', targets: 2, done: 1 });
      const etag = (await t.http.get(`/api/projects/${second.id}`).set(bed.auth('xining')).expect(200)).headers['etag'];
      await t.http.put(`/api/projects/${second.id}/monitoring`).set(bed.auth('xining')).set('If-Match', etag).send(report).expect(200);
      expect(await xn(monitoring.id)).toMatchObject({ status: '已完成', done: 2 });
      // another month's task is untouched by August's reports
      const july = (await create('hzb', { kind: 'monitoring', year: 2028, month: 7, title: '2028年7月监控', deadline: '2099-08-10' }).expect(201)).body;
      expect(await xn(july.id)).toMatchObject({ status: '未开始' });
    });

    it('exports the progress as .xlsx: title, deadline, a row per unit', async () => {
      const task = (await t.http.get('/api/tasks?year=2028').set(bed.auth('czj')).expect(200)).body.find((x: { title: string }) => x.title === '已过期的申报');
      const res = await t.http.get(`/api/tasks/${task.id}/progress/export`).set(bed.auth('czj')).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(res.headers['content-disposition'])).toContain('已过期的申报 进度.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body);
      const ws = wb.worksheets[0];
      expect(ws.getCell('A1').value).toBe('已过期的申报');
      expect(ws.getCell('A2').value).toBe('绩效目标申报（2028年度），截止日期：2026-01-15');
      expect([1, 2, 3, 4, 5].map((c) => ws.getRow(3).getCell(c).value)).toEqual(['单位', '状态', '目标数', '已完成数', '是否逾期']);
      expect(ws.rowCount).toBe(3 + ALL_UNITS);
      const xn = [4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((r) => ws.getRow(r)).find((r) => r.getCell(1).value === '上海市人民政府驻西宁办事处');
      expect([2, 3, 4, 5].map((c) => xn?.getCell(c).value)).toEqual(['已完成', 2, 2, '否']);
      await t.http.get(`/api/tasks/${task.id}/progress/export`).set(bed.auth('ypb')).expect(200);
      const monitoring = (await t.http.get('/api/tasks').set(bed.auth('hzb')).expect(200)).body.find((x: { title: string }) => x.title === '8月运行监控');
      await t.http.get(`/api/tasks/${monitoring.id}/progress/export`).set(bed.auth('ypb')).expect(404);
    });
  });
});
