import { expect, type Page } from '@playwright/test';

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Demo@2026';

/** Log in through the login page, as a person types, and wait for the shell. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** 退出 in the header, back on the login page. */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退\s*出/ }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** The bearer token of the page's session (kept in sessionStorage by the web app), for API calls of a test's setup. */
export async function sessionToken(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    const raw = Object.keys(sessionStorage).map((k) => sessionStorage.getItem(k) ?? '').find((v) => v.includes('accessToken')) ?? '{}';
    return (JSON.parse(raw) as { accessToken?: string }).accessToken ?? null;
  });
  expect(token).toBeTruthy();
  return token as string;
}
