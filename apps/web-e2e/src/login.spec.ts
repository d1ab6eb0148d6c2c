import { expect, test } from '@playwright/test';

test('the server is healthy', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', db: 'up' });
});

test('a visitor without a session lands on the Chinese login page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: '财政项目支出绩效目标管理' })).toBeVisible();
  await expect(page.getByLabel('用户名')).toBeVisible();
  await expect(page.getByLabel('密码')).toBeVisible();
  await expect(page.getByRole('button', { name: /登\s*录/ })).toBeVisible();
});

test('a wrong password shows the error and keeps the user on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('xining');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login$/);
});

test('an empty form is not sent and names the missing fields', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByText('请输入用户名')).toBeVisible();
  await expect(page.getByText('请输入密码')).toBeVisible();
});

test('a demo user logs in, sees the shell with name and role, and logs out', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('xining');
  await page.getByLabel('密码').fill('Demo@2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId('current-user')).toHaveText('西宁办填报人（填报人）');
  await expect(page.getByText('欢迎，西宁办填报人')).toBeVisible();
  await page.getByRole('button', { name: /退出/ }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
});
