import { DataSource } from 'typeorm';
import { uploadPdf } from './attachments-fixtures';
import { TEST_DB, useTestApp } from './test-app';
import { workBed, type WorkBed, type WorkUser } from './work-fixtures';

/**
 * 佐证材料 are locked with their document (issue 17 follow-up): declaration files while the target is editable,
 * self-evaluation files while the self-evaluation is, monitoring files while the target is approved (monitoring has no
 * per-month lock), a notice's files while it awaits the unit's answer; a refused write is a 409 in Chinese and changes
 * nothing. `…/attachments/rights` answers the same rule for the page.
 */
describe(`attachment locks (${TEST_DB})`, () => {
  const t = useTestApp();
  let bed: WorkBed;
  const sql = <T = Record<string, unknown>>(q: string, params: unknown[] = []) => t.app.get(DataSource).query(q, params) as Promise<T[]>;
  const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');
  const upload = (u: WorkUser, target: string, query: string) =>
    uploadPdf(t, bed.auth(u), `/api/targets/${target}/attachments?${query}`, PDF, '证明.pdf');
  const rights = async (u: WorkUser, target: string) => (await t.http.get(`/api/targets/${target}/attachments/rights`).set(bed.auth(u)).expect(200)).body;
  const stored = async (target: string) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM attachment WHERE project_id = $1`, [target]))[0].n;

  beforeAll(async () => {
    bed = await workBed(t);
  });

  it('declaration files change only while the target is a draft or returned; a submitted one refuses add and delete (409)', async () => {
    const draft = await bed.target('xining', '锁定测试目标', 'draft');
    expect(await rights('xining', draft.id)).toEqual({ declaration: true, monitoring: false, evaluation: false, rectifications: [] });
    expect(await rights('hzb', draft.id)).toEqual({ declaration: false, monitoring: false, evaluation: false, rectifications: [] });
    const kept = (await upload('xining', draft.id, 'purpose=declaration').expect(201)).body;
    // monitoring and self-evaluation start from the approved target
    const mon = await upload('xining', draft.id, 'purpose=monitoring').expect(409);
    expect(mon.body.message).toContain('只有已批复的项目可以上传或删除运行监控佐证材料');
    await upload('xining', draft.id, 'purpose=evaluation').expect(409);

    const res = await t.http.post(`/api/projects/${draft.id}/transitions`).set(bed.auth('xining')).set('If-Match', `"${draft.version}"`).send({ action: 'submit' }).expect(200);
    expect(res.body.status).toBe('submitted');
    const before = await stored(draft.id);
    const add = await upload('xining', draft.id, 'purpose=declaration').expect(409);
    expect(add.body).toMatchObject({ code: 'NOT_EDITABLE' });
    expect(add.body.message).toBe('项目处于「已提交」状态，不能上传或删除申报佐证材料（只有草稿或已退回的项目可以修改）');
    const del = await t.http.delete(`/api/attachments/${kept.id}`).set(bed.auth('xining')).expect(409);
    expect(del.body.message).toContain('不能上传或删除申报佐证材料');
    expect(await stored(draft.id)).toBe(before);
    expect((await rights('xining', draft.id)).declaration).toBe(false);

    // returned: editable again, the file can go
    await t.http.post(`/api/projects/${draft.id}/transitions`).set(bed.auth('hzb')).set('If-Match', `"${res.body.version}"`).send({ action: 'return', comment: '请补充' }).expect(200);
    expect((await rights('xining', draft.id)).declaration).toBe(true);
    await t.http.delete(`/api/attachments/${kept.id}`).set(bed.auth('xining')).expect(204);
  });

  it('an approved target: monitoring files are added; declaration files are locked; self-evaluation files follow the self-evaluation', async () => {
    const approved = await bed.target('xining', '锁定测试已批复', 'approved');
    expect(await rights('xining', approved.id)).toEqual({ declaration: false, monitoring: true, evaluation: true, rectifications: [] });
    await upload('xining', approved.id, 'purpose=monitoring').expect(201);
    await upload('xining', approved.id, 'purpose=evaluation').expect(201);
    expect((await upload('xining', approved.id, 'purpose=declaration').expect(409)).body.message).toContain('项目处于「已批复」状态');

    // a demo target whose self-evaluation was submitted (杨浦区府办, 2024)
    const [{ id }] = await sql<{ id: string }>(
      `SELECT p.id FROM project p JOIN project_evaluation e ON e.project_id = p.id WHERE p.org_id = $1 AND p.year = 2024 AND e.status = 'submitted' LIMIT 1`,
      [bed.orgOf.yangpu],
    );
    expect(await rights('yangpu', id)).toEqual({ declaration: false, monitoring: true, evaluation: false, rectifications: [] });
    const ev = await upload('yangpu', id, 'purpose=evaluation').expect(409);
    expect(ev.body.message).toBe('自评处于「已提交」状态，不能上传或删除自评佐证材料（只有草稿或已退回的自评可以修改）');
    await upload('yangpu', id, 'purpose=monitoring').expect(201);
  });

  it('a notice’s files are filed under it and change only while it awaits the unit’s answer', async () => {
    const NAME = '合作交流工作业务费';
    const list = await t.http.get('/api/projects?year=2020').set(bed.auth('xining')).expect(200);
    const target = (await t.http.get(`/api/projects/${list.body.items.find((p: { name: string }) => p.name === NAME).id}`).set(bed.auth('xining')).expect(200)).body;
    const items = target.indicators.map((i: { id: string }, k: number) => (k === 0 ? { indicatorId: i.id, actual: '95' } : { indicatorId: i.id }));
    await t.http.put(`/api/projects/${target.id}/evaluation`).set(bed.auth('xining')).set('If-Match', `"${target.version}"`).send({ budget: { annualBudget: '500000.00', executed: '100000.00' }, items }).expect(200);
    const notice = (await t.http.post(`/api/targets/${target.id}/rectifications`).set(bed.auth('hzb')).send({ problems: '执行率偏低', requirements: '说明原因', deadline: '2099-06-30' }).expect(201)).body;
    expect((await rights('xining', target.id)).rectifications).toEqual([notice.id]);

    // the notice is named, and must be this target's
    expect((await upload('xining', target.id, 'purpose=rectification').expect(400)).body.details[0].field).toBe('rectificationId');
    expect((await upload('xining', target.id, `purpose=rectification&rectificationId=not-a-uuid`).expect(400)).body.details[0].field).toBe('rectificationId');
    const foreign = await upload('xining', target.id, 'purpose=rectification&rectificationId=00000000-0000-4000-8000-000000000000').expect(400);
    expect(foreign.body.details[0]).toEqual({ field: 'rectificationId', message: '该整改通知不属于本目标' });
    expect((await upload('xining', target.id, `purpose=evaluation&rectificationId=${notice.id}`).expect(400)).body.details[0].field).toBe('rectificationId');
    const file = (await upload('xining', target.id, `purpose=rectification&rectificationId=${notice.id}`).expect(201)).body;
    expect(file).toMatchObject({ purpose: 'rectification', rectificationId: notice.id });
    const listed = (await t.http.get(`/api/targets/${target.id}/attachments`).set(bed.auth('hzb')).expect(200)).body;
    expect(listed.filter((a: { rectificationId: string | null }) => a.rectificationId === notice.id).map((a: { id: string }) => a.id)).toEqual([file.id]);

    // answered and submitted: 待验收 locks its files
    const patched = await t.http.patch(`/api/rectifications/${notice.id}`).set(bed.auth('xining')).set('If-Match', `"${notice.version}"`).send({ feedback: '已补充调查' }).expect(200);
    const sent = await t.http.post(`/api/rectifications/${notice.id}/transitions`).set(bed.auth('xining')).set('If-Match', `"${patched.body.version}"`).send({ action: 'submit' }).expect(200);
    const locked = await upload('xining', target.id, `purpose=rectification&rectificationId=${notice.id}`).expect(409);
    expect(locked.body.message).toBe('整改通知处于「待验收」状态，不能上传或删除整改佐证材料（只有待整改或已退回的整改通知可以补充材料）');
    expect((await t.http.delete(`/api/attachments/${file.id}`).set(bed.auth('xining')).expect(409)).body.message).toContain('待验收');
    expect((await rights('xining', target.id)).rectifications).toEqual([]);

    // returned: the unit may add and remove again
    await t.http.post(`/api/rectifications/${notice.id}/transitions`).set(bed.auth('hzb')).set('If-Match', `"${sent.body.version}"`).send({ action: 'return', comment: '材料不全' }).expect(200);
    await upload('xining', target.id, `purpose=rectification&rectificationId=${notice.id}`).expect(201);
    await t.http.delete(`/api/attachments/${file.id}`).set(bed.auth('xining')).expect(204);
  });
});
