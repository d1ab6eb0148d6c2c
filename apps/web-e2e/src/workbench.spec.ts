import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD, login, logout, openMenu, pick, sessionToken, submitConfirmed } from './support';

/**
 * The year as work (issue 16, acceptance 2), as people click: the finance bureau sets a 申报 task with a deadline;
 * the filler's 工作台 shows it; the filler submits; the department reviewer finds it on the 工作台, returns it with a
 * 中 review; the filler reads the reason on the 工作台, fixes and resubmits; the reviewer sees the changed row
 * highlighted and approves it with two others in one batch; the finance bureau approves the three in one batch; the
 * task's progress shows the unit 已完成 (every target of the year approved by the finance bureau: H16a's rule).
 */

/** A year no other story declares for, so that the unit's progress depends on this story alone. */
const YEAR = 2029;
const UNIT = '上海市人民政府驻西宁办事处';
const ROWS = [
  { level1: '产出指标', level2: '数量指标', name: '接待团组数量', target: '≥60个' },
  { level1: '产出指标', level2: '质量指标', name: '公务用车保障率', target: '>=90%' },
  { level1: '效益指标', level2: '社会效益指标', name: '合作交流工作支撑作用', target: '支撑作用明显' },
  { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', target: '≥90%' },
];

/**
 * The date `days` from today in Beijing's calendar, as the date picker takes it (YYYY-MM-DD): the server counts the
 * days left from Beijing's date (the domain's beijingDate), which from 16:00 UTC on is a day ahead of UTC's.
 */
function dayFromNow(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A screenshot of the page once the 工作台 has loaded (its spinner gone), kept with the test's results. */
async function shot(page: Page, path: string): Promise<void> {
  await expect(page.getByTestId('workbench-reload')).toBeEnabled();
  await expect(page.locator('.ant-spin-blur')).toHaveCount(0);
  await page.screenshot({ path, fullPage: true });
}

/** A target of the filler's unit with four valid rows (set-up through the API), submitted unless `draft`. */
async function target(page: Page, name: string, draft: boolean): Promise<string> {
  const headers = { Authorization: `Bearer ${await sessionToken(page)}` };
  const me = await (await page.request.get('/api/auth/me', { headers })).json();
  const created = await page.request.post('/api/projects', { headers, data: { year: YEAR, name, orgId: me.orgId, frameworkCode: 'mof-2021' } });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id as string;
  const put = await page.request.put(`/api/projects/${id}/indicators`, { headers: { ...headers, 'If-Match': '"1"' }, data: { indicators: ROWS } });
  expect(put.status()).toBe(200);
  if (!draft) {
    const version = (await put.json()).version as number;
    const sub = await page.request.post(`/api/projects/${id}/transitions`, { headers: { ...headers, 'If-Match': `"${version}"` }, data: { action: 'submit' } });
    expect(sub.status()).toBe(200);
  }
  return id;
}

/** Each dimension of the structured review graded (its radio group), the overall one last. */
async function grade(page: Page, prefix: string, others: string, overall: string): Promise<void> {
  for (const d of ['completeness', 'relevance', 'appropriateness', 'feasibility']) {
    await page.getByTestId(`${prefix}-${d}`).getByText(others, { exact: true }).click();
  }
  await page.getByTestId(`${prefix}-overall`).getByText(overall, { exact: true }).click();
}

/** The target approved through the API by the page's user (someone else's click, as far as the batch is concerned). */
async function approveMeanwhile(page: Page, id: string): Promise<void> {
  const headers = { Authorization: `Bearer ${await sessionToken(page)}` };
  const version = (await (await page.request.get(`/api/projects/${id}`, { headers })).json()).version as number;
  const res = await page.request.post(`/api/projects/${id}/transitions`, { headers: { ...headers, 'If-Match': `"${version}"` }, data: { action: 'approve' } });
  expect(res.status()).toBe(200);
}

/**
 * In 审核待办: tick the rows of these targets (by the keyboard), then 批量通过 with an all-良 review, confirmed; each
 * reported done — but `stale`, approved meanwhile behind the batch's back, is reported as refused.
 */
async function batchApprove(page: Page, targets: { id: string; name: string }[], stale?: string): Promise<void> {
  await openMenu(page, 'menu-inbox', /\/inbox$/);
  for (const { name } of targets) {
    const row = page.getByTestId('project-row').filter({ hasText: name });
    await expect(row).toBeVisible();
    // the keyboard: the row's checkbox takes the focus, Space ticks it
    await row.getByTestId('select-row').locator('input').focus();
    await page.keyboard.press('Space');
  }
  await expect(page.getByTestId('batch-count')).toHaveText(`已选 ${targets.length} 项`);
  await page.getByTestId('batch-approve').click();
  await grade(page, 'batch-review', '良', '良');
  await page.getByTestId('batch-comment').fill('同意。');
  await page.getByTestId('batch-ok').click();
  await expect(page.getByTestId('batch-confirm')).toContainText(`共 ${targets.length} 个绩效目标`);
  if (stale) await approveMeanwhile(page, stale);
  await page.getByTestId('batch-confirm-ok').click();
  const results = page.getByTestId('batch-results');
  await expect(results).toContainText(stale ? `${targets.length - 1} 项已处理，1 项未处理` : `${targets.length} 项已全部处理`);
  for (const { id } of targets) {
    await expect(page.getByTestId(`batch-result-${id}`)).toContainText(id === stale ? /：(?!已处理).+/ : '：已处理');
  }
  for (const { name } of targets) await expect(page.getByTestId('project-row').filter({ hasText: name })).toHaveCount(0);
}

test('a 申报 task on the 工作台: submit, return with a 中 review, fix, the change highlighted, batch approval, 已完成', async ({ page }, testInfo) => {
  // four people, a dozen screens: one long story (a 2-core machine renders each step in seconds)
  test.setTimeout(600_000);
  const stamp = Date.now();
  const title = `${YEAR} 年度绩效目标申报-${stamp}`;
  const main = `西宁办对口交流项目-${stamp}`;
  const others = [`西宁办接待保障项目-${stamp}`, `西宁办干部培训项目-${stamp}`];
  const deadline = dayFromNow(2);

  // --- czj opens a pasted link to 任务管理: the login page keeps it, and after login there he is
  await page.goto('/tasks');
  await expect(page).toHaveURL(/\/login\?returnUrl=%2Ftasks$/);
  await page.getByLabel('用户名').fill('czj');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/tasks$/);
  await expect(page.getByTestId('menu-workbench')).toBeVisible();

  // --- czj sets the task: 申报, the year, a deadline in two days, the Xining office
  await page.getByTestId('task-add').click();
  await expect(page.getByTestId('task-kind')).toContainText('绩效目标申报');
  await pick(page, page.getByTestId('task-year'), `${YEAR} 年`);
  await page.getByTestId('task-title').fill(title);
  await page.getByTestId('task-deadline').locator('input').fill(deadline);
  await page.keyboard.press('Enter');
  await page.getByTestId('task-orgs').click();
  await page.keyboard.type('西宁');
  await page.locator('.ant-select-item-option', { hasText: UNIT }).first().click();
  await page.getByTestId('task-title').click(); // the options close
  await page.locator('.ant-modal-footer').getByRole('button', { name: /下\s*达/ }).click();
  await expect(page.getByText('任务已下达')).toBeVisible();
  await page.getByTestId('tasks-table').getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/tasks\/[0-9a-f-]{36}$/);
  const taskUrl = page.url();
  const unitRow = page.locator('[data-testid^="progress-row-"]', { hasText: UNIT });
  await expect(unitRow.getByTestId('progress-status')).toHaveText('未开始');
  await logout(page);

  // --- xining: the 工作台 shows the task, two days left, and the reminder
  await login(page, 'xining');
  const task = page.getByTestId('workbench-tasks').getByRole('row', { name: new RegExp(title) });
  await expect(task).toContainText(deadline);
  await expect(task.getByTestId('task-days-left')).toHaveText('剩 2 天');
  await expect(page.getByTestId('workbench-reminders')).toContainText(`即将截止：${title}`);
  const mainId = await target(page, main, true);
  const three = [{ id: mainId, name: main }];
  for (const name of others) three.push({ id: await target(page, name, false), name });
  await page.getByTestId('workbench-reload').click();
  await expect(task.getByTestId('task-status')).toHaveText('填报中');
  await expect(page.getByTestId('menu-workbench-count')).toBeVisible();
  await shot(page, testInfo.outputPath('workbench-filler.png'));
  // the draft to finish, linked from 待办: open it and submit
  await page.getByTestId(`todo-fill-${mainId}`).getByRole('link', { name: main }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${mainId}$`));
  await submitConfirmed(page);
  await logout(page);

  // --- hzb: the 工作台 lists it to review; a 中 overall review cannot approve; returned with the reason
  await login(page, 'hzb');
  await page.getByTestId(`todo-review-${mainId}`).getByRole('link', { name: main }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${mainId}/review$`));
  await grade(page, 'review', '良', '中');
  await expect(page.getByTestId('approve')).toBeDisabled();
  await expect(page.getByTestId('approve-blocked')).toContainText('总体评价为「中」，不能审核通过');
  await page.getByTestId('review-comment').fill('服务对象满意度目标偏低，请提高到95%后重新提交。');
  await page.getByTestId('return').click();
  await expect(page.getByTestId('confirm')).toContainText('总体：中');
  await page.getByTestId('confirm-ok').click();
  await expect(page).toHaveURL(/\/inbox$/);
  await logout(page);

  // --- xining: the reason on the 工作台; fixes the row and resubmits
  await login(page, 'xining');
  const returned = page.getByTestId(`todo-returned-${mainId}`);
  await expect(returned.getByTestId('todo-reason')).toContainText('服务对象满意度目标偏低，请提高到95%后重新提交。');
  await shot(page, testInfo.outputPath('workbench-filler-returned.png'));
  await returned.getByRole('link', { name: main }).click();
  await expect(page.getByTestId('project-status')).toHaveText('已退回');
  await expect(page.getByTestId('history-review')).toContainText('总体：中');
  await page.getByTestId('row-4-target').fill('≥95%');
  await submitConfirmed(page);
  await logout(page);

  // --- hzb: the changed row highlighted since the return; then the three approved in one batch
  await login(page, 'hzb');
  await expect(page.getByTestId('menu-inbox-count')).toBeVisible();
  await shot(page, testInfo.outputPath('workbench-dept-reviewer.png'));
  await page.getByTestId(`todo-review-${mainId}`).getByRole('link', { name: main }).click();
  const changes = page.getByTestId('review-changes');
  await expect(changes).toBeVisible();
  const changed = changes.locator('[data-testid="diff-row"][data-kind="changed"]');
  await expect(changed).toHaveCount(1);
  await expect(changed).toContainText('服务对象满意度');
  await expect(changed.getByTestId('diff-cell-changed')).toContainText('≥95%');
  await page.screenshot({ path: testInfo.outputPath('review-changes.png'), fullPage: true });
  await batchApprove(page, three);
  await logout(page);

  // --- czj: the three in one batch, one of them approved meanwhile (stale: reported, the others proceed); the task's
  // progress shows the unit 已完成, and its export downloads
  await login(page, 'czj');
  await shot(page, testInfo.outputPath('workbench-finance-reviewer.png'));
  await batchApprove(page, three, three[2].id);
  await page.goto(taskUrl);
  await expect(unitRow.getByTestId('progress-status')).toHaveText('已完成');
  await expect(unitRow).toContainText('3 / 3');
  const download = page.waitForEvent('download');
  await page.getByTestId('progress-export').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});
