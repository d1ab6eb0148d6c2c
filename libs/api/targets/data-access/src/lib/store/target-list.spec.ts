import { seedTarget, startTargetBed, type TargetBed } from '../../testing';
import { containsPattern } from '@pt/api/core';
import { countMatches } from './target-list';

/**
 * The list's name search counts a rare term through the index of the names' characters and a common one over the
 * year's names: both ways give the same count, and a page filter that finds the same targets. With `countUpTo` (the
 * list page's name search) the count stops one row beyond the cap, and every page is still served.
 */
describe('countMatches on the embedded database', () => {
  let bed: TargetBed<'filler' | 'finance'>;
  const YEAR = 2042;

  beforeAll(async () => {
    bed = await startTargetBed({
      filler: { org: 'school1', roles: ['filler'], name: 'school1-filler' },
      finance: { org: 'finance', roles: ['finance_reviewer'], name: 'finance-reviewer' },
    });
    for (const name of ['业务培训经费', '培训材料印制', '信息化运维', '业务培 训']) await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: YEAR, name });
    // 40 other names: 2 matches of 44 are rare (fewer than one in 20), 3 are common
    for (let i = 1; i <= 40; i++) await seedTarget(bed.db.manager, { orgId: bed.orgs.school2, year: YEAR, name: `其他项目${i}` });
  }, 60_000);
  afterAll(() => bed?.db.stop());

  // firstRead: how many of the year's names are read first with a cap (0: none, the probe alone; 44: the whole year)
  const count = async (term: string, few: number, countUpTo?: number, firstRead = 0) => {
    const params = [YEAR, containsPattern(term)];
    const search = { like: `p.name ILIKE $2 ESCAPE '\\'`, term, year: YEAR };
    const r = await countMatches(bed.db.manager, 'project p', 'p.year = $1', params, search, { few, countUpTo, firstRead });
    const names: { name: string }[] = await bed.db.manager.query(`SELECT p.name FROM project p WHERE ${r.filter} ORDER BY p.name`, r.filterParams as unknown[]);
    return { total: r.total, names: names.map((x) => x.name), indexed: r.filter.includes('string_to_array'), ...(r.capped ? { capped: true } : {}) };
  };

  it('gives the same count and matches through the characters index (few) and over the year (many)', async () => {
    const rare = await count('培训', 10);
    expect(rare).toEqual({ total: 2, names: ['业务培训经费', '培训材料印制'], indexed: true });
    // a probe limit below the matches: the year's names are counted instead; the page filter keeps the characters index
    // for a rare term and leaves it out for a common one
    expect(await count('培训', 2)).toEqual({ total: 2, names: ['业务培训经费', '培训材料印制'], indexed: true });
    expect(await count('训', 1)).toEqual({ total: 3, names: ['业务培 训', '业务培训经费', '培训材料印制'], indexed: false });
    expect(await count('其他', 5)).toMatchObject({ total: 40, indexed: false });
    expect(await count('不存在', 10)).toEqual({ total: 0, names: [], indexed: true });
  });

  it('with countUpTo counts at most one row beyond it: capped, and the plan of a common term without the full count', async () => {
    const queries: string[] = [];
    const manager = bed.db.manager;
    const original = manager.query.bind(manager);
    const spy = jest.spyOn(manager, 'query').mockImplementation((sql, p) => {
      queries.push(sql);
      return original(sql, p);
    });
    try {
      // the probe full (5 ≥ countUpTo + 1): a common term, the page filter by LIKE alone, the year's names never read
      expect(await count('其他', 5, 3)).toMatchObject({ total: 3, capped: true, indexed: false });
      expect((await count('其他', 5, 3)).names).toHaveLength(40);
      // the probe's limit grows to countUpTo + 1: 40 matches under 101 are counted exactly through the characters index
      expect(await count('其他', 5, 100)).toMatchObject({ total: 40, indexed: true });
      expect(await count('其他', 5, 40)).toMatchObject({ total: 40, indexed: true });
      expect(await count('其他', 5, 39)).toMatchObject({ total: 39, capped: true, indexed: false });
      // a rare term under the probe's limit but over the cap: capped, the characters index kept
      expect(await count('培训', 10, 1)).toEqual({ total: 1, capped: true, names: ['业务培训经费', '培训材料印制'], indexed: true });
      expect(await count('培训', 10, 2)).toEqual({ total: 2, names: ['业务培训经费', '培训材料印制'], indexed: true });
      expect(await count('不存在', 10, 1)).toEqual({ total: 0, names: [], indexed: true });
      const counts = queries.filter((sql) => !sql.includes('ORDER BY p.name'));
      expect(counts.length).toBeGreaterThan(0);
      // every count read through LIMIT, none over the year (the exact count's `scanned`)
      for (const sql of counts) expect(sql).toMatch(/LIMIT \d+\) x$/);
    } finally {
      spy.mockRestore();
    }
  });

  it('with countUpTo reads a bounded number of names first: a small year whole (exact), a common term past the cap there', async () => {
    // the whole year (44 names) read: exact, whatever the term, without the characters index
    expect(await count('培训', 10, 200, 4000)).toEqual({ total: 2, names: ['业务培训经费', '培训材料印制'], indexed: false });
    expect(await count('其他', 10, 200, 4000)).toMatchObject({ total: 40, indexed: false });
    expect(await count('其他', 10, 39, 4000)).toMatchObject({ total: 39, capped: true, indexed: false });
    // 30 names read, the cap passed among them (40 of 44 are 其他…): capped without the probe
    expect(await count('其他', 10, 20, 30)).toMatchObject({ total: 20, capped: true, indexed: false });
    // 30 names hold at most 4 培训: not conclusive, the characters index counts them
    expect(await count('培训', 10, 20, 30)).toEqual({ total: 2, names: ['业务培训经费', '培训材料印制'], indexed: true });
  });

  it('without a search: the plain count, or with countUpTo at most countUpTo + 1 rows', async () => {
    const plain = (countUpTo?: number) => countMatches(bed.db.manager, 'project p', 'p.year = $1', [YEAR], null, { countUpTo });
    expect(await plain()).toMatchObject({ total: 44, filter: 'p.year = $1' });
    expect((await plain()).capped).toBeUndefined();
    expect(await plain(44)).toMatchObject({ total: 44, filter: 'p.year = $1' });
    expect((await plain(44)).capped).toBeUndefined();
    expect(await plain(43)).toMatchObject({ total: 43, capped: true, filter: 'p.year = $1' });
  });

  it('the list: totalCapped only with countUpTo and more matches, the same pages as without, also beyond the cap', async () => {
    const list = (q: Record<string, unknown>) => bed.targets.list(bed.users.finance, { year: YEAR, ...q });
    const exact = await list({ q: '其他', pageSize: 10, page: 3 });
    expect(exact).toEqual({ items: expect.any(Array), total: 40, page: 3, pageSize: 10 });
    expect('totalCapped' in exact).toBe(false);
    const capped = await list({ q: '其他', pageSize: 10, page: 3, countUpTo: 5 });
    expect(capped).toMatchObject({ total: 5, totalCapped: true, page: 3, pageSize: 10 });
    expect(capped.items.map((i) => i.id)).toEqual(exact.items.map((i) => i.id));
    // the last page, far beyond the cap, and a page beyond the matches
    expect((await list({ q: '其他', pageSize: 10, page: 4, countUpTo: 5 })).items).toHaveLength(10);
    expect((await list({ q: '其他', pageSize: 10, page: 5, countUpTo: 5 })).items).toEqual([]);
    // under the cap: the exact total and no flag
    const few = await list({ q: '培训', countUpTo: 200 });
    expect(few).toEqual({ items: expect.any(Array), total: 2, page: 1, pageSize: 20 });
    expect(few.items.map((i) => i.name).sort()).toEqual(['业务培训经费', '培训材料印制']);
    // no search: the year's 44 capped at 30, every row served
    expect(await list({ countUpTo: 30, pageSize: 50 })).toMatchObject({ total: 30, totalCapped: true });
    expect((await list({ countUpTo: 30, pageSize: 50 })).items).toHaveLength(44);
    expect(await list({ countUpTo: 44 })).toEqual({ items: expect.any(Array), total: 44, page: 1, pageSize: 20 });
  });
});
