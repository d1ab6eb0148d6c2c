import { seedTarget, startTargetBed, type TargetBed } from '../../testing';
import { containsPattern } from '@pt/api/core';
import { countMatches } from './target-list';

/**
 * The list's name search counts a rare term through the index of the names' characters and a common one over the
 * year's names: both ways give the same count, and a page filter that finds the same targets.
 */
describe('countMatches on the embedded database', () => {
  let bed: TargetBed<'filler'>;
  const YEAR = 2042;

  beforeAll(async () => {
    bed = await startTargetBed({ filler: { org: 'school1', roles: ['filler'], name: 'school1-filler' } });
    for (const name of ['业务培训经费', '培训材料印制', '信息化运维', '业务培 训']) await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: YEAR, name });
    // 40 other names: 2 matches of 44 are rare (fewer than one in 20), 3 are common
    for (let i = 1; i <= 40; i++) await seedTarget(bed.db.manager, { orgId: bed.orgs.school2, year: YEAR, name: `其他项目${i}` });
  }, 60_000);
  afterAll(() => bed?.db.stop());

  const count = async (term: string, few: number) => {
    const params = [YEAR, containsPattern(term)];
    const r = await countMatches(bed.db.manager, 'project p', 'p.year = $1', params, { like: `p.name ILIKE $2 ESCAPE '\\'`, term, year: YEAR }, few);
    const names: { name: string }[] = await bed.db.manager.query(`SELECT p.name FROM project p WHERE ${r.filter} ORDER BY p.name`, r.filterParams as unknown[]);
    return { total: r.total, names: names.map((x) => x.name), indexed: r.filter.includes('string_to_array') };
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
});
