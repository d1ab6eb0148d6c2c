import { HISTORY_ACTION_LABELS, historyActionLabel, PROJECT_STATUSES, statusLabel, TRANSITION_ACTIONS } from './labels';

describe('workflow labels', () => {
  it('label every status and every action, each with its own text', () => {
    expect(PROJECT_STATUSES.map(statusLabel)).toEqual(['草稿', '已提交', '部门已审', '已批复', '已退回']);
    for (const a of TRANSITION_ACTIONS) {
      expect(historyActionLabel(a)).not.toBe(a);
      expect(historyActionLabel(`eval_${a}`)).not.toBe(`eval_${a}`);
    }
    expect(new Set(Object.values(HISTORY_ACTION_LABELS)).size).toBe(Object.keys(HISTORY_ACTION_LABELS).length);
    expect(historyActionLabel('eval_deduct')).toBe('自评扣分');
  });

  it('shows an unknown value as it is, and nothing for none', () => {
    expect(statusLabel('archived')).toBe('archived');
    expect(historyActionLabel('x')).toBe('x');
    expect(statusLabel(null)).toBe('');
    expect(historyActionLabel(undefined)).toBe('');
  });
});
