import { COMMON_PASSWORDS, passwordClasses, passwordProblem } from './password-policy';

describe('password policy (等保三级)', () => {
  it('needs 8 to 128 characters', () => {
    expect(passwordProblem('Ab1!xyz')).toBe('密码至少 8 位');
    expect(passwordProblem(`Ab1!${'x'.repeat(125)}`)).toBe('密码最多 128 位');
    expect(passwordProblem(`Ab1!${'x'.repeat(124)}`)).toBeNull();
  });

  it('needs 3 of the 4 classes', () => {
    expect(passwordClasses('abcdefgh')).toBe(1);
    expect(passwordClasses('abcd1234')).toBe(2);
    expect(passwordClasses('Abcd1234')).toBe(3);
    expect(passwordClasses('Abcd123!')).toBe(4);
    expect(passwordProblem('abcd1234xy')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类');
    expect(passwordProblem('abcd12!@xy')).toBeNull();
    expect(passwordProblem('ABCD12!@XY')).toBeNull();
    expect(passwordProblem('Abcdefg!hj')).toBeNull();
  });

  it('refuses the user name inside, whatever the case', () => {
    expect(passwordProblem('Xining#2026', 'xining')).toBe('密码不能包含用户名');
    expect(passwordProblem('Xining#2026', 'hzb')).toBeNull();
    expect(passwordProblem('Xining#2026')).toBeNull();
  });

  it('refuses common passwords that pass the class rule', () => {
    expect(passwordProblem('P@ssw0rd')).toBe('密码过于常见，请换一个');
    expect(passwordProblem('Admin@123')).toBe('密码过于常见，请换一个');
    expect(passwordProblem('Demo@2026')).toBe('密码过于常见，请换一个');
    expect([...COMMON_PASSWORDS].every((p) => p === p.toLowerCase())).toBe(true);
  });
});
