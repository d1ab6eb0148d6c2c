import { TEST_DB, useTestApp, VALID_ROWS } from './test-app';
import { workBed, type WorkBed } from './work-fixtures';

type Doc = { name: string; status: string; version: number; year: number; goals: { kind: string; year: number | null; indicators: { name: string; target: string | { raw: string } }[] }[] };

/** The annual table's rows as 「name target」 (what the review screen's row diff compares). */
const annual = (d: Doc) =>
  (d.goals.find((g) => g.kind === 'annual' && g.year === d.year)?.indicators ?? []).map((i) => `${i.name} ${typeof i.target === 'string' ? i.target : i.target.raw}`);

/**
 * 自上次退回以来的修改 (issue 16): every return (single or batch) keeps the target as returned on its history row;
 * GET /api/targets/:id/changes gives that snapshot and the target now, to whoever sees the target.
 */
describe(`changes since the last return (${TEST_DB})`, () => {
  const t = useTestApp();
  let bed: WorkBed;
  const changes = (u: Parameters<WorkBed['auth']>[0], id: string, base = 'targets') => t.http.get(`/api/${base}/${id}/changes`).set(bed.auth(u));
  const good = { completeness: '良', relevance: '良', appropriateness: '良', feasibility: '良', overall: '中' };

  beforeAll(async () => {
    bed = await workBed(t);
  });

  /** The filler renames the target, raises the first row's target, adds a row and resubmits. */
  async function fixAndResubmit(id: string, version: number, name: string): Promise<number> {
    let v = (await t.http.patch(`/api/projects/${id}`).set(bed.auth('xining')).set('If-Match', `"${version}"`).send({ name }).expect(200)).body.version;
    const rows = [{ ...VALID_ROWS[0], target: '≥80个' }, ...VALID_ROWS.slice(1), { level1: '产出指标', level2: '时效指标', name: '按时完成率', target: '≥95%' }];
    v = (await t.http.put(`/api/projects/${id}/indicators`).set(bed.auth('xining')).set('If-Match', `"${v}"`).send({ indicators: rows }).expect(200)).body.version;
    return (await t.http.post(`/api/projects/${id}/transitions`).set(bed.auth('xining')).set('If-Match', `"${v}"`).send({ action: 'submit' }).expect(200)).body.version;
  }

  it('a single return keeps the target as returned; after the fix the reviewer sees before and after', async () => {
    const p = await bed.target('xining', '退回比较甲', 'returned', { reason: '指标值偏低' });
    const right = await changes('hzb', p.id).expect(200);
    expect(right.body).toMatchObject({ returnedBy: '合作交流办审核人', comment: '指标值偏低', before: { id: p.id, name: '退回比较甲', status: 'returned', version: p.version }, after: { id: p.id, status: 'returned', version: p.version } });
    expect(right.body.before.permissions).toBeUndefined();
    expect(Date.parse(right.body.returnedAt)).not.toBeNaN();

    const v = await fixAndResubmit(p.id, p.version, '退回比较甲（修改）');
    for (const base of ['targets', 'projects']) {
      const c = (await changes('hzb', p.id, base).expect(200)).body;
      expect(c.before.name).toBe('退回比较甲');
      expect(c.after).toMatchObject({ name: '退回比较甲（修改）', status: 'submitted', version: v });
      expect(annual(c.before)).toEqual(VALID_ROWS.map((r) => `${r.name} ${r.target}`));
      expect(annual(c.after)).toEqual(['接待团组数量 ≥80个', ...VALID_ROWS.slice(1).map((r) => `${r.name} ${r.target}`), '按时完成率 ≥95%']);
    }
    // the filler and the finance bureau see it as they see the target; another unit and its department do not
    await changes('xining', p.id).expect(200);
    await changes('czj', p.id).expect(200);
    expect((await changes('ypb', p.id).expect(404)).body.code).toBe('NOT_FOUND');
    await changes('yangpu', p.id).expect(404);
  });

  it('the last return counts: a second return replaces the comparison', async () => {
    const p = await bed.target('xining', '退回比较乙', 'returned', { reason: '第一次' });
    const v = await fixAndResubmit(p.id, p.version, '退回比较乙二');
    await t.http.post(`/api/projects/${p.id}/transitions`).set(bed.auth('hzb')).set('If-Match', `"${v}"`).send({ action: 'return', comment: '第二次', review: good }).expect(200);
    const c = (await changes('hzb', p.id).expect(200)).body;
    expect(c).toMatchObject({ comment: '第二次', before: { name: '退回比较乙二', version: v + 1 }, after: { name: '退回比较乙二', version: v + 1 } });
    expect(annual(c.before)).toEqual(annual(c.after));
  });

  it('a batch return keeps each target as returned', async () => {
    const a = await bed.target('xining', '批量退回比较甲', 'submitted');
    const b = await bed.target('xining', '批量退回比较乙', 'submitted');
    const res = await t.http
      .post('/api/transitions')
      .set(bed.auth('hzb'))
      .send({ action: 'return', comment: '请细化', review: good, items: [a, b].map((x) => ({ id: x.id, version: x.version })) })
      .expect(200);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['returned', 'returned']);
    const v = await fixAndResubmit(a.id, a.version + 1, '批量退回比较甲（修改）');
    const ca = (await changes('hzb', a.id).expect(200)).body;
    expect(ca).toMatchObject({ comment: '请细化', returnedBy: '合作交流办审核人', before: { name: '批量退回比较甲', status: 'returned' }, after: { name: '批量退回比较甲（修改）', version: v } });
    expect(annual(ca.after)).toContain('接待团组数量 ≥80个');
    expect(annual(ca.before)).toContain('接待团组数量 ≥60个');
    expect((await changes('hzb', b.id).expect(200)).body.before).toMatchObject({ id: b.id, name: '批量退回比较乙' });
  });

  it('a target never returned has no comparison (null); an unknown id is a 404', async () => {
    const p = await bed.target('xining', '从未退回', 'submitted');
    const res = await changes('hzb', p.id).expect(200);
    expect(res.body).toBeNull();
    await changes('hzb', '00000000-0000-4000-8000-000000000000').expect(404);
    await changes('hzb', 'not-a-uuid').expect(404);
  });

  it('the detail GET does not carry the snapshot', async () => {
    const p = await bed.target('xining', '详情不带快照', 'returned');
    const d = (await t.http.get(`/api/targets/${p.id}`).set(bed.auth('hzb')).expect(200)).body;
    expect(JSON.stringify(d)).not.toContain('snapshot');
  });
});
