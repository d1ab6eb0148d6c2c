import { TEST_DB, useTestApp, VALID_ROWS } from './test-app';
import { workBed, type WorkBed, type WorkUser } from './work-fixtures';

const YEAR = 2033;
const GOOD_REVIEW = { completeness: '优', relevance: '良', appropriateness: '良', feasibility: '良', overall: '良' };
const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

/**
 * The second round's endpoints under hostile input and across organisations: /api/targets, /api/tasks,
 * /api/transitions and /api/reports/target-setting answer a bad request with a 4xx naming the field in Chinese
 * (never a 5xx), another organisation's target is 404, a wrong role 403; and the review's refusals name a
 * 部门（单位）整体 or 政策 target by its kind, not as a 项目.
 */
describe(`second-round endpoints: hostile input, visibility, kind messages (${TEST_DB})`, () => {
  const t = useTestApp();
  let bed: WorkBed;
  const send = (u: WorkUser, method: 'post' | 'get' | 'patch', url: string, body?: object) => {
    const r = t.http[method](url).set(bed.auth(u));
    return body === undefined ? r : r.send(body);
  };
  /** A 4xx answer in the contract's shape with a Chinese message (and, when given, the field named in the details). */
  const refused = async (res: { status: number; body: { message?: string; details?: { field: string; message: string }[] } }, field?: string) => {
    if (res.status < 400 || res.status >= 500) throw new Error(`expected a 4xx, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    if (field) expect(res.body.details?.map((d) => d.field)).toContainEqual(expect.stringMatching(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}`)));
  };

  const department = (over: Record<string, unknown> = {}, budget: Record<string, unknown> = {}) => ({
    kind: 'department',
    year: YEAR,
    orgId: bed.orgOf.xining,
    frameworkCode: 'mof-2021',
    department: { budget: { total: '100.00', fiscal: '100.00', other: '0.00', basic: '60.00', project: '40.00', ...budget }, tasks: [] },
    ...over,
  });

  beforeAll(async () => {
    bed = await workBed(t);
  });

  describe('/api/targets', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['an unknown kind', { kind: 'programme' }, 'kind'],
      ['a kind of the wrong type', { kind: 3 }, 'kind'],
      ['a year out of range', { year: 1800 }, 'year'],
      ['a year far ahead', { year: 99999 }, 'year'],
      ['a fractional year', { year: 2033.5 }, 'year'],
      ['a year as text', { year: '2033年' }, 'year'],
      ['an orgId that is not an id', { orgId: '../../etc' }, 'orgId'],
      ['department as text', { department: '全部' }, 'department'],
      ['tasks not a list', { department: { budget: null, tasks: '对口支援' } }, 'department.tasks'],
      ['101 task rows', { department: { budget: null, tasks: many(101, (i) => ({ name: `任务${i}`, content: null, amount: '1.00', fiscal: '1.00', other: null })) } }, 'department.tasks'],
      // over the body limit: 413 before any parsing
      ['10,000 task rows', { department: { budget: null, tasks: many(10_000, (i) => ({ name: `任务${i}`, content: null, amount: '1.00', fiscal: '1.00', other: null })) } }, 'body'],
      ['a task without a name', { department: { budget: null, tasks: [{ name: '', content: null, amount: '1.00', fiscal: null, other: null }] } }, 'department.tasks[0].name'],
      ['a task amount with three decimals', { department: { budget: null, tasks: [{ name: '甲', content: null, amount: '1.005', fiscal: null, other: null }] } }, 'department.tasks[0].amount'],
      ['a policy period as text', { kind: 'policy', name: '政策', policy: { basis: null, startYear: '明年', endYear: 2035, totalFunds: null, annualFunds: null } }, 'policy.startYear'],
      ['a name of 10,000 characters', { kind: 'policy', name: '长'.repeat(10_000) }, 'name'],
    ])('refuses %s with a 4xx naming the field', async (_what, over, field) => {
      const res = await send('xining', 'post', '/api/targets', department(over));
      await refused(res, field);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a negative total', { total: '-100.00' }, 'department.budget.total'],
      ['money with three decimals', { fiscal: '100.001' }, 'department.budget.fiscal'],
      ['money as a float', { total: 100.5 }, 'department.budget.total'],
      ['money beyond any budget', { total: '9'.repeat(40) }, 'department.budget.total'],
      ['money in exponent notation', { other: '1e3' }, 'department.budget.other'],
    ])('refuses a department budget with %s naming the field', async (_what, budget, field) => {
      const res = await send('xining', 'post', '/api/targets', department({}, budget));
      await refused(res, field);
    });

    it("refuses another kind's block rather than dropping it (400 naming it)", async () => {
      await refused(await send('xining', 'post', '/api/targets', department({ year: YEAR + 4, policy: { basis: '依据', startYear: 2033, endYear: 2035, totalFunds: null, annualFunds: null } })), 'policy');
      await refused(await send('xining', 'post', '/api/targets', { kind: 'project', year: YEAR, orgId: bed.orgOf.xining, frameworkCode: 'mof-2021', name: '项目', department: { budget: null, tasks: [] } }), 'department');
      const made = await send('xining', 'post', '/api/targets', department({ year: YEAR + 5 })).expect(201);
      const patch = await t.http.patch(`/api/targets/${made.body.id}`).set(bed.auth('xining')).set('If-Match', '"1"').send({ policy: { basis: '依据' } });
      await refused(patch, 'policy');
      await refused(await send('xining', 'get', `/api/targets?q=${encodeURIComponent('长'.repeat(1000))}`), 'q');
    });

    it('lists nothing for a bad query but says why', async () => {
      await refused(await send('xining', 'get', '/api/targets?kind=programme'), 'kind');
      await refused(await send('xining', 'get', '/api/targets?year=abc'), 'year');
      await refused(await send('xining', 'get', '/api/targets?pageSize=100000'), 'pageSize');
      await refused(await send('xining', 'get', '/api/targets?page=-1'), 'page');
    });

    it("keeps another unit's target of every kind out of sight (404), and a reviewer from creating one (403)", async () => {
      const created = await send('xining', 'post', '/api/targets', department()).expect(201);
      for (const u of ['yangpu', 'ypb'] as const) {
        expect((await send(u, 'get', `/api/targets/${created.body.id}`)).status).toBe(404);
        expect((await send(u, 'get', `/api/targets?kind=department&year=${YEAR}`).expect(200)).body.items).toEqual([]);
      }
      // a filler names only their own unit; a reviewer creates nothing
      await refused(await send('yangpu', 'post', '/api/targets', department({ orgId: bed.orgOf.xining, year: YEAR + 1 })), 'orgId');
      expect((await send('hzb', 'post', '/api/targets', department({ year: YEAR + 2 }))).status).toBe(403);
    });
  });

  describe('/api/tasks', () => {
    const task = (over: Record<string, unknown>) => ({ kind: 'declaration', year: YEAR, title: '申报', deadline: '2099-10-31', ...over });
    it.each<[string, Record<string, unknown>, string]>([
      ['orgIds not a list', { orgIds: 'all' }, 'orgIds'],
      ['10,000 orgIds', { orgIds: many(10_000, () => '00000000-0000-4000-8000-000000000000') }, 'orgIds'],
      ['a title of 10,000 characters', { title: '长'.repeat(10_000) }, 'title'],
      ['a year as text', { year: '今年' }, 'year'],
      ['a year far ahead', { year: 99999 }, 'year'],
      ['a month as text', { kind: 'monitoring', month: '八月' }, 'month'],
      ['a deadline as a number', { deadline: 20991031 }, 'deadline'],
      ['an unknown kind', { kind: ['declaration'] }, 'kind'],
    ])('refuses %s with a 4xx naming the field', async (_what, over, field) => {
      await refused(await send('czj', 'post', '/api/tasks', task(over)), field);
    });

    it("shows a unit only its own row of a task's progress, another department nothing (404), and answers a bad id with a 4xx", async () => {
      const made = await send('hzb', 'post', '/api/tasks', task({ title: '合作交流办申报' })).expect(201);
      expect(made.body.orgIds.length).toBeGreaterThan(1);
      const own = await send('xining', 'get', `/api/tasks/${made.body.id}/progress`).expect(200);
      expect(own.body.map((r: { orgId: string }) => r.orgId)).toEqual([bed.orgOf.xining]);
      // a department sees its own tasks only
      expect((await send('ypb', 'get', `/api/tasks/${made.body.id}/progress`)).status).toBe(404);
      expect((await send('czj', 'get', '/api/tasks/00000000-0000-4000-8000-000000000000/progress')).status).toBe(404);
      await refused(await send('czj', 'get', '/api/tasks/not-an-id/progress'));
      await refused(await send('czj', 'get', '/api/tasks?year=abc'), 'year');
    });
  });

  describe('/api/transitions', () => {
    it.each<[string, Record<string, unknown>, string]>([
      ['an unknown action', { action: 'delete', items: [] }, 'action'],
      ['items not a list', { action: 'approve', items: 'all' }, 'items'],
      ['no items', { action: 'approve', items: [] }, 'items'],
      ['201 items', { action: 'approve', review: GOOD_REVIEW, items: many(201, () => ({ id: '00000000-0000-4000-8000-000000000000', version: 1 })) }, 'items'],
      ['10,000 items', { action: 'approve', review: GOOD_REVIEW, items: many(10_000, () => ({ id: '00000000-0000-4000-8000-000000000000', version: 1 })) }, 'body'],
      ['a version as text', { action: 'approve', review: GOOD_REVIEW, items: [{ id: '00000000-0000-4000-8000-000000000000', version: 'v1' }] }, 'items[0].version'],
      ['a malformed id', { action: 'approve', review: GOOD_REVIEW, items: [{ id: "1' OR '1'='1", version: 1 }] }, 'items[0].id'],
      ['a review judgement outside 优良中差', { action: 'approve', review: { ...GOOD_REVIEW, overall: '很好' }, items: [{ id: '00000000-0000-4000-8000-000000000000', version: 1 }] }, 'review.overall'],
      ['a review as text', { action: 'return', comment: '退回', review: '良', items: [{ id: '00000000-0000-4000-8000-000000000000', version: 1 }] }, 'review'],
    ])('refuses %s with a 4xx naming the field', async (_what, body, field) => {
      await refused(await send('hzb', 'post', '/api/transitions', body), field);
    });
  });

  describe('/api/reports/target-setting', () => {
    it('refuses a bad year or organisation with a 4xx, and keeps a department out of another one (403 or 404)', async () => {
      await refused(await send('czj', 'get', '/api/reports/target-setting?year=abc'), 'year');
      await refused(await send('czj', 'get', '/api/reports/target-setting?year=99999'), 'year');
      await refused(await send('czj', 'get', `/api/reports/target-setting?year=${YEAR}&orgId=not-an-id`), 'orgId');
      const other = await send('ypb', 'get', `/api/reports/target-setting?year=${YEAR}&orgId=${bed.orgOf.hzb}`);
      expect([403, 404]).toContain(other.status);
    });
  });

  describe('the review names a department or policy target by its kind', () => {
    it('in a refused transition, a refused row comment and a batch result', async () => {
      const made = await send('xining', 'post', '/api/targets', department({ year: YEAR + 3 })).expect(201);
      const id = made.body.id as string;
      const put = await t.http.put(`/api/targets/${id}/indicators`).set(bed.auth('xining')).set('If-Match', '"1"').send({ indicators: VALID_ROWS }).expect(200);
      // a draft cannot be approved: the 409 names the kind
      const early = await t.http.post(`/api/targets/${id}/transitions`).set(bed.auth('hzb')).set('If-Match', `"${put.body.version}"`).send({ action: 'approve', review: GOOD_REVIEW });
      expect(early.status).toBe(409);
      expect(early.body.message).toMatch(/^部门（单位）整体绩效目标处于「/);
      const batch = await send('hzb', 'post', '/api/transitions', { action: 'approve', review: GOOD_REVIEW, items: [{ id, version: put.body.version }] }).expect(200);
      expect(batch.body.results[0].error.message).toMatch(/^部门（单位）整体绩效目标处于「/);
      const submitted = await t.http.post(`/api/targets/${id}/transitions`).set(bed.auth('xining')).set('If-Match', `"${put.body.version}"`).send({ action: 'submit' }).expect(200);
      // a row comment on another target's row
      const foreign = await bed.target('xining', '别的项目', 'draft', { year: YEAR + 3 });
      const rows = (await send('xining', 'get', `/api/projects/${foreign.id}`).expect(200)).body.indicators as { id: string }[];
      const wrong = await t.http
        .post(`/api/targets/${id}/transitions`)
        .set(bed.auth('hzb'))
        .set('If-Match', `"${submitted.body.version}"`)
        .send({ action: 'return', comment: '请修改', review: GOOD_REVIEW, rowComments: [{ indicatorId: rows[0].id, comment: '偏低' }] })
        .expect(400);
      expect(wrong.body.details[0]).toEqual({ field: 'rowComments[0].indicatorId', message: '该指标不在本部门（单位）整体绩效目标中' });
      // monitoring of a target not approved
      const monitoring = await send('xining', 'get', `/api/targets/${id}/monitoring`);
      expect(monitoring.status).toBe(409);
      expect(monitoring.body.message).toContain('只有已批复的部门（单位）整体绩效目标可以');
    });
  });
});
