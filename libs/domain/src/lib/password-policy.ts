/**
 * The password policy of the 等保三级 profile: 8–128 characters from at least 3 of the 4 classes (lower case,
 * upper case, digits, other characters), not containing the user name, not a commonly used password.
 * (Not one of the last 5 is checked by the server against the stored history.)
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const PASSWORD_HISTORY = 5;
export const PASSWORD_POLICY_TEXT = `密码 ${PASSWORD_MIN}–${PASSWORD_MAX} 位，须包含大写字母、小写字母、数字、符号中的至少三类，不能包含用户名，不能是常见密码，不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`;

/** Commonly used passwords (compared without case), including the ones that pass the class rule. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [
    'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'p@ssword1', 'p@ssw0rd1', 'p@55w0rd', 'pa$$w0rd',
    'admin123', 'admin@123', 'admin1234', 'admin12345', 'administrator', 'root1234', 'root@123', 'qwerty123', 'qwerty@123', 'qwe123!@#',
    'qwertyuiop', 'qazwsx123', '1qaz2wsx', '1qaz@wsx', '1qaz!qaz', 'zaq12wsx', 'abc12345', 'abc@1234', 'abcd1234', 'abcd@1234',
    'aa123456', 'a1234567', 'a12345678', 'a123456789', '12345678', '123456789', '1234567890', '11111111', '88888888', '66666666',
    'iloveyou1', 'welcome1', 'welcome@1', 'welcome123', 'letmein1', 'changeme', 'changeme1', 'sunshine1', 'football1', 'monkey123',
    'test1234', 'test@123', 'test@1234', 'user1234', 'user@123', 'guest123', 'china123', 'china@123', 'beijing123', 'shanghai123',
    'woaini1314', 'woaini520', 'huawei123', 'huawei@123', 'abc123456', 'abc123!@#', 'asdf1234', 'asdfghjkl', 'zxcvbnm123', 'q1w2e3r4',
    'q1w2e3r4t5', '1q2w3e4r', '1q2w3e4r5t', 'demo@2026', 'demo2026', 'summer2026', 'winter2026', 'spring2026', 'autumn2026', 'company1',
  ].map((p) => p.toLowerCase()),
);

export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

/** What is wrong with a password under the policy (in Chinese), or null. */
export function passwordProblem(password: string, username?: string | null): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少 ${PASSWORD_MIN} 位`;
  if (password.length > PASSWORD_MAX) return `密码最多 ${PASSWORD_MAX} 位`;
  if (passwordClasses(password) < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && username.length >= 2 && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return '密码过于常见，请换一个';
  return null;
}
