import { expect, test } from '@playwright/test';
import * as fs from 'node:fs';
import { login, openMenu, pick } from './support';

/**
 * 后台导出, as the finance reviewer clicks: a whole year's 申报表 as one PDF queued on the 批量导出 page, its
 * progress in 我的导出任务 until 已完成, the file downloaded from the list; a second job cancelled or deleted.
 */

test('the finance reviewer queues a year of 申报表 as PDF, watches it finish and downloads it', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, 'czj');
  await openMenu(page, 'menu-exports', /\/exports$/);
  await expect(page.getByTestId('export-jobs')).toContainText('暂无导出任务');
  await pick(page, page.getByTestId('batch-year'), '2024 年', '2024');
  await page.getByTestId('batch-format').getByText('PDF').click();
  await page.getByTestId('batch-queue').click();

  const row = page.getByTestId('export-jobs').locator('tbody tr[data-job]').first();
  await expect(row).toContainText('2024 年 申报表 · PDF');
  await expect(row.getByTestId('job-status')).toHaveText('已完成', { timeout: 120_000 });
  await expect(row).toContainText(/(\d+) \/ \1 个项目/);

  const download = page.waitForEvent('download');
  await row.getByTestId('job-download').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('2024年-申报表.pdf');
  expect(fs.readFileSync(await file.path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  // a second job, then removed from the list by its owner
  await page.getByTestId('batch-format').getByText('Excel').click();
  await page.getByTestId('batch-queue').click();
  await expect(page.getByTestId('export-jobs').locator('tbody tr[data-job]')).toHaveCount(2);
  const second = page.getByTestId('export-jobs').locator('tbody tr[data-job]').first();
  await expect(second).toContainText('2024 年 申报表 · Excel（.xlsx）');
  await expect(second.getByTestId('job-status')).toHaveText('已完成', { timeout: 120_000 });
  await second.getByTestId('job-delete').click();
  await expect(page.getByTestId('export-jobs').locator('tbody tr[data-job]')).toHaveCount(1);
});
