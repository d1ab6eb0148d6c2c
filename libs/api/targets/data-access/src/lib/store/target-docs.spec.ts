import type { Target, UserSummary } from '@pt/shared/contracts';
import { seedTarget, startTargetBed, type TargetBed } from '../../testing';
import { TargetDocs } from './target-docs';
import { replaceIndicators } from './target-sql';

/**
 * The kept details are never stale: each kind of write — made in SQL, as a script or another instance would — is seen
 * by the next answer, which is then the store's own detail.
 */
describe('TargetDocs on the embedded database', () => {
  let bed: TargetBed<'filler' | 'reviewer' | 'otherFiller'>;
  let docs: TargetDocs;
  let built: jest.SpyInstance;

  beforeAll(async () => {
    bed = await startTargetBed({
      filler: { org: 'school1', roles: ['filler'] },
      reviewer: { org: 'edu', roles: ['dept_reviewer'] },
      otherFiller: { org: 'hospital', roles: ['filler'] },
    });
    docs = new TargetDocs(bed.targets);
    built = jest.spyOn(bed.targets, 'getStamped');
  }, 60_000);
  afterAll(() => bed?.db.stop());

  const sql = (text: string, params: unknown[] = []) => bed.db.manager.query(text, params);
  const answer = async (user: UserSummary, id: string): Promise<(Target & { etag: number }) | null> => {
    const a = await docs.answer(user, id);
    return a && { ...(JSON.parse(a.body.toString('utf8')) as Target), etag: a.version };
  };
  /** The answer, checked against the store's own detail, and whether it was built (true) or kept (false). */
  const read = async (id: string, user = bed.users.filler): Promise<{ doc: Target; built: boolean }> => {
    built.mockClear();
    const a = await answer(user, id);
    const wasBuilt = built.mock.calls.length > 0;
    const { etag, ...doc } = a as Target & { etag: number };
    expect(doc).toEqual(await bed.targets.get(user, id));
    expect(etag).toBe(doc.version);
    return { doc, built: wasBuilt };
  };

  it('keeps an answer until the target changes, and gives each asker their own permissions', async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '留存-权限' });
    expect((await read(id)).built).toBe(true);
    const again = await read(id);
    expect(again.built).toBe(false);
    expect(again.doc.permissions.edit).toBe(true);
    const reviewer = await read(id, bed.users.reviewer);
    expect(reviewer.built).toBe(false);
    expect(reviewer.doc.permissions.edit).toBe(false);
  });

  it('refuses a target the asker may not see, kept or not, and one of another kind on the projects path', async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '留存-可见' });
    await read(id);
    expect(await answer(bed.users.otherFiller, id)).toBeNull();
    // an administrator of the finance bureau (which sees every unit's targets) sees none (三员分立)
    expect(await answer({ ...bed.users.reviewer, orgId: bed.orgs.finance, roles: ['sysadmin'] }, id)).toBeNull();
    expect(await docs.answer(bed.users.filler, id, 'department')).toBeNull();
    expect(await answer(bed.users.filler, '00000000-0000-4000-8000-000000000000')).toBeNull();
    expect(await answer(bed.users.filler, 'not-a-uuid')).toBeNull();
  });

  it('sees a change of the row, of its rows and of its review comments', async () => {
    const { id, indicatorIds } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '留存-写' });
    await read(id);
    await sql(`UPDATE project SET overview = '改过的概况' WHERE id = $1`, [id]);
    const header = await read(id);
    expect(header.built).toBe(true);
    expect(header.doc.overview).toBe('改过的概况');

    await sql(`UPDATE indicator SET name = '改过的指标' WHERE id = $1`, [indicatorIds[0]]);
    expect((await read(id)).doc.indicators[0].name).toBe('改过的指标');

    const annual = (await read(id)).doc.goals.find((g) => g.kind === 'annual');
    await replaceIndicators(bed.db.manager, annual?.id as string, [{ level1: '产出指标', level2: '数量指标', name: '只剩一行', target: '≥1个' }]);
    expect((await read(id)).doc.indicators.map((i) => i.name)).toEqual(['只剩一行']);

    await sql(`INSERT INTO review_comment (project_id, comment, user_name, action) VALUES ($1, '请补充依据', 'edu-reviewer', 'return')`, [id]);
    expect((await read(id)).doc.reviewComments.map((c) => c.comment)).toEqual(['请补充依据']);
    await sql(`DELETE FROM review_comment WHERE project_id = $1`, [id]);
    expect((await read(id)).doc.reviewComments).toEqual([]);
  });

  it("sees its unit's and department's new names", async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school2, year: 2027, name: '留存-改名' });
    const user = { ...bed.users.filler, orgId: bed.orgs.school2 };
    await read(id, user);
    await sql(`UPDATE org SET name = '第二中学（新）' WHERE id = $1`, [bed.orgs.school2]);
    expect((await read(id, user)).doc.orgName).toBe('第二中学（新）');
    await sql(`UPDATE org SET name = '教育局（新）' WHERE id = $1`, [bed.orgs.edu]);
    expect((await read(id, user)).doc.departmentName).toBe('教育局（新）');
  });

  it("sees last year's same-name target appear, change and go (the rows' 上年 values)", async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2028, name: '留存-上年' });
    expect((await read(id)).doc.indicators[0].history).toBeNull();
    const last = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '留存-上年', status: 'approved' });
    expect((await read(id)).doc.indicators[0].history).toEqual({ year: 2027, target: '≥100人', actual: null });
    await sql(`UPDATE indicator SET target_raw = '≥120人' WHERE id = $1`, [last.indicatorIds[0]]);
    expect((await read(id)).doc.indicators[0].history?.target).toBe('≥120人');
    await sql(`UPDATE project SET name = '留存-上年（改名）' WHERE id = $1`, [last.id]);
    expect((await read(id)).doc.indicators[0].history).toBeNull();
  });

  it("sees last year's self-evaluation (the 上年 actual) and which of two same-name targets of last year counts", async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2030, name: '留存-自评' });
    const approved = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2029, name: '留存-自评', status: 'approved' });
    await read(id);
    const items = (actual: string) => JSON.stringify([{ indicatorId: approved.indicatorIds[0], actual, actualUnit: '人' }]);
    await sql(
      `INSERT INTO project_evaluation (project_id, annual_budget, executed, items, execution_rate, execution_score, indicator_score, total_score, grade)
       VALUES ($1, '100.00', '90.00', $2::jsonb, '90.00', '9.00', '85.00', '94.00', '优')`,
      [approved.id, items('95')],
    );
    expect((await read(id)).doc.indicators[0].history?.actual).toBe('95人');
    await sql(`UPDATE project_evaluation SET items = $2::jsonb WHERE project_id = $1`, [approved.id, items('97')]);
    expect((await read(id)).doc.indicators[0].history?.actual).toBe('97人');

    // a second same-name target of last year, not approved: the approved one still counts; approved and changed
    // later, it counts (the next-year trigger on its status)
    const other = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2029, name: '留存-自评', rows: [{ level1: '产出指标', level2: '数量指标', name: '培训人数', target: '≥200人' }] });
    expect((await read(id)).doc.indicators[0].history?.target).toBe('≥100人');
    await sql(`UPDATE project SET status = 'approved', updated_at = now() + interval '1 minute' WHERE id = $1`, [other.id]);
    expect((await read(id)).doc.indicators[0].history).toEqual({ year: 2029, target: '≥200人', actual: null });
  });

  it("sees a department target's 年度主要任务 added and changed", async () => {
    const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2031, name: '留存-部门整体' });
    await sql(`UPDATE project SET kind = 'department' WHERE id = $1`, [id]);
    expect((await read(id)).doc.department?.tasks).toEqual([]);
    await sql(`INSERT INTO department_task (project_id, position, name, amount) VALUES ($1, 0, '教学设备更新', '50000.00')`, [id]);
    expect((await read(id)).doc.department?.tasks.map((t) => t.name)).toEqual(['教学设备更新']);
    await sql(`UPDATE department_task SET name = '教学设备更新（调整）' WHERE project_id = $1`, [id]);
    expect((await read(id)).doc.department?.tasks.map((t) => t.name)).toEqual(['教学设备更新（调整）']);
  });
});
