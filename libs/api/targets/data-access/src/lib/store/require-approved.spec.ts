import { ApiHttpException } from '@pt/api/core';
import { requireApproved } from './require-approved';

describe('requireApproved', () => {
  it('lets an approved target through', () => {
    expect(() => requireApproved({ status: 'approved' }, '自评')).not.toThrow();
  });
  it('refuses any other status with 409, the status and what was tried', () => {
    for (const status of ['draft', 'submitted', 'dept_approved', 'returned'] as const) {
      let thrown: unknown;
      try {
        requireApproved({ status, kind: 'project' }, '调整', 'INVALID_TRANSITION');
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ApiHttpException);
      const r = (thrown as ApiHttpException).getResponse() as { code: string; message: string };
      expect((thrown as ApiHttpException).getStatus()).toBe(409);
      expect(r.code).toBe('INVALID_TRANSITION');
      expect(r.message).toMatch(/^项目处于「.+」状态：只有已批复的项目可以调整$/);
    }
  });
  it('names a department or policy target by its kind', () => {
    expect(() => requireApproved({ status: 'draft', kind: 'department' }, '自评')).toThrow(/^部门（单位）整体绩效目标处于「.+」状态：只有已批复的部门（单位）整体绩效目标可以自评$/);
    expect(() => requireApproved({ status: 'submitted', kind: 'policy' }, '填写运行监控')).toThrow(/^政策绩效目标处于「.+」状态：只有已批复的政策绩效目标可以填写运行监控$/);
  });
});
