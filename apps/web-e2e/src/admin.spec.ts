import { expect, test } from '@playwright/test';
import { login, logout, openMenu } from './support';

/**
 * 系统管理 as people click: the administrator sees the organisation tree, creates a filler in a unit
 * (a duplicate username shows the server's message), and the new user logs in — changing the initial password
 * first — without the admin menu.
 */

test('the administrator creates a filler in a unit; the new user logs in', async ({ page }) => {
  const username = `gz${Date.now().toString(36)}`;

  await login(page, 'admin');
  await openMenu(page, 'menu-admin', /\/admin\/users$/);
  await expect(page.getByTestId('user-row-xining')).toContainText('西宁办填报人');
  await expect(page.getByTestId('user-row-xining')).toContainText('填报人');

  // the organisation tree, with kinds
  await page.getByTestId('admin-nav-orgs').click();
  await expect(page).toHaveURL(/\/admin\/orgs$/);
  await expect(page.getByTestId('org-row-CZJ').getByTestId('org-kind')).toHaveText('财政局');
  await expect(page.getByTestId('org-row-HZB-GZ').getByTestId('org-kind')).toHaveText('预算单位');

  // a new user: first with a taken username (the server's 409 message shows), then a free one
  await page.getByTestId('admin-nav-users').click();
  await page.getByTestId('user-add').click();
  await page.getByTestId('user-form-username').fill('xining');
  await page.getByTestId('user-form-display-name').fill('广州办填报人');
  await page.getByTestId('user-form-password').fill('Guangzhou2027');
  await expect(page.getByTestId('user-form-roles').getByLabel('填报人')).toBeChecked();
  await page.getByTestId('user-form-org').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '上海市人民政府驻广州办事处' }).first().click();
  await expect(page.getByTestId('user-form-org')).toContainText('上海市人民政府驻广州办事处');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('user-form-error')).toContainText('用户名「xining」已被使用');

  await page.getByTestId('user-form-username').fill(username);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByTestId('user-form')).toBeHidden();
  const row = page.getByTestId(`user-row-${username}`);
  await expect(row).toContainText('广州办填报人');
  await expect(row).toContainText('上海市人民政府驻广州办事处');
  await expect(row.getByTestId('user-status')).toHaveText('正常');

  // search finds it
  await page.getByTestId('users-search').fill(username);
  await page.getByTestId('users-search').press('Enter');
  await expect(page.locator('[data-testid^="user-row-"]')).toHaveCount(1);

  await logout(page);
  // the initial password is the administrator's: the new user changes it first (修改密码), then the app opens
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Guangzhou2027');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/password/);
  await page.getByTestId('password-current').fill('Guangzhou2027');
  await page.getByTestId('password-new').fill('Guangzhou#2028');
  await page.getByTestId('password-confirm').fill('Guangzhou#2028');
  await page.getByTestId('password-submit').click();
  await expect(page.getByTestId('current-user')).toContainText('广州办填报人（填报人）');
  await expect(page.getByTestId('menu-admin')).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page).not.toHaveURL(/\/admin/);
});
