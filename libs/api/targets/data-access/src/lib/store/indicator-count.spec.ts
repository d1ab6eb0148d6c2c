import { startTestDatabase, type TestDatabase } from '@pt/api/core/testing';
import { seedOrgTree, seedTarget, type OrgTree } from '../../testing';
import { replaceIndicators } from './target-sql';

/**
 * 指标数 (the list's count of named rows of the target's annual goal) is kept on the target's row (migration
 * 1734500000000): by the rows' writer, replaceIndicators, and by triggers when a goal or the target's year changes.
 */
describe('project.indicator_count on the migrated schema', () => {
  let db: TestDatabase;
  let org: OrgTree;
  beforeAll(async () => {
    db = await startTestDatabase();
    org = await seedOrgTree(db.manager);
  }, 60_000);
  afterAll(() => db?.stop());

  const stored = async (id: string) => (await db.manager.query(`SELECT indicator_count AS n FROM project WHERE id = $1`, [id]))[0].n as number;
  const counted = async (id: string) =>
    (
      await db.manager.query(
        `SELECT count(*)::int AS n FROM indicator i JOIN project_goal g ON g.id = i.goal_id JOIN project p ON p.id = g.project_id
          WHERE p.id = $1 AND g.kind = 'annual' AND g.year = p.year AND i.name <> ''`,
        [id],
      )
    )[0].n as number;

  it('counts the named rows of the annual goal of its own year after each kind of write', async () => {
    const m = db.manager;
    const rows = [1, 2, 3, 4].map((i) => ({ level1: '产出指标', level2: '数量指标', name: `指标${i}`, target: '≥1个' }));
    const { id, indicatorIds } = await seedTarget(m, { orgId: org.school1, year: 2026, name: '计数', rows });
    expect([await stored(id), await counted(id)]).toEqual([4, 4]);
    // a row's name emptied, a row left out, a row's values edited: what the editor's PUT sends
    const [annual] = await m.query(`SELECT id FROM project_goal WHERE project_id = $1 AND kind = 'annual'`, [id]);
    const sent = rows.map((r, i) => ({ ...r, id: indicatorIds[i], core: false, weight: null }));
    await replaceIndicators(m, annual.id, [{ ...sent[0], name: '' }, { ...sent[2], target: '≥2个' }, sent[3]]);
    expect([await stored(id), await counted(id)]).toEqual([2, 2]);
    // every row left out
    await replaceIndicators(m, annual.id, []);
    expect([await stored(id), await counted(id)]).toEqual([0, 0]);
    await replaceIndicators(m, annual.id, [{ ...sent[1], id: undefined }, { ...sent[2], id: undefined }]);
    expect([await stored(id), await counted(id)]).toEqual([2, 2]);
    // rows of another goal (the mid-term one) do not count; a year whose annual goal is absent counts none
    const [overall] = await m.query(`SELECT id FROM project_goal WHERE project_id = $1 AND kind = 'overall'`, [id]);
    await m.query(`INSERT INTO indicator (goal_id, position, level1, level2, name, target_raw) VALUES ($1, 1, '产出指标', '数量指标', '中期', '1')`, [overall.id]);
    await m.query(`SELECT project_indicator_recount(ARRAY[$1::uuid])`, [id]);
    expect(await stored(id)).toBe(2);
    await m.query(`UPDATE project SET year = 2027 WHERE id = $1`, [id]);
    expect([await stored(id), await counted(id)]).toEqual([0, 0]);
    await m.query(`UPDATE project_goal SET year = 2027 WHERE project_id = $1 AND kind = 'annual'`, [id]);
    expect([await stored(id), await counted(id)]).toEqual([2, 2]);
    // the goal deleted with its rows
    await m.query(`DELETE FROM project_goal WHERE project_id = $1 AND kind = 'annual'`, [id]);
    expect([await stored(id), await counted(id)]).toEqual([0, 0]);
  });
});
