import { expect, type Locator, type Page } from '@playwright/test';

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

/** GET an API path with the page's session (a test's check of what the page shows): the parsed answer, 200 expected. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(path, { headers: { Authorization: `Bearer ${await sessionToken(page)}` } });
  expect(res.status(), `GET ${path}`).toBe(200);
  return (await res.json()) as T;
}

/** Open an nz-select, type `typed` first when given (to filter), and click the option whose label is exactly `option`. */
export async function pick(page: Page, select: Locator, option: string, typed?: string): Promise<void> {
  await select.click();
  if (typed) await page.keyboard.type(typed);
  // labels may be padded with whitespace in the DOM
  await page.locator('.ant-select-dropdown .ant-select-item-option', { has: page.getByText(option, { exact: true }) }).first().click();
  await expect(select).toContainText(option);
}

/** A menu entry of the shell (its test id) clicked: its page open at `url`. */
export async function openMenu(page: Page, menu: string, url: RegExp): Promise<void> {
  await page.getByTestId(menu).click();
  await expect(page).toHaveURL(url);
}

/** 添加一行 by the mouse: row `n` with its 一级/二级 picked and its name and 指标值 typed. */
export async function addRow(page: Page, n: number, row: { level1: string; level2: string; name: string; target: string }): Promise<void> {
  await page.getByTestId('add-row').click();
  await pick(page, page.getByTestId(`row-${n}-level1`), row.level1);
  await pick(page, page.getByTestId(`row-${n}-level2`), row.level2);
  await page.getByTestId(`row-${n}-name`).fill(row.name);
  await page.getByTestId(`row-${n}-target`).fill(row.target);
}

/** 提交 on a form page: its button (`button`), the confirmation popover's 提交, then the status tag (`status`) says 已提交. */
export async function submitConfirmed(page: Page, button = 'submit', status = 'project-status'): Promise<void> {
  await page.getByTestId(button).click();
  await page.locator('.ant-popover').getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByTestId(status)).toHaveText('已提交');
}

/** 审核通过 or 退回 on a review page: its button (`action`), the confirmation's OK, then back in the inbox. */
export async function reviewConfirmed(page: Page, action: 'approve' | 'return'): Promise<void> {
  await page.getByTestId(action).click();
  await page.getByTestId('confirm-ok').click();
  await expect(page).toHaveURL(/\/inbox$/);
}
