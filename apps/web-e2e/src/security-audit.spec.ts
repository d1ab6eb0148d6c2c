import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD, login, logout, openMenu } from './support';

/**
 * 三员分立 as people click: the 安全管理员 sees the live sessions and the locked user names; five wrong passwords
 * lock `ypb` (the sixth attempt is refused even with the right password), the 安全管理员 unlocks it and `ypb` logs
 * in again; the 审计管理员 finds the failed logins in the audit log and checks the hash chain.
 */

/** One attempt on the login page; resolves with the HTTP status of the login request. */
async function tryLogin(page: Page, username: string, password: string): Promise<number> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  return (await answer).status();
}

test('the security administrator unlocks a user locked by wrong passwords; the audit administrator sees it in the log', async ({ page }) => {
  // 安全管理员: only the security menu, no projects; its own session is listed, nothing is locked
  await login(page, 'security');
  await expect(page.getByTestId('current-user')).toContainText('安全管理员');
  await expect(page.getByTestId('menu-security')).toBeVisible();
  await expect(page.getByTestId('menu-projects')).toHaveCount(0);
  await expect(page.getByTestId('menu-library')).toHaveCount(0);
  await expect(page.getByTestId('menu-audit')).toHaveCount(0);
  await expect(page.getByTestId('menu-admin')).toHaveCount(0);
  await openMenu(page, 'menu-security', /\/security$/);
  const own = page.locator('[data-testid="session-row"][data-username="security"]');
  await expect(own.first()).toBeVisible();
  await expect(own.first()).toContainText('本人');
  await expect(page.locator('[data-testid="lockout-row"][data-username="ypb"]')).toHaveCount(0);
  await expect(page.getByTestId('lockouts-empty')).toBeVisible();
  // the audit log is not for the 安全管理员
  await page.goto('/audit');
  await expect(page).not.toHaveURL(/\/audit/);
  await logout(page);

  // five wrong passwords for ypb; the sixth attempt is refused even with the right one
  for (let i = 1; i <= 5; i++) {
    expect(await tryLogin(page, 'ypb', `Wrong@${i}x`)).toBe(401);
    await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
  }
  expect(await tryLogin(page, 'ypb', DEMO_PASSWORD)).toBe(429);
  await expect(page.getByTestId('login-error')).toContainText('登录失败次数过多，账号已暂时锁定');
  await expect(page).toHaveURL(/\/login$/);

  // the 安全管理员 sees ypb locked and unlocks it
  await login(page, 'security');
  await page.getByTestId('menu-security').click();
  const locked = page.locator('[data-testid="lockout-row"][data-username="ypb"]');
  await expect(locked).toBeVisible();
  await expect(locked).toContainText('5');
  await locked.getByTestId('unlock').click();
  await expect(locked).toHaveCount(0);
  await logout(page);

  // ypb logs in again
  await login(page, 'ypb');
  await expect(page.getByTestId('current-user')).toContainText('主管部门审核人');
  await expect(page.getByTestId('menu-projects')).toBeVisible();
  await expect(page.getByTestId('menu-security')).toHaveCount(0);
  await logout(page);

  // 审计管理员: the failed logins of ypb under 登录与退出, and an intact hash chain
  await login(page, 'auditor');
  await expect(page.getByTestId('menu-security')).toHaveCount(0);
  await expect(page.getByTestId('menu-projects')).toHaveCount(0);
  await openMenu(page, 'menu-audit', /\/audit$/);
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await page.getByTestId('audit-filter-event').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option').filter({ hasText: '登录与退出' }).click();
  await expect(page.getByTestId('audit-filter-event')).toContainText('登录与退出');
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  // only auth.* events once the filter applies
  await expect(page.locator('[data-testid="audit-row"]:not([data-event^="auth."])')).toHaveCount(0);
  const failed = page.locator('[data-testid="audit-row"][data-event="auth.login"][data-result="failed"]').filter({ hasText: 'ypb' });
  await expect(failed).toHaveCount(5);
  await expect(failed.first().getByTestId('audit-event')).toHaveText('登录');
  await expect(failed.first().getByTestId('audit-result')).toHaveText('失败');
  await expect(failed.first().getByTestId('audit-time')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/);
  const refused = page.locator('[data-testid="audit-row"][data-event="auth.login"][data-result="denied"]').filter({ hasText: 'ypb' });
  await expect(refused.first().getByTestId('audit-result')).toHaveText('拒绝');
  // the newest failure's details: the fifth failure
  await failed.first().locator('.ant-table-row-expand-icon').click();
  await expect(page.getByTestId('audit-details').filter({ hasText: '"failures": 5' })).toBeVisible();

  // the user-name filter narrows to ypb
  await page.getByTestId('audit-filter-username').fill('ypb');
  await page.getByTestId('audit-filter-username').press('Enter');
  await expect(page.locator('[data-testid="audit-row"]:not(:has([data-testid="audit-user"]:text-is("ypb")))')).toHaveCount(0);
  await expect(failed).toHaveCount(5);

  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('audit-verify-result');
  await expect(result).toContainText('哈希链完整');
  await expect(result).toHaveAttribute('data-ok', 'true');

  // 安全管理 is not for the 审计管理员
  await page.goto('/security');
  await expect(page).not.toHaveURL(/\/security/);
});
