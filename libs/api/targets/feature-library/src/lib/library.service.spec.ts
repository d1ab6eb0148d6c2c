import { startTestDatabase, type TestDatabase } from '@pt/api/core/testing';
import { FrameworkStore } from '@pt/api/frameworks';
import { refusal, seedOrgTree, seedTarget } from '@pt/api/targets/data-access/testing';
import type { Role, UserSummary } from '@pt/shared/contracts';
import { LibraryService } from './library.service';

const at = (role: Role): UserSummary => ({ id: '00000000-0000-4000-8000-000000000001', username: role, displayName: role, roles: [role], orgId: '00000000-0000-4000-8000-000000000002' });
const admin = at('sysadmin');

describe('LibraryService on the migrated schema', () => {
  let db: TestDatabase;
  let library: LibraryService;

  beforeAll(async () => {
    db = await startTestDatabase();
    library = new LibraryService(db.dataSource, new FrameworkStore(db.dataSource));
  }, 60_000);
  afterAll(() => db?.stop());

  it('draws an empty library from the reference tables once', async () => {
    const drawn = await library.seedIfEmpty();
    expect(drawn).toBeGreaterThan(0);
    expect((await library.list({})).total).toBe(drawn);
    expect(await library.seedIfEmpty()).toBe(0);
    expect((await library.list({})).total).toBe(drawn);
  });

  it('creates an entry for an administrator only, under 一级/二级 of the framework, once per name', async () => {
    expect(await refusal(library.create(at('filler'), { frameworkCode: 'mof-2021', level1: '产出指标', level2: '数量指标', name: '测试指标甲' }))).toMatchObject({ status: 403 });
    const created = await library.create(admin, { frameworkCode: 'mof-2021', level1: '产出指标', level2: ' 数量指标 ', name: ' 测试指标甲 ', target: ' ≥10个 ' });
    expect(created).toMatchObject({ frameworkCode: 'mof-2021', level1: '产出指标', level2: '数量指标', name: '测试指标甲', target: '≥10个', source: '管理员添加', usageCount: 0, version: 1 });
    expect(await library.get(created.id)).toEqual(created);
    expect(await refusal(library.create(admin, { frameworkCode: 'mof-2021', level1: '产出指标', level2: '数量指标', name: '测试指标甲' }))).toMatchObject({ status: 409, code: 'DUPLICATE' });
    expect(await refusal(library.create(admin, { frameworkCode: 'mof-2021', level1: '不存在', level2: '数量指标', name: '乙' }))).toMatchObject({ status: 400, fields: ['level1'] });
    expect(await refusal(library.create(admin, { frameworkCode: 'mof-2021', level1: '产出指标', level2: '社会效益指标', name: '乙' }))).toMatchObject({ status: 400, fields: ['level2'] });
  });

  it('lists by framework, levels and words (LIKE characters taken literally), the most used first, a page at a time', async () => {
    await library.create(admin, { frameworkCode: 'mof-2021', level1: '产出指标', level2: '质量指标', name: '合格率100%' });
    await library.create(admin, { frameworkCode: 'mof-2021', level1: '产出指标', level2: '质量指标', name: '合格率100分' });
    const percent = (await library.list({ q: '100%', pageSize: 100 })).items;
    expect(percent.map((i) => i.name)).toContain('合格率100%');
    expect(percent.map((i) => i.name)).not.toContain('合格率100分');
    expect(percent.every((i) => `${i.name}|${i.target}|${i.level2}`.includes('100%'))).toBe(true);
    const quality = await library.list({ frameworkCode: 'mof-2021', level1: '产出指标', level2: '质量指标' });
    expect(quality.items.every((i) => i.frameworkCode === 'mof-2021' && i.level2 === '质量指标')).toBe(true);
    // a name used by a target's rows counts, and comes first
    const org = await seedOrgTree(db.manager);
    await seedTarget(db.manager, { orgId: org.school1, year: 2026, name: '项目', rows: [{ level1: '产出指标', level2: '质量指标', name: '合格率100分', target: '100分' }] });
    const used = await library.list({ frameworkCode: 'mof-2021', level1: '产出指标', level2: '质量指标' });
    expect(used.items[0]).toMatchObject({ name: '合格率100分', usageCount: 1 });
    expect(used.total).toBe(quality.total);
    const page2 = await library.list({ frameworkCode: 'mof-2021', page: 2, pageSize: 1 });
    expect(page2).toMatchObject({ page: 2, pageSize: 1 });
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0].id).not.toBe((await library.list({ frameworkCode: 'mof-2021', page: 1, pageSize: 1 })).items[0].id);
  });

  it('updates and deletes under If-Match (428 without, 412 stale); a missing entry is a 404', async () => {
    const e = await library.create(admin, { frameworkCode: 'mof-2021', level1: '产出指标', level2: '时效指标', name: '按时完成' });
    expect(await refusal(library.update(at('filler'), e.id, '"1"', { name: '改' }))).toMatchObject({ status: 403 });
    expect(await refusal(library.update(admin, e.id, undefined, { name: '改' }))).toMatchObject({ status: 428 });
    expect(await refusal(library.update(admin, e.id, '"2"', { name: '改' }))).toMatchObject({ status: 412 });
    const updated = await library.update(admin, e.id, '"1"', { name: ' 按期完成 ', target: null });
    expect(updated).toMatchObject({ name: '按期完成', target: null, level2: '时效指标', version: 2 });
    expect(await refusal(library.remove(admin, e.id, '"1"'))).toMatchObject({ status: 412 });
    await library.remove(admin, e.id, '"2"');
    expect(await refusal(library.get(e.id))).toMatchObject({ status: 404 });
    expect(await refusal(library.get('not-a-uuid'))).toMatchObject({ status: 404 });
  });
});
