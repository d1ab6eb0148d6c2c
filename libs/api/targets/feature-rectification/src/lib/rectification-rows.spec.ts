import type { UserSummary } from '@pt/shared/contracts';
import { toRectification, type RectificationRow } from './rectification-rows';

const row = (status: RectificationRow['status']): RectificationRow => ({
  id: 'r1',
  project_id: 'p1',
  status,
  version: 3,
  problems: '问题',
  requirements: '要求',
  deadline: '2099-06-30',
  feedback: null,
  reason: '绩效自评等级为「中」',
  issued_by_name: '审核人',
  history: [],
  created_at: new Date('2026-12-01T02:00:00Z'),
  target_name: '项目',
  target_year: 2026,
  org_name: '单位',
  org_id: 'o1',
});
const user = (roles: string[]) => ({ id: 'u', username: 'u', displayName: 'u', roles, orgId: 'o1' }) as unknown as UserSummary;

describe('toRectification', () => {
  it('answers the contract\'s shape with what the user may do in the notice\'s state', () => {
    const r = toRectification(user(['filler']), row('returned'));
    expect(r).toMatchObject({ id: 'r1', targetId: 'p1', status: 'returned', version: 3, deadline: '2099-06-30', issuedAt: '2026-12-01T02:00:00.000Z' });
    expect(r.permissions).toEqual({ edit: true, actions: ['submit'] });
    expect(toRectification(user(['dept_reviewer']), row('submitted')).permissions).toEqual({ edit: false, actions: ['approve', 'return'] });
    expect(toRectification(user(['filler']), row('submitted')).permissions).toEqual({ edit: false, actions: [] });
  });
});
