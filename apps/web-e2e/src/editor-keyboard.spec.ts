import { expect, test, type Page } from '@playwright/test';
import { login, sessionToken } from './support';

/**
 * The table editor as the hint under it promises (issue 12): a whole table typed without the mouse
 * (Tab into a 一级/二级 cell, type to filter, Enter takes the match, Enter again goes down, Tab /
 * Shift+Tab across cells), the picker on the editor page (a library indicator, last year's table),
 * a one-click fix of a value that does not parse, and a qualitative row's 当前完成值 in monitoring.
 */

async function createDraft(page: Page, name: string): Promise<string> {
  await page.goto('/projects/new');
  await page.getByTestId('create-name').fill(name);
  await expect(page.getByTestId('create-org')).toContainText('上海市人民政府驻西宁办事处');
  await page.getByTestId('create-submit').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('project-title')).toHaveText(name);
  return page.url().split('/').pop() as string;
}

/** Choose in the focused 一级/二级 cell by typing, as a person does; the cell shows the option. */
async function typeLevel(page: Page, n: number, col: 1 | 2, text: string, option: string): Promise<void> {
  const cell = page.getByTestId(`row-${n}-level${col}`);
  await expect(cell.locator('input')).toBeFocused();
  await page.keyboard.type(text);
  // the list opens, filtered by what was typed, the match highlighted
  await expect(page.locator('.ant-select-dropdown .ant-select-item-option-active', { hasText: option })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(cell).toContainText(option);
  await expect(cell.locator('input')).toBeFocused(); // Enter chose: the focus stays
}

/** In row `n`'s 三级 cell (focused): type the name, Tab, type the 指标值 (the focus stays in 指标值). */
async function typeNameAndTarget(page: Page, n: number, name: string, target: string): Promise<void> {
  await expect(page.getByTestId(`row-${n}-name`)).toBeFocused();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(target);
}

/** Enter in a 指标值 adds row `n` below with the same 一级/二级, the focus in its 指标值 (as a person sees the cursor move). */
async function enterNewRow(page: Page, n: number): Promise<void> {
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`row-${n}-target`)).toBeFocused();
}

/** From row `n`'s 二级 cell: Tab, its name and 指标值, then Enter adds the next row. */
async function finishRow(page: Page, n: number, name: string, target: string): Promise<void> {
  await page.keyboard.press('Tab');
  await typeNameAndTarget(page, n, name, target);
  await enterNewRow(page, n + 1);
}

interface Row {
  level1: string;
  level2: string;
  name: string;
  target: string;
  core?: boolean;
  weight?: string;
}

async function expectRows(page: Page, rows: Row[]): Promise<void> {
  for (const [k, r] of rows.entries()) {
    const n = k + 1;
    await expect(page.getByTestId(`row-${n}-level1`)).toHaveText(r.level1);
    await expect(page.getByTestId(`row-${n}-level2`)).toHaveText(r.level2);
    await expect(page.getByTestId(`row-${n}-name`)).toHaveValue(r.name);
    await expect(page.getByTestId(`row-${n}-target`)).toHaveValue(r.target);
    if (r.core) await expect(page.getByTestId(`row-${n}-core`)).toBeChecked();
    else await expect(page.getByTestId(`row-${n}-core`)).not.toBeChecked();
    await expect(page.getByTestId(`row-${n}-weight`)).toHaveValue(r.weight ?? '');
  }
  await expect(page.getByTestId(`row-${rows.length + 1}`)).toHaveCount(0);
}

test('a whole table typed without the mouse: 一级/二级 by typing, Enter chooses and goes down, Tab across cells', async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, 'xining');
  await createDraft(page, `键盘录入测试-${Date.now()}`);
  const { keyboard } = page;

  // 添加一行 from the keyboard: the focus goes to the new row's 一级
  await page.getByTestId('add-row').focus();
  await keyboard.press('Enter');

  // row 1: 产出 / 数量
  await typeLevel(page, 1, 1, '产出', '产出指标');
  await keyboard.press('Tab');
  await typeLevel(page, 1, 2, '数量', '数量指标');
  await finishRow(page, 1, '培训班次', '≥4次');

  // row 2: Shift+Tab over the level cells and back without typing changes nothing
  await keyboard.press('Shift+Tab');
  await keyboard.press('Shift+Tab');
  await keyboard.press('Shift+Tab');
  await expect(page.getByTestId('row-2-level1').locator('input')).toBeFocused();
  await keyboard.press('Tab');
  await keyboard.press('Tab');
  await expect(page.getByTestId('row-2-level1')).toHaveText('产出指标');
  await expect(page.getByTestId('row-2-level2')).toHaveText('数量指标');
  await typeNameAndTarget(page, 2, '培训人次', '≥160人次');
  await enterNewRow(page, 3);

  // row 3: another 二级 under 产出
  await keyboard.press('Shift+Tab');
  await keyboard.press('Shift+Tab');
  await typeLevel(page, 3, 2, '质量', '质量指标');
  await finishRow(page, 3, '培训合格率', '≥95%');

  // row 4: 效益 (its 二级 from 产出 is cleared), 社会效益
  for (let k = 0; k < 3; k++) await keyboard.press('Shift+Tab');
  await typeLevel(page, 4, 1, '效益', '效益指标');
  await expect(page.getByTestId('row-4-level2')).toHaveText('二级指标');
  await keyboard.press('Tab');
  await typeLevel(page, 4, 2, '社会', '社会效益指标');
  await finishRow(page, 4, '对口地区干部业务能力', '明显提升');

  // row 5: 满意度, a core row with its 分值
  for (let k = 0; k < 3; k++) await keyboard.press('Shift+Tab');
  await typeLevel(page, 5, 1, '满意度', '满意度指标');
  await keyboard.press('Tab');
  await typeLevel(page, 5, 2, '服务对象', '服务对象满意度指标');
  await keyboard.press('Tab');
  await typeNameAndTarget(page, 5, '参训人员满意度', '≥90%');
  await keyboard.press('Tab');
  await expect(page.getByTestId('row-5-core')).toBeFocused();
  await keyboard.press('Space');
  await keyboard.press('Tab');
  await keyboard.type('10');

  const table: Row[] = [
    { level1: '产出指标', level2: '数量指标', name: '培训班次', target: '≥4次' },
    { level1: '产出指标', level2: '数量指标', name: '培训人次', target: '≥160人次' },
    { level1: '产出指标', level2: '质量指标', name: '培训合格率', target: '≥95%' },
    { level1: '效益指标', level2: '社会效益指标', name: '对口地区干部业务能力', target: '明显提升' },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '参训人员满意度', target: '≥90%', core: true, weight: '10' },
  ];
  await expectRows(page, table);
  await expect(page.getByTestId('table-findings')).toHaveCount(0);

  // 保存 from the keyboard
  await page.getByTestId('save').focus();
  await keyboard.press('Enter');
  await expect(page.getByText(/已保存（版本 \d+）/)).toBeVisible();
  await expect(page.getByTestId('dirty')).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId('row-1-name')).toHaveValue('培训班次');
  // the server writes 分值 with two decimals
  await expectRows(page, table.map((r) => (r.weight ? { ...r, weight: '10.00' } : r)));
});

test('text typed into a 二级 that matches no option is kept (flagged), not dropped; Tab takes a match', async ({ page }) => {
  test.setTimeout(180_000);
  await login(page, 'xining');
  await createDraft(page, `键盘保留输入-${Date.now()}`);
  await page.getByTestId('add-row').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('产出');
  await page.keyboard.press('Tab'); // Tab takes the match and moves on
  await expect(page.getByTestId('row-1-level1')).toHaveText('产出指标');
  await expect(page.getByTestId('row-1-level2').locator('input')).toBeFocused();
  await page.keyboard.type('自定义二级');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('row-1-name')).toBeFocused();
  await expect(page.getByTestId('row-1-level2')).toContainText('自定义二级');
  await page.keyboard.type('某项指标');
  await expect(page.getByTestId('row-1-finding').locator('[data-code="LEVEL2_NOT_IN_LEVEL1"]')).toBeVisible();
});

test('the picker on the editor page: last year\'s table copied, a library indicator added, a value fixed in one click', async ({ page }) => {
  test.setTimeout(300_000);
  await login(page, 'xining');
  const token = await sessionToken(page);
  const headers = { Authorization: `Bearer ${token}` };
  const me = await (await page.request.get('/api/auth/me', { headers })).json();
  const orgId: string = me.orgId;
  expect(orgId).toBeTruthy();
  // last year's same-name project of the same unit, with a table (setup through the API)
  const name = `对口干部培训经费-${Date.now()}`;
  const make = async (year: number) => {
    const res = await page.request.post('/api/projects', { headers, data: { year, name, orgId, frameworkCode: 'mof-2021' } });
    expect(res.status()).toBe(201);
    return { id: (await res.json()).id as string, etag: res.headers()['etag'] };
  };
  const last = await make(2027);
  const rows = [
    { level1: '产出指标', level2: '数量指标', name: '培训班次', target: '≥4次', core: false, weight: null },
    { level1: '效益指标', level2: '社会效益指标', name: '干部业务能力', target: '明显提升', core: false, weight: null },
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '参训人员满意度', target: '≥90%', core: false, weight: null },
  ];
  const put = await page.request.put(`/api/projects/${last.id}/indicators`, { headers: { ...headers, 'If-Match': last.etag }, data: { indicators: rows } });
  expect(put.status()).toBe(200);
  const current = await make(2028);

  await page.goto(`/projects/${current.id}`);
  await expect(page.getByTestId('project-title')).toHaveText(name);
  await page.getByTestId('open-picker').click();
  const picker = page.getByTestId('picker-card');
  await expect(picker.getByTestId('picker-tabs')).toBeVisible();

  // 上年同名项目: copy last year's table (it replaces the annual table, after a confirmation)
  await picker.getByRole('tab', { name: '上年同名项目' }).click();
  await expect(picker.getByTestId('picker-last-year')).toContainText('2027 年的同名项目');
  await picker.getByTestId('picker-copy-last-year').click();
  await page.locator('.ant-popover').getByRole('button', { name: /复\s*制/ }).click();
  await expect(page.getByText('已复制上年指标 3 条')).toBeVisible();
  await expect(page.getByTestId('row-1-name')).toHaveValue('培训班次');
  await expect(page.getByTestId('row-3-name')).toHaveValue('参训人员满意度');

  // 指标库: tick the first recommended indicator and add it to the table
  await picker.getByRole('tab', { name: '指标库' }).click();
  const first = picker.getByTestId('picker-library-row').first();
  await expect(first).toBeVisible();
  const libName = ((await first.locator('td').nth(3).innerText()).split('\n')[0] ?? '').trim();
  expect(libName).not.toBe('');
  await first.locator('label.ant-checkbox-wrapper, .ant-checkbox').first().click();
  await picker.getByTestId('picker-add').click();
  await expect(page.getByTestId('row-4-name')).toHaveValue(libName);
  await expect(page.getByTestId('dirty')).toBeVisible();

  // a value that does not parse gets one-click fixes under its row
  await page.getByTestId('row-1-target').fill('≥9O次');
  await expect(page.getByTestId('row-1-finding').locator('[data-code="MALFORMED_NUMBER"]')).toBeVisible();
  const fix = page.getByTestId('row-1-fix').first();
  await expect(fix).toHaveText('改为 ≥90.00(次)');
  await fix.click();
  await expect(page.getByTestId('row-1-target')).toHaveValue('≥90.00(次)');
  await expect(page.getByTestId('row-1-fix')).toHaveCount(0);

  await page.getByTestId('save').click();
  await expect(page.getByText(/已保存（版本 \d+）/)).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('row-1-target')).toHaveValue('≥90.00(次)');
  await expect(page.getByTestId('row-2-name')).toHaveValue('干部业务能力');
  await expect(page.getByTestId('row-4-name')).toHaveValue(libName);
  await expect(page.getByTestId('row-5')).toHaveCount(0);
});

test('monitoring: a qualitative row\'s 当前完成值 is saved as text; a non-number in a quantitative row is marked and 保存 says why', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, 'yangpu');
  const headers = { Authorization: `Bearer ${await sessionToken(page)}` };
  const list = await (await page.request.get('/api/projects?year=2024&pageSize=50', { headers })).json();
  const project = list.items.find((p: { name: string; status: string }) => p.name === '交流办对口支援项目经费' && p.status === 'approved');
  expect(project).toBeTruthy();
  const report = await (await page.request.get(`/api/projects/${project.id}/monitoring?month=5`, { headers })).json();
  const kinds: string[] = report.items.map((i: { target: { kind: string } }) => i.target.kind);
  const qual = kinds.indexOf('qualitative');
  const quant = kinds.indexOf('quantitative');
  expect(qual).toBeGreaterThanOrEqual(0);
  expect(quant).toBeGreaterThanOrEqual(0);

  await page.goto(`/projects/${project.id}/monitoring`);
  await expect(page.getByTestId('mon-title')).toContainText('交流办对口支援项目经费');
  await page.getByTestId('mon-month').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '1–5 月' }).click();
  await expect(page.getByTestId('mon-month')).toContainText('1–5 月');
  await expect(page.getByText('绩效指标（截至 5 月）')).toBeVisible(); // the month's report is loaded

  // a non-number in a quantitative row: nothing is sent, the field is marked with the reason, a message says so
  let puts = 0;
  page.on('request', (r) => {
    if (r.method() === 'PUT' && r.url().endsWith('/monitoring')) puts += 1;
  });
  await page.getByTestId(`mon-current-${quant}`).fill('约八成');
  await page.getByTestId('mon-save').click();
  await expect(page.getByText(/^未保存：/)).toBeVisible();
  await expect(page.getByTestId(`mon-current-error-${quant}`)).toContainText('当前完成值须为数字');
  await expect(page.getByTestId('mon-error')).toBeVisible();
  expect(puts).toBe(0);
  await page.getByTestId(`mon-current-${quant}`).fill('');

  // the qualitative row's text is saved as written
  const text = '已完成两批次干部交流，第三批正在对接';
  await page.getByTestId(`mon-current-${qual}`).fill(text);
  await page.getByTestId('mon-save').click();
  await expect(page.getByText('已保存 5 月监控')).toBeVisible();
  expect(puts).toBe(1);
  await expect(page.getByTestId('mon-dirty')).toHaveCount(0);

  await page.reload();
  await page.getByTestId('mon-month').click();
  await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '1–5 月' }).click();
  await expect(page.getByText('绩效指标（截至 5 月）')).toBeVisible();
  await expect(page.getByTestId(`mon-current-${qual}`)).toHaveValue(text);
  const saved = await (await page.request.get(`/api/projects/${project.id}/monitoring?month=5`, { headers })).json();
  expect(saved.items[qual].current).toBe(text);
});
