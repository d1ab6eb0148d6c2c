import type { Target } from '@pt/web/projects/data-access';

/** A 部门整体 target as the API returns it, for the specs of the editor's forms. */
export const departmentTarget = (over: Partial<Target> = {}): Target =>
  ({
    id: 't1',
    kind: 'department',
    year: 2027,
    name: '驻西宁办事处',
    funds: {},
    goals: [],
    permissions: { edit: true, actions: [] },
    department: {
      budget: { total: '1000.00', fiscal: '1000.00', other: null, basic: '600.00', project: '400.00' },
      tasks: [{ name: '任务一', content: null, amount: '400.00', fiscal: '400.00', other: null }],
    },
    policy: null,
    ...over,
  }) as unknown as Target;
