import { REFERENCE_TABLES } from '@pt/domain';
import { DEMO_ORGS, DEMO_USERS } from './demo-orgs';
import { DEMO_PROJECTS, statusAfter } from './demo-projects';

describe('demo projects', () => {
  it('are every reference table, once', () => {
    expect(DEMO_PROJECTS.map((d) => d.table.id).sort()).toEqual(REFERENCE_TABLES.map((t) => t.id).sort());
  });

  it('cover every state of the workflow', () => {
    expect(new Set(DEMO_PROJECTS.map((d) => statusAfter(d.steps)))).toEqual(new Set(['draft', 'submitted', 'dept_approved', 'approved', 'returned']));
  });

  it('belong to demo units whose name matches the table, and are acted on by demo users', () => {
    const users = new Set(DEMO_USERS.map((u) => u.username));
    for (const d of DEMO_PROJECTS) {
      const org = DEMO_ORGS.find((o) => o.code === d.org);
      expect(org?.kind).toBe('unit');
      expect(org?.name.startsWith(d.table.org)).toBe(true);
      expect(users.has(d.filler)).toBe(true);
      for (const s of d.steps) expect(users.has(s.user)).toBe(true);
    }
  });

  it('statusAfter follows the workflow', () => {
    expect(statusAfter([])).toBe('draft');
    expect(statusAfter([{ user: 'x', action: 'submit' }, { user: 'h', action: 'approve' }])).toBe('dept_approved');
    expect(statusAfter([{ user: 'x', action: 'submit' }, { user: 'h', action: 'return', comment: 'r' }])).toBe('returned');
  });
});
