import { TestBed } from '@angular/core/testing';
import type { Target } from '@pt/web/projects/data-access';
import { headerFromProject } from './project-form';
import { departmentTarget } from './target-fixtures.testing';
import { TargetKindState } from './target-kind-state';

const department = departmentTarget;

describe('TargetKindState', () => {
  const make = () => TestBed.runInInjectionContext(() => new TargetKindState());

  it('shows a target, and is clean against its own saved signature', () => {
    const s = make();
    const t = department();
    s.reset(t, true, true);
    const header = headerFromProject(t);
    expect(s.tasks.length).toBe(1);
    expect(s.department.controls.budget.controls.total.value).toBe('1,000.00');
    expect(s.signature(header)).toBe(s.savedSignature(t, header));
    expect(s.findings()).toEqual([]);
  });

  it('adds a row after the given one and removes rows, keeping one to type into; typing makes it dirty', () => {
    const s = make();
    const t = department();
    s.reset(t, true, true);
    const header = headerFromProject(t);
    expect(s.addTask(0)).toBe(1);
    // an empty row added is not a change (it is not sent)
    expect(s.signature(header)).toBe(s.savedSignature(t, header));
    s.tasks.at(1).controls.name.setValue('任务二');
    s.tasks.at(1).controls.amount.setValue('700');
    expect(s.signature(header)).not.toBe(s.savedSignature(t, header));
    // the live check: 400 + 700 over the total 1000
    expect(s.findings().map((f) => f.code)).toEqual(['DEPT_TASKS_OVER_TOTAL']);
    expect(s.findingByField().get('department.tasks')?.message).toContain('超过');
    s.removeTask(0);
    s.removeTask(0);
    expect(s.tasks.length).toBe(1);
    expect(s.tasks.at(0).getRawValue()).toEqual({ name: '', content: '', amount: '', fiscal: '', other: '' });
  });

  it("a policy's 中期 rows are its overall goal's, dirty once edited; a read-only target disables the forms", () => {
    const s = make();
    const t = department({
      kind: 'policy',
      department: null,
      policy: { basis: null, startYear: 2025, endYear: 2027, totalFunds: null, annualFunds: null },
      goals: [{ id: 'g0', kind: 'overall', year: null, text: null, indicators: [{ id: 'i1', level1: '产出指标', level2: '数量指标', name: '事项数', core: false, weight: null, target: { raw: '≥300项' } }] }],
      permissions: { edit: false, actions: [] },
    } as unknown as Partial<Target>);
    s.reset(t, true, true);
    expect(s.overallGoalId()).toBe('g0');
    expect(s.overallRows().map((r) => r.name)).toEqual(['事项数']);
    expect(s.overallDirty()).toBe(false);
    s.overallRows.update((rows) => [{ ...rows[0], target: '≥400项' }]);
    expect(s.overallDirty()).toBe(true);
    expect(s.policy.disabled).toBe(true);
  });
});
