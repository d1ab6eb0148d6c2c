import { orderAsTree } from './orgs-admin.service';

const row = (id: string, code: string, kind: 'finance' | 'department' | 'unit', parent_id: string | null) => ({
  id,
  code,
  name: `机构${code}`,
  kind,
  parent_id,
  created_at: '2026-01-01T00:00:00Z',
  user_count: '2',
});

describe('orderAsTree', () => {
  it('lists each organisation before its children, children by code, with their depth', () => {
    const out = orderAsTree([
      row('u2', '0102', 'unit', 'd1'),
      row('d1', '01', 'department', 'f'),
      row('u1', '0101', 'unit', 'd1'),
      row('f', '00', 'finance', null),
      row('d2', '02', 'department', 'f'),
    ]);
    expect(out.map((o) => [o.id, o.depth])).toEqual([
      ['f', 0],
      ['d1', 1],
      ['u1', 2],
      ['u2', 2],
      ['d2', 1],
    ]);
    expect(out[0]).toMatchObject({ parentId: null, userCount: 2, createdAt: '2026-01-01T00:00:00.000Z' });
  });

  it('keeps an organisation whose parent is missing, as a root, and one caught in a cycle', () => {
    const out = orderAsTree([row('a', '01', 'department', 'gone'), row('x', '10', 'unit', 'y'), row('y', '11', 'unit', 'x')]);
    expect(out.map((o) => o.id).sort()).toEqual(['a', 'x', 'y']);
    expect(out.find((o) => o.id === 'a')?.depth).toBe(0);
  });
});
