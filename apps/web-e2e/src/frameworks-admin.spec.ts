import { expect, test } from '@playwright/test';
import { login, sessionToken } from './support';

/**
 * 指标体系与评分规则 as the administrator clicks (issue 12): a weight change that breaks the 90-point total is
 * shown while typing and cannot be saved; fixed, it is saved as version 2. A grade band out of order is named;
 * the corrected band is saved as settings version 2. New projects see the new versions in GET /api/frameworks.
 */
test('the administrator edits a weight and a grade band, each saved as a new version', async ({ page }) => {
  await login(page, 'admin');
  await page.getByTestId('menu-admin').click();
  await page.getByTestId('admin-nav-frameworks').click();
  await expect(page).toHaveURL(/\/admin\/frameworks$/);

  const mof = page.getByTestId('fw-mof-2021');
  await expect(mof.getByTestId('fw-version')).toHaveText('版本 1');
  await expect(page.getByTestId('fw-row-产出指标').getByTestId('fw-row-weight')).toHaveText('50 分');
  await expect(page.getByTestId('fw-row-成本指标').getByTestId('fw-row-weight')).toHaveText('与产出共用');

  // 产出 50 → 60: the total is 100, named at once, and 保存 stays disabled
  await page.getByTestId('fw-edit-mof-2021').click();
  await page.getByTestId('fw-group-weight-1').fill('60');
  await expect(page.getByTestId('fw-weight-sum')).toHaveText('已设权重合计：100 / 90 分');
  await expect(page.getByTestId('fw-form-total-error')).toHaveText('一级指标权重合计 100 分，应为 90 分');
  await expect(page.getByTestId('fw-form-save')).toBeDisabled();

  // 效益 30 → 20: 90 again, saved as version 2 with a note
  await page.getByTestId('fw-group-weight-2').fill('20');
  await expect(page.getByTestId('fw-form-total-error')).toHaveCount(0);
  await page.getByTestId('fw-form-note').fill('产出权重调整为 60 分');
  await page.getByTestId('fw-form-save').click();
  await expect(page.locator('.ant-message')).toContainText('版本 2');
  await expect(mof.getByTestId('fw-version')).toHaveText('版本 2');
  await expect(page.getByTestId('fw-row-产出指标').getByTestId('fw-row-weight')).toHaveText('60 分');
  await expect(page.getByTestId('fw-row-效益指标').getByTestId('fw-row-weight')).toHaveText('20 分');
  await expect(page.getByTestId('versions').first()).toContainText('产出权重调整为 60 分');

  // the scoring settings: 良 above 优 is named, then 优 from 85 is saved as version 2
  await page.getByRole('tab', { name: '评分规则' }).click();
  await expect(page.getByTestId('settings-bands')).toHaveText('优 ≥ 90 · 良 ≥ 80 · 中 ≥ 60 · 差 < 60');
  await page.getByTestId('settings-edit').click();
  await page.getByTestId('settings-form-band-1').fill('95');
  await expect(page.getByTestId('settings-form-band-error-1')).toHaveText('等级“良”的下限须低于等级“优”的下限');
  await expect(page.getByTestId('settings-form-save')).toBeDisabled();
  await page.getByTestId('settings-form-band-1').fill('80');
  await page.getByTestId('settings-form-band-0').fill('85');
  await expect(page.getByTestId('settings-form-band-error-1')).toHaveCount(0);
  await page.getByTestId('settings-form-save').click();
  await expect(page.getByTestId('settings-version')).toHaveText('版本 2');
  await expect(page.getByTestId('settings-bands')).toHaveText('优 ≥ 85 · 良 ≥ 80 · 中 ≥ 60 · 差 < 60');

  // what a project created now is declared under
  const token = await sessionToken(page);
  const current = (await (await page.request.get('/api/frameworks', { headers: { Authorization: `Bearer ${token}` } })).json()) as { code: string; version: number; settingsVersion: number }[];
  expect(current.map((f) => [f.code, f.version, f.settingsVersion])).toEqual([
    ['mof-2021', 2, 2],
    ['shanghai-2020', 1, 2],
  ]);
});
