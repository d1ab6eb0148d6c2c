import { refusal, seedTarget, startTargetBed, type TargetBed } from '@pt/api/targets/data-access/testing';
import { DeclarationService } from './declaration.service';

describe('DeclarationService on the embedded database', () => {
  let bed: TargetBed<'filler' | 'dept'>;
  let declarations: DeclarationService;

  beforeAll(async () => {
    bed = await startTargetBed({ filler: { org: 'school1', roles: ['filler'] }, dept: { org: 'edu', roles: ['dept_reviewer'] } });
    declarations = new DeclarationService(bed.targets);
  }, 60_000);
  afterAll(() => bed?.db.stop());

  const base = { year: 2027, frameworkCode: 'mof-2021' };

  it('creates a draft with both goals and its history; a reviewer or another organisation is refused', async () => {
    const p = await declarations.create(bed.users.filler, { ...base, orgId: bed.orgs.school1, name: ' 新项目 ', totalGoal: '总目标', funds: { total: '100' } });
    expect([p.name, p.status, p.version, p.totalGoal, p.funds.total]).toEqual(['新项目', 'draft', 1, '总目标', '100.00']);
    expect(p.goals.map((g) => [g.kind, g.year])).toEqual([
      ['overall', null],
      ['annual', 2027],
    ]);
    expect((await declarations.history(bed.users.filler, p.id)).map((h) => [h.action, h.toStatus])).toEqual([['create', 'draft']]);
    expect(await refusal(declarations.create(bed.users.dept, { ...base, orgId: bed.orgs.school1, name: 'x' }))).toEqual({ status: 403, code: 'FORBIDDEN', fields: [] });
    expect(await refusal(declarations.create(bed.users.filler, { ...base, orgId: bed.orgs.school2, name: 'x' }))).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['orgId'] });
  });

  it('a PATCH that repeats what is stored is no new version; a real change is', async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '修改' });
    expect((await declarations.update(bed.users.filler, id, '1', { name: '修改' })).version).toBe(1);
    const changed = await declarations.update(bed.users.filler, id, '1', { overview: '概况' });
    expect([changed.version, changed.overview]).toEqual([2, '概况']);
    expect(await refusal(declarations.update(bed.users.filler, id, '1', { overview: '再改' }))).toEqual({ status: 412, code: 'VERSION_CONFLICT', fields: [] });
  });

  it('puts a table in the order sent, keeping the ids sent back', async () => {
    const { id, indicatorIds } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '指标表' });
    const p = await declarations.putIndicators(bed.users.filler, id, '1', [
      { level1: '效益指标', level2: '社会效益指标', name: '群众满意', target: '明显提高', id: indicatorIds[1] },
      { level1: '产出指标', level2: '质量指标', name: '合格率', target: '≥95%' },
    ]);
    expect(p.indicators.map((i) => i.name)).toEqual(['群众满意', '合格率']);
    expect(p.indicators[0].id).toBe(indicatorIds[1]);
    expect(p.indicators[1].id).not.toBe(indicatorIds[0]);
  });

  it('edits only a draft or a returned target, deletes only a draft', async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '已提交', status: 'submitted' });
    expect(await refusal(declarations.update(bed.users.filler, id, '1', { overview: 'x' }))).toEqual({ status: 409, code: 'NOT_EDITABLE', fields: [] });
    expect(await refusal(declarations.remove(bed.users.filler, id, '1'))).toEqual({ status: 409, code: 'INVALID_TRANSITION', fields: [] });
    const draft = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '草稿' });
    await declarations.remove(bed.users.filler, draft.id, '1');
    expect((await refusal(declarations.get(bed.users.filler, draft.id))).status).toBe(404);
  });

  it('an adjustment keeps the approved revision; the diff names the changed fields by the catalogue', async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '调整', status: 'approved', funds: { annualOther: '10' } });
    const adjusted = await declarations.adjust(bed.users.filler, id, '1', '预算调减');
    expect([adjusted.revision, adjusted.status]).toEqual([2, 'draft']);
    await declarations.update(bed.users.filler, id, String(adjusted.version), { funds: { annualOther: '20' }, name: '调整后' });
    const revisions = await declarations.revisions(bed.users.filler, id);
    expect(revisions.map((r) => [r.revision, r.current, r.reason])).toEqual([
      [1, false, '预算调减'],
      [2, true, '预算调减'],
    ]);
    const diff = await declarations.diff(bed.users.filler, id, 1);
    expect(diff.fields.map((f) => [f.field, f.label])).toEqual([
      ['name', '项目名称'],
      ['funds.annualOther', '其他资金（年度）'],
    ]);
    expect((await declarations.revision(bed.users.filler, id, 1)).name).toBe('调整');
    expect(await refusal(declarations.revision(bed.users.filler, id, 9))).toEqual({ status: 404, code: 'NOT_FOUND', fields: [] });
  });

  it('copies last year’s same-name table, or says there is none (422)', async () => {
    await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2026, name: '年年有', rows: [{ level1: '产出指标', level2: '数量指标', name: '去年的行', target: '≥1个' }] });
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '年年有', rows: [] });
    expect((await declarations.copyLastYear(bed.users.filler, id, '1')).indicators.map((i) => i.name)).toEqual(['去年的行']);
    const lonely = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '独一份' });
    expect(await refusal(declarations.copyLastYear(bed.users.filler, lonely.id, '1'))).toEqual({ status: 422, code: 'NO_LAST_YEAR_PROJECT', fields: [] });
  });
});
