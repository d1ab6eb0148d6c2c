import { actionLabel, statusColor, statusLabel } from './project-labels';

describe('labels', () => {
  it('names and colours a status', () => {
    expect(statusLabel('dept_approved')).toBe('部门已审');
    expect(statusColor('returned')).toBe('error');
  });

  it.each([
    ['approve', '审核通过'],
    ['return', '退回'],
    ['unknown', 'unknown'],
  ])('names the action %s in Chinese: %s', (action, label) => {
    expect(actionLabel(action)).toBe(label);
  });
});
