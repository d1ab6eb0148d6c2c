import type { ReviewStatus } from './review';
import { allowedActions, nextStatus, reasonRefusal, roleRefusal, stateRefusal, waitingStatuses } from './review';

const who = (...roles: string[]) => ({ roles });
const PROJECT = { label: '项目', actionObject: '' };
const EVALUATION = { label: '自评', actionObject: '自评' };

describe('allowedActions (domain §6)', () => {
  it.each([
    ['filler', 'draft', ['submit']],
    ['filler', 'returned', ['submit']],
    ['filler', 'submitted', ['withdraw']],
    ['filler', 'dept_approved', []],
    ['filler', 'approved', []],
    ['dept_reviewer', 'submitted', ['approve', 'return']],
    ['dept_reviewer', 'dept_approved', []],
    ['dept_reviewer', 'draft', []],
    ['finance_reviewer', 'submitted', []],
    ['finance_reviewer', 'dept_approved', ['approve', 'return']],
    ['finance_reviewer', 'approved', []],
    ['sysadmin', 'submitted', []],
  ] as const)('%s on %s may %j', (role, status, actions) => {
    expect(allowedActions(who(role), status)).toEqual(actions);
  });

  it('a user with both roles gets both sets', () => {
    expect(allowedActions(who('filler', 'dept_reviewer'), 'submitted')).toEqual(['withdraw', 'approve', 'return']);
  });
});

describe('nextStatus', () => {
  it.each([
    ['draft', 'submit', 'submitted'],
    ['returned', 'submit', 'submitted'],
    ['submitted', 'withdraw', 'draft'],
    ['submitted', 'approve', 'dept_approved'],
    ['dept_approved', 'approve', 'approved'],
    ['submitted', 'return', 'returned'],
    ['dept_approved', 'return', 'returned'],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(nextStatus(from as ReviewStatus, action)).toBe(to);
  });
});

describe('waitingStatuses', () => {
  it('each reviewer role waits on its own step; a filler on none', () => {
    expect(waitingStatuses(who('dept_reviewer'))).toEqual(['submitted']);
    expect(waitingStatuses(who('finance_reviewer'))).toEqual(['dept_approved']);
    expect(waitingStatuses(who('dept_reviewer', 'finance_reviewer'))).toEqual(['submitted', 'dept_approved']);
    expect(waitingStatuses(who('filler'))).toEqual([]);
  });
});

describe('refusals', () => {
  it('the role check names the document', () => {
    expect(roleRefusal(PROJECT, who('dept_reviewer'), 'submit')).toEqual({ status: 403, code: 'FORBIDDEN', message: '只有填报人可以提交或撤回' });
    expect(roleRefusal(EVALUATION, who('filler'), 'approve')).toEqual({ status: 403, code: 'FORBIDDEN', message: '只有审核人可以审核通过或退回自评' });
    expect(roleRefusal(PROJECT, who('filler'), 'withdraw')).toBeNull();
    expect(roleRefusal(EVALUATION, who('finance_reviewer'), 'return')).toBeNull();
  });

  it('the state check names the status and the action', () => {
    expect(stateRefusal(PROJECT, who('filler'), 'approved', 'submit')).toEqual({
      status: 409,
      code: 'INVALID_TRANSITION',
      message: '项目处于「已批复」状态，不能提交',
    });
    expect(stateRefusal(EVALUATION, who('finance_reviewer'), 'submitted', 'approve')?.message).toBe('自评处于「已提交」状态，不能审核通过');
    expect(stateRefusal(PROJECT, who('dept_reviewer'), 'submitted', 'return')).toBeNull();
  });

  it('a return needs a reason; other actions do not', () => {
    expect(reasonRefusal('return', null)).toEqual({ status: 400, code: 'VALIDATION_FAILED', message: '退回须填写理由', field: 'comment' });
    expect(reasonRefusal('return', '指标值偏低')).toBeNull();
    expect(reasonRefusal('approve', null)).toBeNull();
  });
});
