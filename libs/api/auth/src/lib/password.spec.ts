import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const h = await hashPassword('Demo@2026');
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$/);
    await expect(verifyPassword('Demo@2026', h)).resolves.toBe(true);
    await expect(verifyPassword('demo@2026', h)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('x')).not.toBe(await hashPassword('x'));
  });

  it('refuses malformed hashes and the dummy hash', async () => {
    await expect(verifyPassword('x', 'plain')).resolves.toBe(false);
    await expect(verifyPassword('', DUMMY_HASH)).resolves.toBe(false);
  });
});
