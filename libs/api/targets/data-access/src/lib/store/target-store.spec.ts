import { refusal, seedTarget, startTargetBed, type TargetBed } from '../../testing';
import type { TargetStore } from './target-store';
import { updateHeader } from './target-header';
import { writeHistory } from './target-sql';

describe('TargetStore on the embedded database', () => {
  let bed: TargetBed<'filler' | 'reviewer' | 'otherFiller'>;
  let store: TargetStore;

  beforeAll(async () => {
    bed = await startTargetBed({
      filler: { org: 'school1', roles: ['filler'], name: 'school1-filler' },
      reviewer: { org: 'edu', roles: ['dept_reviewer'], name: 'edu-reviewer' },
      otherFiller: { org: 'hospital', roles: ['filler'], name: 'hospital-filler' },
    });
    store = bed.targets;
  }, 60_000);
  afterAll(() => bed?.db.stop());

  const version = (id: string): Promise<number> => bed.version(id);

  describe('write (the optimistic lock)', () => {
    it('runs the change and bumps the version when If-Match is the current version', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '锁-成功' });
      await store.write(bed.users.filler, id, '"1"', async (m) => {
        await m.query(`UPDATE project SET overview = '改过' WHERE id = $1`, [id]);
      });
      expect(await version(id)).toBe(2);
      expect((await store.get(bed.users.filler, id)).overview).toBe('改过');
    });

    it('refuses a stale version (412) and a missing If-Match (428) without running the change', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '锁-过期' });
      let ran = false;
      const change = async () => {
        ran = true;
      };
      expect(await refusal(store.write(bed.users.filler, id, '"7"', change))).toEqual({ status: 412, code: 'VERSION_CONFLICT', fields: [] });
      expect(await refusal(store.write(bed.users.filler, id, undefined, change))).toEqual({ status: 428, code: 'PRECONDITION_REQUIRED', fields: [] });
      expect(ran).toBe(false);
      expect(await version(id)).toBe(1);
    });

    it('rolls the change back when it fails: nothing half-written, the version kept', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '锁-回滚' });
      await expect(
        store.write(bed.users.filler, id, '1', async (m) => {
          await m.query(`UPDATE project SET overview = '半截' WHERE id = $1`, [id]);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect((await store.get(bed.users.filler, id)).overview).toBeNull();
      expect(await version(id)).toBe(1);
    });

    it('a target of another unit is a 404, written or read', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '锁-别家' });
      expect((await refusal(store.write(bed.users.otherFiller, id, '1', async () => undefined))).status).toBe(404);
      expect((await refusal(store.get(bed.users.otherFiller, id))).status).toBe(404);
      expect((await store.get(bed.users.reviewer, id)).id).toBe(id);
    });
  });

  describe('history', () => {
    it('reads back what writeHistory wrote, oldest first, with the user and the statuses', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '历史' });
      await bed.db.dataSource.transaction(async (m) => {
        await writeHistory(m, id, bed.users.filler, 'submit', 'draft', 'submitted', null);
        await writeHistory(m, id, bed.users.reviewer, 'return', 'submitted', 'returned', '指标值偏低');
      });
      const history = await store.history(bed.users.reviewer, id);
      expect(history.map((h) => [h.user, h.action, h.fromStatus, h.toStatus, h.comment])).toEqual([
        ['school1-filler', 'submit', 'draft', 'submitted', null],
        ['edu-reviewer', 'return', 'submitted', 'returned', '指标值偏低'],
      ]);
    });
  });

  describe('updateHeader', () => {
    it('changes only what differs: the same amount spelt otherwise is no change', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '表头', funds: { total: '500000' } });
      const row = await store.findVisible(bed.users.filler, id);
      const same = await bed.db.dataSource.transaction((m) => updateHeader(m, row, { funds: { total: '500000.00' } }));
      expect(same).toBe(false);
      const changed = await bed.db.dataSource.transaction((m) => updateHeader(m, row, { name: '表头（改）', annualGoal: '年度目标' }));
      expect(changed).toBe(true);
      const p = await store.get(bed.users.filler, id);
      expect([p.name, p.annualGoal, p.funds.total]).toEqual(['表头（改）', '年度目标', '500000.00']);
    });

    it('refuses an empty name and an end before the start (400, the field named)', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '表头-错' });
      const row = await store.findVisible(bed.users.filler, id);
      expect(await refusal(bed.db.dataSource.transaction((m) => updateHeader(m, row, { name: ' ' })))).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['name'] });
      const dates = bed.db.dataSource.transaction((m) => updateHeader(m, row, { startDate: '2027-06-01', endDate: '2027-01-01' }));
      expect(await refusal(dates)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['endDate'] });
    });
  });

  describe('row comments', () => {
    it('stores a comment on a row of this target and refuses a row of another', async () => {
      const mine = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '意见' });
      const other = await seedTarget(bed.db.manager, { orgId: bed.orgs.school2, year: 2027, name: '意见-别家' });
      await bed.db.dataSource.transaction(async (m) => {
        const h = await writeHistory(m, mine.id, bed.users.reviewer, 'return', 'submitted', 'returned', '退回');
        await store.insertRowComments(m, { id: mine.id, kind: 'project' }, h, [{ indicatorId: mine.indicatorIds[0], comment: ' 目标值偏低 ' }], bed.users.reviewer, 'return');
      });
      const p = await store.get(bed.users.filler, mine.id);
      expect(p.reviewComments.map((c) => [c.indicatorName, c.comment, c.user, c.action])).toEqual([['培训人数', '目标值偏低', 'edu-reviewer', 'return']]);
      const wrong = bed.db.dataSource.transaction(async (m) => {
        const h = await writeHistory(m, mine.id, bed.users.reviewer, 'return', 'submitted', 'returned', '退回');
        await store.insertRowComments(m, { id: mine.id, kind: 'project' }, h, [{ indicatorId: other.indicatorIds[0], comment: 'x' }], bed.users.reviewer, 'return');
      });
      expect(await refusal(wrong)).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: ['rowComments[0].indicatorId'] });
    });
  });

  describe('get and getMany', () => {
    it('give the same project, with the permissions of the reader', async () => {
      const { id } = await seedTarget(bed.db.manager, { orgId: bed.orgs.school1, year: 2027, name: '读取', status: 'submitted' });
      const [many] = await store.getMany(bed.users.reviewer, [id]);
      const one = await store.get(bed.users.reviewer, id);
      expect(many).toEqual(one);
      expect(one.permissions).toEqual({ edit: false, actions: ['approve', 'return'] });
      expect((await store.get(bed.users.filler, id)).permissions).toEqual({ edit: false, actions: ['withdraw'] });
      expect(one.indicators.map((i) => i.name)).toEqual(['培训人数', '群众满意']);
    });

    it("agree where the detail's one round trip builds the parts as JSON: review comments, goals and last year's rows", async () => {
      const m = bed.db.manager;
      await seedTarget(m, { orgId: bed.orgs.school1, year: 2040, name: '读取-续' });
      const { id } = await seedTarget(m, { orgId: bed.orgs.school1, year: 2041, name: '读取-续', status: 'returned' });
      const [row] = await m.query(`SELECT i.id, i.name FROM indicator i JOIN project_goal g ON g.id = i.goal_id WHERE g.project_id = $1 AND g.kind = 'annual' ORDER BY i.position LIMIT 1`, [id]);
      await m.query(`INSERT INTO review_comment (project_id, indicator_id, indicator_name, comment, user_name, action, at) VALUES ($1, $2, $3, '偏低', '审核人', 'return', '2031-03-04T05:06:07.123456Z')`, [
        id,
        row.id,
        row.name,
      ]);
      const one = await store.get(bed.users.filler, id);
      const [many] = await store.getMany(bed.users.filler, [id]);
      expect(one).toEqual(many);
      expect(one.reviewComments).toEqual([expect.objectContaining({ indicatorId: row.id, comment: '偏低', at: '2031-03-04T05:06:07.123Z' })]);
      expect(one.goals.map((g) => g.kind)).toEqual(['overall', 'annual']);
      expect(one.indicators[0].history).toEqual(expect.objectContaining({ year: 2040 }));
    });
  });

  describe('findingsOf: 照搬 (COPIED_ROWS)', () => {
    const copied = async (id: string) =>
      (await store.findingsOf(await store.findVisible(bed.users.filler, id))).filter((f) => f.code === 'COPIED_ROWS').map((f) => f.message);

    it("compares with the unit's other targets of the same year, not last year's same-name target nor other years", async () => {
      const m = bed.db.manager;
      const { id } = await seedTarget(m, { orgId: bed.orgs.school1, year: 2030, name: '照搬-本项目' });
      await seedTarget(m, { orgId: bed.orgs.school1, year: 2029, name: '照搬-本项目' });
      await seedTarget(m, { orgId: bed.orgs.school1, year: 2028, name: '照搬-往年别的项目' });
      expect(await copied(id)).toEqual([]);
      await seedTarget(m, { orgId: bed.orgs.school1, year: 2030, name: '照搬-同年别的项目' });
      const found = await copied(id);
      expect(found).toHaveLength(2);
      expect(found.every((msg) => msg.includes('照搬-同年别的项目'))).toBe(true);
    });
  });
});
