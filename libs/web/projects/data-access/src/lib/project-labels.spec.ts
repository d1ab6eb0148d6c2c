import { actionLabel, statusColor, statusLabel } from './project-labels';

describe('labels', () => {
  it('names statuses and actions in Chinese', () => {
    expect(statusLabel('dept_approved')).toBe('部门已审');
    expect(statusColor('returned')).toBe('error');
    expect(actionLabel('approve')).toBe('审核通过');
    expect(actionLabel('return')).toBe('退回');
    expect(actionLabel('unknown')).toBe('unknown');
  });
});
