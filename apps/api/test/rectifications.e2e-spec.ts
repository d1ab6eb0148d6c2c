import { login, TEST_DB, useTestApp } from './test-app';

/**
 * 整改 (issue 17, domain §11): a reviewer issues a notice after a 中/差 self-evaluation (422 before there is a
 * reason), the unit answers and submits, the reviewer returns then accepts; each write under the notice's If-Match
 * (428/412) and the loop's states (409); visible exactly as the target (another unit: 404); the open notices of
 * last year's same-name target come with next year's.
 */
describe(`rectifications (${TEST_DB})`, () => {
  const t = useTestApp();
  const tok: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const NAME = '合作交流工作业务费';
  let target: { id: string; version: number; indicators: { id: string }[] };
  const notice = { problems: '预算执行率偏低，服务对象满意度未填报', requirements: '说明原因，补充满意度调查佐证', deadline: '2099-06-30' };
  let first: { id: string; version: number };

  beforeAll(async () => {
    for (const u of ['xining', 'hzb', 'czj', 'yangpu', 'ypb']) tok[u] = await login(t, u);
    const list = await t.http.get('/api/projects?year=2020').set(auth('xining')).expect(200);
    const id = list.body.items.find((p: { name: string }) => p.name === NAME).id;
    target = (await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(200)).body;
  });

  const url = () => `/api/targets/${target.id}/rectifications`;
  const act = (u: string, id: string, version: number, action: string, comment?: string) =>
    t.http.post(`/api/rectifications/${id}/transitions`).set(auth(u)).set('If-Match', `"${version}"`).send({ action, ...(comment ? { comment } : {}) });

  it('is refused (422, in Chinese) while the target has neither a red light nor a 中/差 self-evaluation, and to a filler (403)', async () => {
    const res = await t.http.post(url()).set(auth('hzb')).send(notice).expect(422);
    expect(res.body).toMatchObject({ code: 'RECTIFICATION_NOT_DUE' });
    expect(res.body.message).toContain('只有运行监控亮红灯或绩效自评等级为中、差');
    await t.http.post(url()).set(auth('xining')).send(notice).expect(403);
    expect((await t.http.get(url()).set(auth('hzb')).expect(200)).body).toEqual([]);
  });

  it('is issued by a reviewer after a 中/差 self-evaluation: 201, 待整改, version 1, the reason recorded', async () => {
    const items = target.indicators.map((i, k) => (k === 0 ? { indicatorId: i.id, actual: '95' } : { indicatorId: i.id }));
    const ev = await t.http
      .put(`/api/projects/${target.id}/evaluation`)
      .set(auth('xining'))
      .set('If-Match', `"${target.version}"`)
      .send({ budget: { annualBudget: '500000.00', executed: '100000.00' }, items })
      .expect(200);
    expect(['中', '差']).toContain(ev.body.grade);
    const res = await t.http.post(url()).set(auth('hzb')).send({ ...notice, problems: ` ${notice.problems} ` }).expect(201);
    expect(res.headers['etag']).toBe('"1"');
    expect(res.body).toMatchObject({ ...notice, status: 'issued', version: 1, feedback: null, targetId: target.id, issuedBy: '合作交流办审核人' });
    expect(res.body.reason).toContain(`自评等级为「${ev.body.grade}」`);
    expect(res.body.history).toEqual([expect.objectContaining({ action: 'issue', toStatus: 'issued', user: '合作交流办审核人' })]);
    expect(res.body.permissions).toEqual({ edit: false, actions: [] });
    first = res.body;
    const mine = (await t.http.get(`/api/rectifications/${first.id}`).set(auth('xining')).expect(200)).body;
    expect(mine.permissions).toEqual({ edit: true, actions: ['submit'] });
  });

  it('refuses bad input with the field named (400) and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ problems: '   ' }, 'problems'],
      [{ requirements: undefined }, 'requirements'],
      [{ deadline: '2099-02-30' }, 'deadline'],
      [{ deadline: '30/06/2099' }, 'deadline'],
      [{ deadline: '2001-01-01' }, 'deadline'],
    ];
    for (const [over, field] of cases) {
      const res = await t.http.post(url()).set(auth('hzb')).send({ ...notice, ...over }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.body.details[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await t.http.get(url()).set(auth('hzb')).expect(200)).body).toHaveLength(1);
  });

  it('takes the unit\'s answer under If-Match (428 without, 412 stale), the unit only (403)', async () => {
    const p = `/api/rectifications/${first.id}`;
    await t.http.patch(p).set(auth('xining')).send({ feedback: '已整改' }).expect(428);
    await t.http.patch(p).set(auth('xining')).set('If-Match', '"7"').send({ feedback: '已整改' }).expect(412);
    await t.http.patch(p).set(auth('hzb')).set('If-Match', '"1"').send({ feedback: '已整改' }).expect(403);
    const res = await t.http.patch(p).set(auth('xining')).set('If-Match', '"1"').send({ feedback: ' 已补充满意度调查，执行率偏低原因已说明 ' }).expect(200);
    expect(res.headers['etag']).toBe('"2"');
    expect(res.body).toMatchObject({ version: 2, status: 'issued', feedback: '已补充满意度调查，执行率偏低原因已说明' });
    // the old version is stale now
    await t.http.patch(p).set(auth('xining')).set('If-Match', '"1"').send({ feedback: 'x' }).expect(412);
    first = res.body;
  });

  it('goes submitted → returned (with a reason) → submitted → accepted, refusing what the state or role does not allow', async () => {
    await act('hzb', first.id, first.version, 'approve').expect(409);
    await act('hzb', first.id, first.version, 'submit').expect(403);
    let r = (await act('xining', first.id, first.version, 'submit').expect(200)).body;
    expect(r).toMatchObject({ status: 'submitted', version: 3 });
    await t.http.patch(`/api/rectifications/${first.id}`).set(auth('xining')).set('If-Match', '"3"').send({ feedback: '改' }).expect(409);
    await act('xining', first.id, 3, 'approve').expect(403);
    const noReason = await act('hzb', first.id, 3, 'return').expect(400);
    expect(noReason.body.details[0]).toMatchObject({ field: 'comment', message: '退回须填写理由' });
    r = (await act('hzb', first.id, 3, 'return', '佐证材料不足').expect(200)).body;
    expect(r).toMatchObject({ status: 'returned', version: 4 });
    r = (await act('xining', first.id, 4, 'submit').expect(200)).body;
    r = (await act('czj', first.id, r.version, 'approve').expect(200)).body;
    expect(r).toMatchObject({ status: 'accepted', version: 6, permissions: { edit: false, actions: [] } });
    expect(r.history.map((h: { action: string }) => h.action)).toEqual(['issue', 'update', 'submit', 'return', 'submit', 'approve']);
    expect(r.history[3]).toMatchObject({ fromStatus: 'submitted', toStatus: 'returned', comment: '佐证材料不足' });
    await act('czj', first.id, 6, 'approve').expect(409);
  });

  it('refuses to submit an empty answer (422) and lists newest first', async () => {
    const second = (await t.http.post(url()).set(auth('czj')).send({ ...notice, problems: '第二次' }).expect(201)).body;
    const res = await act('xining', second.id, 1, 'submit').expect(422);
    expect(res.body.details[0].field).toBe('feedback');
    const list = (await t.http.get(url()).set(auth('xining')).expect(200)).body;
    expect(list.map((x: { id: string }) => x.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({ status: 'issued', version: 1, problems: '第二次', requirements: notice.requirements, deadline: notice.deadline, feedback: null });
  });

  it('puts the notices waiting for the unit on its 工作台, and the answers waiting for acceptance on the reviewer\'s', async () => {
    const todo = async (u: string) =>
      ((await t.http.get('/api/workbench').set(auth(u)).expect(200)).body.todo as { type: string; id?: string }[]).filter((x) => x.type === 'rectification');
    const second = (await t.http.get(url()).set(auth('xining')).expect(200)).body[0];
    const mine = await todo('xining');
    expect(mine).toEqual([expect.objectContaining({ id: second.id, document: 'rectification', targetId: target.id, name: NAME, status: 'issued', deadline: notice.deadline })]);
    expect(await todo('hzb')).toEqual([]);
    const answered = (await t.http.patch(`/api/rectifications/${second.id}`).set(auth('xining')).set('If-Match', '"1"').send({ feedback: '已整改' }).expect(200)).body;
    await act('xining', second.id, answered.version, 'submit').expect(200);
    expect((await todo('hzb')).map((x) => x.id)).toEqual([second.id]);
    expect(await todo('xining')).toEqual([]);
    expect(await todo('ypb')).toEqual([]);
  });

  it('is visible exactly as the target: another unit gets 404 on the list, the notice and its writes', async () => {
    await t.http.get(url()).set(auth('yangpu')).expect(404);
    await t.http.get(url()).set(auth('ypb')).expect(404);
    await t.http.post(url()).set(auth('ypb')).send(notice).expect(404);
    await t.http.get(`/api/rectifications/${first.id}`).set(auth('ypb')).expect(404);
    await t.http.patch(`/api/rectifications/${first.id}`).set(auth('yangpu')).set('If-Match', '"6"').send({ feedback: 'x' }).expect(404);
    await act('ypb', first.id, 6, 'approve').expect(404);
    await t.http.get('/api/rectifications/not-a-uuid').set(auth('xining')).expect(404);
  });

  it('shows the open notices of last year\'s same-name target on next year\'s (carried=true)', async () => {
    const me = await t.http.get('/api/auth/me').set(auth('xining')).expect(200);
    const next = (await t.http.post('/api/projects').set(auth('xining')).send({ year: 2021, name: NAME, orgId: me.body.orgId, frameworkCode: 'shanghai-2020' }).expect(201)).body;
    const carried = (await t.http.get(`/api/targets/${next.id}/rectifications?carried=true`).set(auth('xining')).expect(200)).body;
    expect(carried.map((x: { problems: string; targetYear: number }) => [x.problems, x.targetYear])).toEqual([['第二次', 2020]]);
    expect((await t.http.get(`/api/targets/${next.id}/rectifications`).set(auth('xining')).expect(200)).body).toEqual([]);
    await t.http.get(`/api/targets/${next.id}/rectifications?carried=maybe`).set(auth('xining')).expect(400);
  });
});
