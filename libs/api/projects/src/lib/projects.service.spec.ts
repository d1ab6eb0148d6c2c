import type { UserSummary } from '@pt/shared/contracts';
import { allowedActions, parseIfMatch } from './projects.service';

const user = (...roles: string[]): UserSummary => ({ id: 'u', username: 'u', displayName: 'U', roles: roles as UserSummary['roles'], orgId: 'o' });

describe('parseIfMatch', () => {
  it.each([
    ['"3"', 3],
    ['W/"3"', 3],
    ['3', 3],
    [' "12" ', 12],
  ])('reads %s as version %d', (h, v) => expect(parseIfMatch(h)).toBe(v));

  it('tells a missing header (undefined → 428) from a malformed one (null → 412)', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('  ')).toBeUndefined();
    expect(parseIfMatch('*')).toBeNull();
    expect(parseIfMatch('"abc"')).toBeNull();
    expect(parseIfMatch('"-1"')).toBeNull();
  });
});

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
