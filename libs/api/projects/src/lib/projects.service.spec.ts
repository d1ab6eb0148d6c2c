import type { UserSummary } from '@pt/shared/contracts';
import { allowedActions } from './projects.service';

const user = (...roles: string[]): UserSummary => ({ id: 'u', username: 'u', displayName: 'U', roles: roles as UserSummary['roles'], orgId: 'o' });

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
    ['sysadmin', 'submitted', []],
  ] as const)('%s on %s may %j', (role, status, actions) => {
    expect(allowedActions(user(role), status)).toEqual(actions);
  });
});
