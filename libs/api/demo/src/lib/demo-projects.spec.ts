import { REFERENCE_TABLES } from '@pt/domain';
import { DEMO_ORGS, DEMO_USERS } from './demo-orgs';
import { DEMO_PROJECTS, statusAfter } from './demo-projects';

describe('demo projects', () => {
  it('are every reference table, once in its own year', () => {
    const own = DEMO_PROJECTS.filter((d) => d.year === undefined);
    expect(own.map((d) => d.table.id).sort()).toEqual(REFERENCE_TABLES.map((t) => t.id).sort());
  });

  it('add approved projects of the year before, each in its own unit and self-evaluated, for the dashboard', () => {
    const copies = DEMO_PROJECTS.filter((d) => d.year !== undefined);
    expect(copies.length).toBeGreaterThanOrEqual(4);
    for (const d of copies) {
      expect(d.year).toBeLessThan(d.table.year);
      expect(statusAfter(d.steps)).toBe('approved');
      expect(d.evaluation).toBeDefined();
    }
    // one unit each, so the units can be ranked
    expect(new Set(copies.map((d) => d.org)).size).toBe(copies.length);
  });

  it('cover every state of the workflow', () => {
    expect(new Set(DEMO_PROJECTS.map((d) => statusAfter(d.steps)))).toEqual(new Set(['draft', 'submitted', 'dept_approved', 'approved', 'returned']));
  });

  it('belong to demo units whose name matches the table, and are acted on by demo users', () => {
    const users = new Set(DEMO_USERS.map((u) => u.username));
    for (const d of DEMO_PROJECTS) {
      const org = DEMO_ORGS.find((o) => o.code === d.org);
      expect(org?.kind).toBe('unit');
      if (d.year === undefined) expect(org?.name.startsWith(d.table.org)).toBe(true);
      // last year's copies: a unit of the department whose unit the table names
      else expect(org?.parent).toBe(DEMO_ORGS.find((o) => o.kind === 'unit' && d.table.org && o.name.startsWith(d.table.org))?.parent);
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
