import type { Dashboard } from '@pt/shared/api-types';

/** Test data of the dashboard specs (not in the library's index: `@pt/web/dashboard/data-access/testing`). */

/** The figures of 2024 as the API returns them: 6 targets of the three kinds, 3 self-evaluated, one red light. */
export const dashboardFixture = (over: Partial<Dashboard> = {}): Dashboard => ({
  year: 2024,
  orgId: null,
  projectCount: 6,
  byKind: [
    { kind: 'project', count: 4 },
    { kind: 'department', count: 1 },
    { kind: 'policy', count: 1 },
  ],
  byStatus: [
    { status: 'draft', count: 1 },
    { status: 'approved', count: 5 },
  ],
  evaluationsByStatus: [
    { status: 'draft', count: 2 },
    { status: 'approved', count: 1 },
  ],
  grades: [
    { grade: '优', count: 1 },
    { grade: '良', count: 2 },
  ],
  scoreBands: [
    { label: '<60', min: 0, max: 60, count: 0 },
    { label: '60–70', min: 60, max: 70, count: 0 },
    { label: '70–80', min: 70, max: 80, count: 0 },
    { label: '80–90', min: 80, max: 90, count: 2 },
    { label: '90–100', min: 90, max: 101, count: 1 },
  ],
  redCount: 1,
  redProjects: [{ id: 'p-red', name: '红灯项目甲', orgName: '杨浦区对口支援办', month: 6 }],
  averageScore: '87.33',
  unitCount: 2,
  unitRanking: [
    { orgId: 'u1', orgName: '单位甲', averageScore: '91.00', count: 1 },
    { orgId: 'u2', orgName: '单位乙', averageScore: '85.50', count: 2 },
  ],
  ...over,
});
