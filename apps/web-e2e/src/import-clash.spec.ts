import { expect, test } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { login, openMenu } from './support';

const root = path.resolve(__dirname, '../../..');
/** An invented 2024 table broken over PDF pages (two projects), from the importer's fixtures. */
const PAGE_BREAK = fs.readFileSync(path.join(root, 'libs/domain/src/lib/import/fixtures/page-break-2024.txt'), 'utf8');
const PARK = '社区口袋公园建设及养护经费';
const LIFT = '老旧小区加装电梯补贴';

test('importing names the unit already uses asks per project: 替换 / 保留两份 / 跳过, 替换 off for a submitted one', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, 'xining');
  await openMenu(page, 'menu-imports', /\/imports$/);
  await expect(page.getByTestId('import-org')).toContainText('上海市人民政府驻西宁办事处');
  await page.getByTestId('import-year').fill('2024');

  // a line outside any table is listed as a problem with its line; the page-broken tables keep all rows
  await page.getByTestId('import-text').fill(`\t数量指标\t完成率\t=100%\t\n${PAGE_BREAK}`);
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-project-name')).toHaveText([PARK, LIFT]);
  await expect(page.getByTestId('import-row')).toHaveCount(20);
  await expect(page.getByTestId('import-problem')).toHaveText([/^第 1 行：/]);
  await expect(page.getByTestId('import-clash')).toHaveCount(0);
  await page.getByTestId('import-create').click();
  await expect(page.getByTestId('import-created-link')).toHaveText([PARK, LIFT]);

  // the same text again: both names exist now; the create waits until each has a choice
  await page.getByTestId('import-text').fill(PAGE_BREAK.replace('新建口袋公园数量\t=3.00(座)', '新建口袋公园数量\t=5.00(座)'));
  await page.getByTestId('import-preview').click();
  const clashes = page.getByTestId('import-clash');
  await expect(clashes).toHaveCount(2);
  await expect(clashes.first()).toContainText('本单位 2024 年已有同名项目（草稿）');
  await expect(page.getByTestId('import-create')).toBeDisabled();
  await expect(page.getByTestId('import-waiting')).toContainText(`${PARK}、${LIFT}`);
  await page.getByTestId('import-choice-replace').first().click();
  await expect(page.getByTestId('import-waiting')).toContainText(LIFT);
  await page.getByTestId('import-choice-skip').nth(1).click();
  await expect(page.getByTestId('import-create')).toBeEnabled();
  await page.screenshot({ path: path.join(root, 'tmp/e2e-results/import-clash-choices.png'), fullPage: true });
  await page.getByTestId('import-create').click();
  await expect(page.getByTestId('import-outcome')).toHaveText(['已替换', '已跳过']);
  await expect(page.getByTestId('import-created-link')).toHaveText([PARK]);
  await page.getByTestId('import-created-link').click();
  await expect(page.getByTestId('project-title')).toHaveText(PARK);
  await expect(page.getByTestId('row-2-target')).toHaveValue('=5.00(座)');

  // a submitted target of the demo data (2020): 替换 is off, 保留两份 creates 名称（2）
  await page.getByTestId('menu-imports').click();
  await page.getByTestId('import-year').fill('2020');
  const reference = fs.readFileSync(path.join(root, 'libs/domain/src/fixtures/reference/shanghai-2020-xining-office-targets.txt'), 'utf8');
  await page.getByTestId('import-text').fill(reference.split(/\r?\n/).slice(91).join('\n'));
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-project-name')).toHaveText(['合作交流专项工作经费']);
  await expect(page.getByTestId('import-clash')).toContainText('不能替换');
  await expect(page.getByTestId('import-choice-replace').locator('input')).toBeDisabled();
  await page.getByTestId('import-choice-keepBoth').click();
  await page.getByTestId('import-create').click();
  await expect(page.getByTestId('import-created-link')).toHaveText(['合作交流专项工作经费（2）']);
  await page.screenshot({ path: path.join(root, 'tmp/e2e-results/import-clash-done.png'), fullPage: true });
});
