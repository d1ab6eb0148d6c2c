import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, login, logout, openMenu } from './support';

/**
 * 修改密码 as people click (issue 13): an account the administrator created logs in with its initial password and
 * lands on 修改密码 — nothing else opens until the password is changed (a wrong current password and a weak new one
 * show their messages); afterwards the app opens where the user was going. Any user changes its password from the
 * header, and logs in with the new one without being asked again.
 */

/** The administrator creates an account through the API (the clicks of 新增用户 are admin.spec's). */
async function createAccount(page: Page, username: string, password: string): Promise<void> {
  const token = (await (await page.request.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).json()).accessToken as string;
  const headers = { Authorization: `Bearer ${token}` };
  const orgs = (await (await page.request.get('/api/admin/orgs', { headers })).json()) as { code: string; id: string }[];
  const unit = orgs.find((o) => o.code === 'HZB-GZ');
  const res = await page.request.post('/api/admin/users', { headers, data: { username, displayName: '新来的填报人', password, roles: ['filler'], orgId: unit?.id } });
  expect(res.status()).toBe(201);
}

async function fillPasswordForm(page: Page, current: string, next: string, confirm = next): Promise<void> {
  await page.getByTestId('password-current').fill(current);
  await page.getByTestId('password-new').fill(next);
  await page.getByTestId('password-confirm').fill(confirm);
  await page.getByTestId('password-submit').click();
}

test('a new account changes its initial password before anything else; every user changes it from the header', async ({ page }) => {
  const username = `pw${Date.now().toString(36)}`;
  await createAccount(page, username, 'Initial#2027');

  // the first login lands on 修改密码, not in the app
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Initial#2027');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/password/);
  await expect(page.getByTestId('password-forced')).toContainText('请先修改密码');
  await expect(page.getByTestId('current-user')).toHaveCount(0);

  // nothing else opens meanwhile
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/password/);

  // a wrong current password, a weak new one and a mistyped confirmation: each said at its field
  await fillPasswordForm(page, 'Wrong#2027x', 'Fresh#2028ab');
  await expect(page.getByText('当前密码不正确')).toBeVisible();
  await fillPasswordForm(page, 'Initial#2027', 'abcdefgh');
  await expect(page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少三类')).toBeVisible();
  await fillPasswordForm(page, 'Initial#2027', 'Fresh#2028ab', 'Fresh#2028ac');
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();

  // changed: the app opens, with the user's menu
  await fillPasswordForm(page, 'Initial#2027', 'Fresh#2028ab');
  await expect(page.getByTestId('current-user')).toContainText('新来的填报人（填报人）');
  await expect(page.getByTestId('menu-projects')).toBeVisible();
  await openMenu(page, 'menu-projects', /\/projects$/);

  // 修改密码 from the header, for any user: done in place, then the new password logs in without being asked again
  await page.getByTestId('header-password').click();
  await expect(page).toHaveURL(/\/password$/);
  await expect(page.getByTestId('password-forced')).toHaveCount(0);
  await fillPasswordForm(page, 'Fresh#2028ab', 'Second#2028cd');
  await expect(page.getByTestId('password-done')).toContainText('密码已修改');
  await page.getByTestId('password-back').click();
  await logout(page);
  await login(page, username, 'Second#2028cd');
  await expect(page).not.toHaveURL(/\/password/);
  await expect(page.getByTestId('current-user')).toContainText('新来的填报人');
});
