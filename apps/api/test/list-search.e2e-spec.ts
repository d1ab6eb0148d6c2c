import { DataSource } from 'typeorm';
import { login, TEST_DB, useTestApp } from './test-app';

/**
 * The list's name search (issue 18) through the index of each name's characters and year (migration 1734200000000):
 * the same targets as a plain case-insensitive substring match — two-character and one-character Chinese terms, Latin
 * letters in either case, spaces and the LIKE wildcards as plain characters — with and without a year.
 */
describe(`list name search (${TEST_DB})`, () => {
  const t = useTestApp();
  const tok: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const YEAR = 2034;
  const NAMES = ['业务培训经费', '培 训材料印制', '训练场地租赁', 'ABC Training 平台', '信息化运维（50%_部分）', '信息系统化改造'];

  beforeAll(async () => {
    for (const u of ['xining', 'czj']) tok[u] = await login(t, u);
    const orgId = (await t.http.get('/api/auth/me').set(auth('xining')).expect(200)).body.orgId;
    for (const name of NAMES)
      await t.http
        .post('/api/targets')
        .set(auth('xining'))
        .send({ kind: 'project', name, year: YEAR, orgId, frameworkCode: 'mof-2021' })
        .expect(201);
    // the same names a year later, so that the year is what tells them apart
    await t.http.post('/api/targets').set(auth('xining')).send({ kind: 'project', name: '业务培训经费', year: YEAR + 1, orgId, frameworkCode: 'mof-2021' }).expect(201);
  });

  const names = async (query: string) => {
    const body = (await t.http.get(`/api/targets?pageSize=100&${query}`).set(auth('czj')).expect(200)).body;
    expect(body.total).toBe(body.items.length);
    // (without a year the demo data's targets of other years may match too: only these years are compared)
    return body.items
      .filter((i: { year: number }) => i.year === YEAR || i.year === YEAR + 1)
      .map((i: { name: string; year: number }) => `${i.year} ${i.name}`)
      .sort();
  };
  const expected = (term: string, year?: number) =>
    [...NAMES.map((n) => `${YEAR} ${n}`), `${YEAR + 1} 业务培训经费`]
      .filter((n) => (year === undefined || n.startsWith(`${year} `)) && n.slice(5).toLowerCase().includes(term.toLowerCase()))
      .sort();

  it('finds exactly the names holding the term, in the year asked for or in every year', async () => {
    for (const term of ['培训', '训', '信息化', '信息', 'training', 'TRAIN', 'c t', '50%_', '%', '_', '（', '不存在的词']) {
      const q = encodeURIComponent(term);
      expect(await names(`year=${YEAR}&q=${q}`)).toEqual(expected(term, YEAR));
      expect(await names(`q=${q}`)).toEqual(expected(term));
    }
    // spot checks of the rule above: characters apart are no match, the year tells the copies apart
    expect(await names(`year=${YEAR}&q=${encodeURIComponent('培训')}`)).toEqual([`${YEAR} 业务培训经费`]);
    expect(await names(`year=${YEAR + 1}&q=${encodeURIComponent('培训')}`)).toEqual([`${YEAR + 1} 业务培训经费`]);
    expect(await names(`year=${YEAR}&q=${encodeURIComponent('训')}`)).toHaveLength(3);
  });

  describe('countUpTo: the list page\'s name search counts up to 200 ("200 条以上")', () => {
    const CAP_YEAR = YEAR + 2;
    const MATCHES = 230;
    beforeAll(async () => {
      const orgId = (await t.http.get('/api/auth/me').set(auth('xining')).expect(200)).body.orgId;
      // 230 names with 信息化 (more than the probe's 200 and the cap) and 30 without
      await t.app.get(DataSource).query(
        `INSERT INTO project (org_id, year, name, framework_code)
         SELECT $1, $2, CASE WHEN g <= ${MATCHES} THEN '信息化建设 ' || g ELSE '其他经费 ' || g END, 'mof-2021' FROM generate_series(1, ${MATCHES + 30}) g`,
        [orgId, CAP_YEAR],
      );
    });
    const list = async (query: string, path = '/api/projects') => (await t.http.get(`${path}?year=${CAP_YEAR}&${query}`).set(auth('czj')).expect(200)).body;
    const q = encodeURIComponent('信息化');

    it('a common term: total is the cap with totalCapped, without it the exact total as before', async () => {
      for (const path of ['/api/projects', '/api/targets']) {
        const capped = await list(`q=${q}&countUpTo=200`, path);
        expect({ total: capped.total, totalCapped: capped.totalCapped, rows: capped.items.length }).toEqual({ total: 200, totalCapped: true, rows: 20 });
        const exact = await list(`q=${q}`, path);
        expect(Object.keys(exact).sort()).toEqual(['items', 'page', 'pageSize', 'total']);
        expect(exact.total).toBe(MATCHES);
        expect(capped.items.map((i: { id: string }) => i.id)).toEqual(exact.items.map((i: { id: string }) => i.id));
      }
    });

    it('serves every page, also beyond the cap, with the same rows as the exact count', async () => {
      const last = await list(`q=${q}&countUpTo=200&page=12`);
      expect(last).toMatchObject({ total: 200, totalCapped: true, page: 12 });
      expect(last.items).toHaveLength(MATCHES - 11 * 20);
      expect(last.items.map((i: { id: string }) => i.id)).toEqual((await list(`q=${q}&page=12`)).items.map((i: { id: string }) => i.id));
      expect((await list(`q=${q}&countUpTo=200&page=13`)).items).toEqual([]);
    });

    it('under the cap: the exact total and no totalCapped; a filter without a search is capped too', async () => {
      const rare = await list(`q=${encodeURIComponent('信息化建设 17')}&countUpTo=200`);
      expect(rare.total).toBe(11); // 17, 170–179
      expect(rare).not.toHaveProperty('totalCapped');
      expect(await list(`q=${q}&countUpTo=${MATCHES}`)).not.toHaveProperty('totalCapped');
      expect((await list(`q=${q}&countUpTo=${MATCHES}`)).total).toBe(MATCHES);
      expect(await list(`q=${q}&countUpTo=${MATCHES - 1}`)).toMatchObject({ total: MATCHES - 1, totalCapped: true });
      expect(await list('countUpTo=50')).toMatchObject({ total: 50, totalCapped: true });
      expect((await list('')).total).toBe(MATCHES + 30);
    });

    it.each(['0', '10001', '2.5', 'abc', ''])('refuses countUpTo=%j with 400 naming the field', async (bad) => {
      const res = await t.http.get(`/api/targets?year=${CAP_YEAR}&q=${q}&countUpTo=${bad}`).set(auth('czj')).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toContain('countUpTo');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('countUpTo');
    });
  });
});
