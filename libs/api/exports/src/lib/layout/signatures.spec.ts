import { chinaDate, signaturesOf } from './signatures';

const step = (action: string, user_name: string, at: string) => ({ action, user_name, at });

describe('signatures from the history', () => {
  it('takes the last submission and the approvals after it; dates in China time', () => {
    const steps = [
      step('create', '张三', '2025-09-01T02:00:00Z'),
      step('submit', '张三', '2025-09-02T17:30:00Z'),
      step('return', '李四', '2025-09-03T02:00:00Z'),
      step('submit', '王五', '2025-09-04T02:00:00Z'),
      step('approve', '李四', '2025-09-05T02:00:00Z'),
      step('approve', '赵六', '2025-09-06T02:00:00Z'),
    ];
    expect(signaturesOf(steps, '')).toEqual({ filler: '王五', fillDate: '2025-09-04', reviewers: '李四、赵六', reviewDate: '2025-09-06' });
    expect(chinaDate('2025-09-02T17:30:00Z')).toBe('2025-09-03');
  });

  it('leaves blanks to sign where the history has nobody; the 自评表 reads its own actions only', () => {
    expect(signaturesOf([step('create', '张三', '2025-09-01T02:00:00Z')], '')).toEqual({ filler: null, fillDate: null, reviewers: null, reviewDate: null });
    const steps = [step('submit', '张三', '2025-09-01T02:00:00Z'), step('approve', '李四', '2025-09-02T02:00:00Z'), step('eval_submit', '王五', '2026-02-01T02:00:00Z')];
    expect(signaturesOf(steps, 'eval_')).toEqual({ filler: '王五', fillDate: '2026-02-01', reviewers: null, reviewDate: null });
    // an adjustment starts a new revision: nobody has signed it yet
    expect(signaturesOf([...steps, step('adjust', '张三', '2026-03-01T02:00:00Z')], '')).toEqual({ filler: null, fillDate: null, reviewers: null, reviewDate: null });
  });
});

describe('the structured review under the signatures (issue 16)', () => {
  const at = (d: string) => `${d}T02:00:00Z`;
  const good = { completeness: '优', relevance: '良', appropriateness: '良', feasibility: '中', overall: '良' } as const;

  it('prints each approval\'s review of the current round, one line per reviewer; a return starts the round again', () => {
    const steps = [
      { action: 'submit', user_name: '张三', at: at('2025-09-01') },
      { action: 'return', user_name: '李四', at: at('2025-09-02'), review: { ...good, overall: '差' } as const },
      { action: 'submit', user_name: '张三', at: at('2025-09-03') },
      { action: 'approve', user_name: '李四', at: at('2025-09-04'), review: good },
      { action: 'approve', user_name: '赵六', at: at('2025-09-05'), review: null },
    ];
    expect(signaturesOf(steps, '').review).toBe('李四：完整性：优；相关性：良；适当性：良；可行性：中；总体：良');
    expect(signaturesOf(steps.slice(0, 2), '').review).toBeUndefined();
  });
});
