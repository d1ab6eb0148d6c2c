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
});
