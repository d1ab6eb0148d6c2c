import { approveAll, createTarget, type Tokens, xiningDepartment } from './target-exports-helpers';
import { login, TEST_DB, useTestApp } from './test-app';

const YEAR = 2035;
const NOT_A_ROW = '00000000-0000-4000-8000-000000000999';

/**
 * The 自评 and 运行监控 messages name the target by its kind (issue 15): a 部门（单位）整体 or 政策 target's refusals do
 * not say 项目 (只有…所属单位的填报人可以填写自评, 该指标不在本…已批复的绩效目标表中), while a project's still do.
 */
describe(`自评 and 运行监控 messages by kind (${TEST_DB})`, () => {
  const t = useTestApp();
  const tok: Tokens = {};
  const org: Record<string, string> = {};
  const ids = { department: '', policy: '' };
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const etagOf = async (id: string) => (await t.http.get(`/api/targets/${id}`).set(auth('czj')).expect(200)).headers['etag'] as string;
  const evaluation = (user: string, id: string, etag: string) =>
    t.http
      .put(`/api/targets/${id}/evaluation`)
      .set(auth(user))
      .set('If-Match', etag)
      .send({ budget: { annualBudget: '100.00', executed: '50.00' }, items: [{ indicatorId: NOT_A_ROW }] });
  const monitoring = (user: string, id: string, etag: string) =>
    t.http
      .put(`/api/targets/${id}/monitoring`)
      .set(auth(user))
      .set('If-Match', etag)
      .send({ month: 6, budget: { annualBudget: '100.00', executed: '50.00', expectedExecuted: '100.00' }, items: [{ indicatorId: NOT_A_ROW }] });

  beforeAll(async () => {
    for (const u of ['xining', 'hzb', 'czj', 'yangpu', 'ypb']) tok[u] = await login(t, u);
    for (const o of (await t.http.get('/api/orgs').set(auth('czj')).expect(200)).body as { id: string; code: string }[]) org[o.code] = o.id;
    const api = { http: t.http, tok };
    const dept = await createTarget(api, 'xining', xiningDepartment(org['HZB-XN'], YEAR, '保障本单位运行', []));
    await approveAll(api, dept, ['xining', 'hzb', 'czj']);
    ids.department = dept.id;
    const policy = { kind: 'policy', year: YEAR, orgId: org['YPB-BB'], frameworkCode: 'mof-2021', name: '产业帮扶政策', policy: { startYear: YEAR, endYear: YEAR + 1 } };
    const p = await createTarget(api, 'yangpu', policy);
    await approveAll(api, p, ['yangpu', 'ypb', 'czj']);
    ids.policy = p.id;
  });

  it('自评 of a 部门整体 target: a reviewer is refused naming the kind, a row outside the table likewise', async () => {
    const etag = await etagOf(ids.department);
    const reviewer = await evaluation('hzb', ids.department, etag).expect(403);
    expect(reviewer.body.message).toBe('只有部门（单位）整体绩效目标所属单位的填报人可以填写自评');
    const row = await evaluation('xining', ids.department, etag).expect(400);
    expect(row.body.details).toEqual([{ field: 'items[0].indicatorId', message: '该指标不在本部门（单位）整体绩效目标已批复的绩效目标表中' }]);
  });

  it('运行监控 of a 政策 target: the same refusals name the policy target', async () => {
    const etag = await etagOf(ids.policy);
    const reviewer = await monitoring('ypb', ids.policy, etag).expect(403);
    expect(reviewer.body.message).toBe('只有政策绩效目标所属单位的填报人可以填写运行监控');
    const row = await monitoring('yangpu', ids.policy, etag).expect(400);
    expect(JSON.stringify(row.body.details)).toContain('该指标不在本政策绩效目标已批复的绩效目标表中');
    expect(JSON.stringify(row.body)).not.toContain('项目');
  });
});
