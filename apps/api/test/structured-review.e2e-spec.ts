import ExcelJS from 'exceljs';
import { binary, TEST_DB, useTestApp } from './test-app';
import { workBed, type WorkBed } from './work-fixtures';

/**
 * Structured review (财预〔2015〕88号, issue 16): approve and return carry 完整性 / 相关性 / 适当性 / 可行性 and the
 * overall result, each 优/良/中/差; 中 or 差 never approves (422); the review is stored with the transition and
 * shown in the history.
 */
describe(`structured review (${TEST_DB})`, () => {
  const t = useTestApp();
  let bed: WorkBed;
  const review = (overall: string, rest = '良') => ({ completeness: rest, relevance: rest, appropriateness: rest, feasibility: rest, overall });
  const transition = (u: Parameters<WorkBed['auth']>[0], id: string, version: number, body: object) =>
    t.http.post(`/api/projects/${id}/transitions`).set(bed.auth(u)).set('If-Match', `"${version}"`).send(body);
  const history = async (id: string) => (await t.http.get(`/api/projects/${id}/history`).set(bed.auth('xining')).expect(200)).body;

  beforeAll(async () => {
    bed = await workBed(t);
  });

  it.each(['中', '差'])('refuses an approval whose overall result is %s (422, review.overall named), changing nothing', async (overall) => {
    const p = await bed.target('xining', `结构化审核拒绝${overall}`, 'submitted');
    const res = await transition('hzb', p.id, p.version, { action: 'approve', review: review(overall, '优') }).expect(422);
    expect(res.body).toMatchObject({ code: 'REVIEW_NOT_PASSING', details: [{ field: 'review.overall' }] });
    expect(res.body.message).toContain(`「${overall}」`);
    const after = (await t.http.get(`/api/projects/${p.id}`).set(bed.auth('hzb')).expect(200)).body;
    expect(after).toMatchObject({ status: 'submitted', version: p.version });
    expect((await history(p.id)).map((h: { action: string }) => h.action)).toEqual(['create', 'submit']);
  });

  it('stores a passing approval\'s review and a return\'s (any result) with the transition, and shows them in the history', async () => {
    const p = await bed.target('xining', '结构化审核通过', 'submitted');
    const approved = await transition('hzb', p.id, p.version, { action: 'approve', comment: '同意', review: { completeness: '优', relevance: '良', appropriateness: '中', feasibility: '差', overall: '良' } }).expect(200);
    expect(approved.body.status).toBe('dept_approved');
    const returned = await transition('czj', p.id, approved.body.version, { action: 'return', comment: '可行性不足', review: review('差', '中') }).expect(200);
    expect(returned.body.status).toBe('returned');
    const h = await history(p.id);
    expect(h.slice(-2)).toEqual([
      expect.objectContaining({ action: 'approve', comment: '同意', review: { completeness: '优', relevance: '良', appropriateness: '中', feasibility: '差', overall: '良' } }),
      expect.objectContaining({ action: 'return', comment: '可行性不足', review: review('差', '中') }),
    ]);
    // transitions without a review keep none
    expect(h.filter((x: { action: string }) => x.action === 'submit')).toEqual([expect.objectContaining({ review: null })]);
  });

  it('lets a reviewer approve or return without a structured review (it is optional)', async () => {
    const p = await bed.target('xining', '无结构化审核', 'submitted');
    await transition('hzb', p.id, p.version, { action: 'approve' }).expect(200);
  });

  it.each([
    [{ ...review('良'), completeness: '好' }, 'review.completeness', '完整性须为 优、良、中 或 差'],
    [{ ...review('良'), feasibility: undefined }, 'review.feasibility', '可行性'],
    [{ ...review('良'), overall: 5 }, 'review.overall', '总体评价'],
    ['优', 'review', '审核意见'],
  ])('refuses a malformed review %j with 400 naming %s', async (bad, field, words) => {
    const p = await bed.target('xining', `格式错误${field}${JSON.stringify(bad).length}`, 'submitted');
    const res = await transition('hzb', p.id, p.version, { action: 'approve', review: bad }).expect(400);
    const d = res.body.details.find((x: { field: string }) => x.field === field);
    expect(d.message).toContain(words);
    expect((await t.http.get(`/api/projects/${p.id}`).set(bed.auth('hzb')).expect(200)).body.status).toBe('submitted');
  });

  it('refuses a review given with a submit (400, review named): only reviewers judge', async () => {
    const p = await bed.target('xining', '填报人不能审核', 'draft');
    const res = await transition('xining', p.id, p.version, { action: 'submit', review: review('优') }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'review', message: expect.stringContaining('只有审核通过或退回') })]);
  });

  it('puts the review in the audit log entry of the transition', async () => {
    const p = await bed.target('yangpu', '审计中的审核意见', 'submitted');
    await transition('ypb', p.id, p.version, { action: 'return', comment: '请完善', review: review('中') }).expect(200);
    const audit = await t.http.post('/api/auth/login').send({ username: 'auditor', password: 'Demo@2026' }).expect(200);
    const log = await t.http.get('/api/audit?event=project.return').set({ Authorization: `Bearer ${audit.body.accessToken}` }).expect(200);
    const mine = log.body.items.find((r: { objectId: string }) => r.objectId === p.id);
    expect(mine.details.review).toEqual(review('中'));
  });

  it('prints the approvals\' reviews under the signatures of the exported 申报表', async () => {
    const p = await bed.target('xining', '导出审核意见', 'submitted');
    const dept = await transition('hzb', p.id, p.version, { action: 'approve', review: review('优') }).expect(200);
    await transition('czj', p.id, dept.body.version, { action: 'approve', review: { ...review('良'), feasibility: '中' } }).expect(200);
    const res = await t.http.get(`/api/projects/${p.id}/export?form=declaration&format=xlsx`).set(bed.auth('xining')).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
    const at = texts.indexOf('审核意见');
    expect(at).toBeGreaterThan(texts.indexOf('审核日期'));
    expect(texts[at + 1]).toBe('合作交流办审核人：完整性：良；相关性：良；适当性：良；可行性：良；总体：优\n财政局审核人：完整性：良；相关性：良；适当性：良；可行性：中；总体：良');
  });
});
