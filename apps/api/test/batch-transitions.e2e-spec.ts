import { TEST_DB, useTestApp } from './test-app';
import { workBed, type WorkBed } from './work-fixtures';

/**
 * Batch review (issue 16): POST /api/transitions takes one action, comment and review for many targets, each on its
 * own — a stale version or a target the user may not see is reported in its result and the others proceed.
 */
describe(`batch transitions (${TEST_DB})`, () => {
  const t = useTestApp();
  let bed: WorkBed;
  const good = { completeness: '优', relevance: '良', appropriateness: '良', feasibility: '良', overall: '良' };
  const batch = (u: Parameters<WorkBed['auth']>[0], body: object) => t.http.post('/api/transitions').set(bed.auth(u)).send(body);
  const statusOf = async (id: string) => (await t.http.get(`/api/projects/${id}`).set(bed.auth('czj')).expect(200)).body;

  beforeAll(async () => {
    bed = await workBed(t);
  });

  it('approves each target on its own: a stale version and an invisible target are reported, the others proceed', async () => {
    const a = await bed.target('xining', '批量甲', 'submitted');
    const b = await bed.target('xining', '批量乙', 'submitted');
    const c = await bed.target('xining', '批量丙', 'submitted');
    const other = await bed.target('yangpu', '杨浦的目标', 'submitted');
    const res = await batch('hzb', {
      action: 'approve',
      comment: '同意',
      review: good,
      items: [
        { id: a.id, version: a.version },
        { id: b.id, version: b.version - 1 },
        { id: other.id, version: other.version },
        { id: c.id, version: c.version },
      ],
    }).expect(200);
    expect(res.body.results).toEqual([
      { id: a.id, status: 'dept_approved', version: a.version + 1 },
      { id: b.id, status: 'submitted', version: b.version, error: { statusCode: 412, code: 'VERSION_CONFLICT', message: expect.stringContaining('已被他人修改') } },
      { id: other.id, status: null, error: { statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) } },
      { id: c.id, status: 'dept_approved', version: c.version + 1 },
    ]);
    expect((await statusOf(b.id)).status).toBe('submitted');
    expect((await statusOf(other.id)).status).toBe('submitted');
    // the refused items are in the audit log as refusals, the done ones as approvals
    const auditor = (await t.http.post('/api/auth/login').send({ username: 'auditor', password: 'Demo@2026' }).expect(200)).body.accessToken;
    const log = (await t.http.get('/api/audit?event=project.approve&pageSize=200').set({ Authorization: `Bearer ${auditor}` }).expect(200)).body.items;
    const rowOf = (id: string) => log.filter((r: { objectId: string }) => r.objectId === id).map((r: { result: string; details: { status?: number } }) => [r.result, r.details?.status ?? null]);
    expect(rowOf(other.id)).toEqual([['denied', 404]]);
    expect(rowOf(b.id)).toEqual([['failed', 412]]);
    expect(rowOf(a.id)).toEqual([['ok', null]]);
    // each approval carries the comment and the review in its own history
    const h = (await t.http.get(`/api/projects/${c.id}/history`).set(bed.auth('hzb')).expect(200)).body.at(-1);
    expect(h).toMatchObject({ action: 'approve', comment: '同意', review: good, user: '合作交流办审核人' });
  });

  it('reports a target in the wrong state (409) and proceeds; the finance bureau finishes the approved ones', async () => {
    const list = (await t.http.get('/api/projects?year=2027&status=dept_approved').set(bed.auth('czj')).expect(200)).body.items;
    const draft = await bed.target('xining', '批量草稿', 'draft');
    const items = [...list.map((p: { id: string; version: number }) => ({ id: p.id, version: p.version })), { id: draft.id, version: draft.version }];
    const res = await batch('czj', { action: 'approve', items }).expect(200);
    expect(res.body.results.slice(0, -1).every((r: { status: string; error?: unknown }) => r.status === 'approved' && !r.error)).toBe(true);
    expect(res.body.results.at(-1)).toMatchObject({ id: draft.id, status: 'draft', error: { statusCode: 409, code: 'INVALID_TRANSITION' } });
  });

  it('returns many with one reason and one review; a filler submits many', async () => {
    const a = await bed.target('yangpu', '批量退回甲', 'submitted');
    const b = await bed.target('yangpu', '批量退回乙', 'submitted');
    const res = await batch('ypb', { action: 'return', comment: '指标不够细化', review: { ...good, overall: '中' }, items: [a, b].map((x) => ({ id: x.id, version: x.version })) }).expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['returned', 'returned']);
    const again = await batch('yangpu', { action: 'submit', items: res.body.results.map((r: { id: string; version: number }) => ({ id: r.id, version: r.version })) }).expect(200);
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(['submitted', 'submitted']);
  });

  it('refuses the whole request when it cannot apply to any item, naming the field, before touching one', async () => {
    const p = await bed.target('xining', '整体拒绝', 'submitted');
    const item = [{ id: p.id, version: p.version }];
    const noReason = await batch('hzb', { action: 'return', items: item }).expect(400);
    expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'comment', message: '退回须填写理由' })]);
    const weak = await batch('hzb', { action: 'approve', review: { ...good, overall: '中' }, items: item }).expect(422);
    expect(weak.body.details).toEqual([expect.objectContaining({ field: 'review.overall' })]);
    const filler = await batch('xining', { action: 'approve', items: item }).expect(403);
    expect(filler.body.message).toContain('只有审核人');
    await batch('admin', { action: 'approve', items: item }).expect(403);
    const twice = await batch('hzb', { action: 'approve', items: [...item, ...item] }).expect(400);
    expect(twice.body.details[0].field).toBe('items');
    expect((await statusOf(p.id)).status).toBe('submitted');
  });

  it.each([
    [{ action: 'approve', items: [] }, 'items', '至少选择一个'],
    [{ action: 'approve' }, 'items', 'items'],
    [{ action: 'approve', items: 'all' }, 'items', '数组'],
    [{ action: 'approve', items: Array.from({ length: 201 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, version: 1 })) }, 'items', '最多处理 200 个'],
    [{ action: 'approve', items: [{ id: 'x', version: 1 }] }, 'items[0].id', '目标编号'],
    [{ action: 'approve', items: [{ id: '00000000-0000-4000-8000-000000000000', version: 0 }] }, 'items[0].version', '版本号'],
    [{ action: 'publish', items: [{ id: '00000000-0000-4000-8000-000000000000', version: 1 }] }, 'action', '操作'],
  ])('refuses %j with 400 naming %s', async (body, field, words) => {
    const res = await batch('hzb', body).expect(400);
    const messages = res.body.details.filter((x: { field: string }) => x.field === field).map((x: { message: string }) => x.message);
    expect(messages.some((m: string) => m.includes(words))).toBe(true);
  });
});
