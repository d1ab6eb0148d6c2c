import { expect, test, type Download, type Page } from '@playwright/test';
import { apiGet, login, logout, openMenu, pick, reviewConfirmed, submitConfirmed } from './support';

/**
 * Issue 15, acceptance 2: a unit declares its 部门（单位）整体 target (a second one for the same year is refused with a
 * link to the first), the department reviewer returns it with a row comment, the unit fixes it, the department and
 * the finance reviewers approve, the unit exports it as PDF and Word; the finance reviewer opens the target-setting
 * report and sees the unit counted.
 */

const UNIT = '上海市人民政府驻西宁办事处';
const YEAR = 2027;

/** 添加一行 by the mouse: row `n` with its 一级/二级 picked and its name and 指标值 typed. */
async function addRow(page: Page, n: number, row: { level1: string; level2: string; name: string; target: string }): Promise<void> {
  await page.getByTestId('add-row').click();
  await pick(page, page.getByTestId(`row-${n}-level1`), row.level1);
  await pick(page, page.getByTestId(`row-${n}-level2`), row.level2);
  await page.getByTestId(`row-${n}-name`).fill(row.name);
  await page.getByTestId(`row-${n}-target`).fill(row.target);
}

/** The unit's 部门整体 target of the year in the list (kind filter), opened. */
async function openDepartmentTarget(page: Page, menu: 'menu-projects' | 'menu-inbox'): Promise<void> {
  await page.getByTestId(menu).click();
  await expect(page.getByTestId('project-row').first()).toBeVisible();
  await pick(page, page.getByTestId('filter-kind'), '部门（单位）整体');
  await expect(page).toHaveURL(/kind=department/);
  // the list reloaded with the filter: every row is a 部门整体 target
  await expect(page.getByTestId('project-kind').filter({ hasNotText: '部门（单位）整体' })).toHaveCount(0);
  const row = page.getByTestId('project-row').filter({ hasText: UNIT }).filter({ has: page.getByRole('cell', { name: String(YEAR), exact: true }) });
  await expect(row.getByTestId('project-kind')).toHaveText('部门（单位）整体');
  await row.getByTestId('project-name').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}(\/review)?$/);
}

/** 导出 on the target's page, then one of its entries, as a user clicks: the browser's download. */
async function exportAs(page: Page, item: string): Promise<Download> {
  await page.getByTestId('export-menu').click();
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByTestId(item).click();
  return download;
}

async function expectFile(download: Download, ext: string, magic: string): Promise<void> {
  expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
}

test('a unit declares its 部门整体 target through return, fix, both approvals, export and the report', async ({ page }) => {
  test.setTimeout(600_000);

  // --- xining chooses the kind first; the demo already has the unit's 2025 target: 409 with a link to it
  await login(page, 'xining');
  await openMenu(page, 'menu-projects', /\/projects/);
  await page.getByTestId('new-project').click();
  await expect(page).toHaveURL(/\/projects\/new/);
  await page.getByTestId('create-kind-department').click();
  await expect(page.getByTestId('create-org')).toContainText(UNIT);
  // the name follows the unit
  await expect(page.getByTestId('create-name')).toHaveValue(UNIT);
  await pick(page, page.getByTestId('create-year'), '2025 年');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('create-error')).toContainText('已存在');
  await expect(page.getByTestId('create-existing')).toBeVisible();

  await pick(page, page.getByTestId('create-year'), `${YEAR} 年`);
  await page.getByTestId('create-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('project-title')).toHaveText(UNIT);
  await expect(page.getByTestId('project-status')).toHaveText('草稿');

  // --- 年度预算申请: typed with separators; the live check names the total that does not add up
  await page.getByTestId('dept-budget-total').fill('5,925,000');
  await page.getByTestId('dept-budget-fiscal').fill('5800000');
  await page.getByTestId('dept-budget-other').fill('125000');
  await page.getByTestId('dept-budget-basic').fill('4000000');
  await page.getByTestId('dept-budget-project').fill('1900000');
  await expect(page.getByTestId('hint-department.budget.total')).toContainText('基本支出');
  await page.getByTestId('dept-budget-project').fill('1925000');
  await expect(page.getByTestId('hint-department.budget.total')).toHaveCount(0);
  await expect(page.getByTestId('dept-sum-nature')).toContainText('5,925,000.00');

  // --- 年度主要任务 by keyboard: Tab through a row, Enter opens the next one
  const tasks = page.getByTestId('dept-task-row');
  await tasks.nth(0).getByTestId('task-name').fill('对口支援协调');
  await page.keyboard.press('Tab');
  await page.keyboard.type('协调对口地区支援项目的实施与考核');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1200000');
  await page.keyboard.press('Tab');
  await page.keyboard.type('1200000');
  await page.keyboard.press('Enter');
  await expect(tasks).toHaveCount(2);
  await expect(tasks.nth(1).getByTestId('task-name')).toBeFocused();
  await page.keyboard.type('干部人才交流');
  await page.keyboard.press('Tab');
  await page.keyboard.type('组织援派干部培训与交流');
  await page.keyboard.press('Tab');
  await page.keyboard.type('725,000');
  await expect(page.getByTestId('task-sum')).toHaveText('1,925,000.00');
  await page.getByTestId('field-annualGoal').fill('完成对口支援协调与干部交流任务，保障办事处正常运转。');

  // --- the three-level table
  await addRow(page, 1, { level1: '产出指标', level2: '数量指标', name: '对口支援项目协调数', target: '≥20个' });
  await addRow(page, 2, { level1: '产出指标', level2: '质量指标', name: '项目按期完成率', target: '≥90%' });
  await addRow(page, 3, { level1: '效益指标', level2: '社会效益指标', name: '对口地区发展能力', target: '明显提升' });
  await addRow(page, 4, { level1: '满意度指标', level2: '服务对象满意度指标', name: '受援地区满意度', target: '≥90%' });
  // the server's findings are those of the last save (the empty draft's missing total) until it is saved again
  await expect(page.getByTestId('findings-panel')).toContainText('请填写年度预算申请的资金总额');

  await page.getByTestId('save').click();
  await expect(page.getByText(/已保存（版本 \d+）/)).toBeVisible();
  await expect(page.getByTestId('dirty')).toHaveCount(0);
  await expect(page.getByTestId('findings-ok')).toBeVisible();
  // what was typed is what was saved: the amounts come back with separators, the rows in order
  await page.reload();
  await expect(page.getByTestId('dept-budget-total')).toHaveValue('5,925,000.00');
  await expect(page.getByTestId('dept-task-row').nth(1).getByTestId('task-amount')).toHaveValue('725,000.00');
  await expect(page.getByTestId('row-4-name')).toHaveValue('受援地区满意度');

  await page.getByTestId('submit').click();
  await page.locator('.ant-popover').getByRole('button', { name: /提\s*交/ }).click();
  await expect(page.getByTestId('project-status')).toHaveText('已提交');
  await expect(page.getByTestId('tasks-view')).toContainText('干部人才交流');
  await logout(page);

  // --- hzb finds it in the inbox by kind and returns it with a row comment
  await login(page, 'hzb');
  await openDepartmentTarget(page, 'menu-inbox');
  await expect(page).toHaveURL(/\/review$/);
  await expect(page.getByTestId('budget-view')).toContainText('5,925,000.00');
  await page.getByTestId('row-2-comment').fill('项目按期完成率目标偏低，宜不低于95%');
  await page.getByTestId('review-comment').fill('请调整项目按期完成率后重新提交。');
  await reviewConfirmed(page, 'return');
  await logout(page);

  // --- xining sees the comment on its row, fixes it and resubmits
  await login(page, 'xining');
  await openDepartmentTarget(page, 'menu-projects');
  await expect(page.getByTestId('project-status')).toHaveText('已退回');
  await expect(page.getByTestId('return-notice')).toContainText('请调整项目按期完成率后重新提交。');
  await expect(page.getByTestId('row-2-review-comment')).toContainText('项目按期完成率目标偏低');
  await page.getByTestId('row-2-target').fill('≥95%');
  await submitConfirmed(page);
  await logout(page);

  // --- hzb, then czj approve
  for (const reviewer of ['hzb', 'czj']) {
    await login(page, reviewer);
    await openDepartmentTarget(page, 'menu-inbox');
    await reviewConfirmed(page, 'approve');
    await logout(page);
  }

  // --- xining exports the approved target as PDF and Word
  await login(page, 'xining');
  await openDepartmentTarget(page, 'menu-projects');
  await expect(page.getByTestId('project-status')).toHaveText('已批复');
  // PDF, then at once Word from the same menu (a click on 导出 right after a pick once closed the menu instead)
  await expectFile(await exportAs(page, 'export-declaration-pdf'), 'pdf', '%PDF');
  await expectFile(await exportAs(page, 'export-declaration-docx'), 'docx', 'PK');
  await logout(page);

  // --- czj opens the target-setting report of the year: the unit is counted
  await login(page, 'czj');
  await page.goto(`/reports/target-setting?year=${YEAR}`);
  const report = await apiGet<{ departmentTargets: number; unitsWithoutDepartmentTarget: string[]; text: string }>(page, `/api/reports/target-setting?year=${YEAR}`);
  expect(report.departmentTargets).toBeGreaterThanOrEqual(1);
  expect(report.unitsWithoutDepartmentTarget).not.toContain(UNIT);
  await expect(page.getByTestId('ts-text')).toHaveText(report.text);
  await expect(page.getByTestId('ts-text')).toContainText(`部门（单位）整体绩效目标${report.departmentTargets}个`);
});
