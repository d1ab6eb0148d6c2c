import { expect, test, type Download, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { login, openMenu, pick } from './support';

/**
 * Import and export, as people click: the filler of 上海市人民政府驻西宁办事处 pastes the published
 * 2020 target table 合作交流工作业务费 (the public reference fixture in libs/domain/src/fixtures/reference), previews it (the name and its 12
 * rows), creates the draft, opens it and sees the rows; then downloads its 申报表 as .xlsx, PDF and Word
 * from the project page and reads the workbook back on 上传 Excel; and a year's 申报表 from 批量导出.
 */

const REPO_ROOT = path.resolve(__dirname, '../../..');
const REFERENCE = path.join(REPO_ROOT, 'libs/domain/src/fixtures/reference/shanghai-2020-xining-office-targets.txt');
const PROJECT = '合作交流工作业务费';
const COPY = `${PROJECT}（2）`;

/** The lines of the first table of the reference (合作交流工作业务费), up to where the second one starts. */
function firstTable(): string {
  const lines = fs.readFileSync(REFERENCE, 'utf8').split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (l.trim() === '财政项目支出绩效目标表' ? [i] : []));
  expect(starts.length).toBeGreaterThanOrEqual(2);
  const table = lines.slice(0, starts[1]).join('\n');
  expect(table).toContain(`项目名称： ${PROJECT}`);
  expect(table).not.toContain('合作交流专项工作经费');
  return table;
}

/** The saved file of a download: its name ends with `ext`, it is not empty and begins with `magic`. */
async function expectFile(download: Download, ext: string, magic: string): Promise<void> {
  expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${ext}$`));
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.length).toBeGreaterThan(magic.length);
  expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
}

/** 导出 on the project page, then one of its entries; the browser's download. */
async function exportFromProject(page: Page, testId: string): Promise<Download> {
  await page.getByTestId('export-menu').click();
  const item = page.getByTestId(testId);
  await expect(item).toBeVisible();
  // a draft offers the 申报表 only (自评表 and 监控表 are for approved projects)
  await expect(page.getByTestId('export-declaration-pdf')).toBeVisible();
  await expect(page.getByTestId('export-evaluation-xlsx')).toHaveCount(0);
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await item.click();
  // the menu closes on the click; the file comes while the button shows the received size
  await expect(item).toBeHidden();
  return download;
}

test('a filler imports a pasted table as a draft, then downloads its 申报表 as .xlsx, PDF and Word', async ({ page }) => {
  test.setTimeout(360_000);
  const text = firstTable();

  await login(page, 'xining');
  await openMenu(page, 'menu-imports', /\/imports$/);
  await expect(page.getByTestId('import-org')).toContainText('上海市人民政府驻西宁办事处');

  await page.getByTestId('import-year').fill('2020');
  await page.getByTestId('import-text').fill(text);
  await page.getByTestId('import-preview').click();

  // the preview: one project, its name and its 12 rows
  await expect(page.getByTestId('import-project-name')).toHaveText([PROJECT]);
  const rows = page.getByTestId('import-row');
  await expect(rows).toHaveCount(12);
  await expect(rows.first()).toContainText('预算资金到位率');
  await expect(rows.first()).toContainText('>=90%');
  await expect(rows.last()).toContainText('部门协同有效性');
  for (const problem of await page.getByTestId('import-problem').allTextContents()) console.log(`import problem: ${problem}`);

  // the demo data has this project for the unit and year: keep both (the copy is named 名称（2）)
  await expect(page.getByTestId('import-clash')).toContainText('已有同名项目');
  await page.getByTestId('import-choice-keepBoth').click();
  await page.getByTestId('import-create').click();
  const link = page.getByTestId('import-created-link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveText(COPY);
  await expect(link).toBeVisible();
  await link.click();

  // the created draft with its rows
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('project-title')).toHaveText(COPY);
  await expect(page.getByTestId('project-status')).toHaveText('草稿');
  await expect(page.getByTestId('row-12-name')).toHaveValue('部门协同有效性');
  await expect(page.getByTestId('row-13-name')).toHaveCount(0);
  await expect(page.getByTestId('row-1-name')).toHaveValue('预算资金到位率');
  await expect(page.getByTestId('row-1-target')).toHaveValue('>=90%');

  const xlsx = await exportFromProject(page, 'export-declaration-xlsx');
  await expectFile(xlsx, 'xlsx', 'PK');
  expect(xlsx.suggestedFilename()).toContain(PROJECT);

  const pdf = await exportFromProject(page, 'export-declaration-pdf');
  await expectFile(pdf, 'pdf', '%PDF');

  // the Word version offices file (a .docx is a zip too)
  const docx = await exportFromProject(page, 'export-declaration-docx');
  await expectFile(docx, 'docx', 'PK');
  expect(docx.suggestedFilename()).toContain('申报表');

  // the downloaded workbook reads back: 导入 → 上传 Excel → 预览 shows the same table (nothing created)
  await openMenu(page, 'menu-imports', /\/imports$/);
  await page.getByRole('tab', { name: '上传 Excel' }).click();
  await page.getByTestId('import-file').setInputFiles({
    name: xlsx.suggestedFilename(),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: fs.readFileSync(await xlsx.path()),
  });
  await expect(page.getByTestId('import-file-name')).toContainText('.xlsx');
  await page.getByTestId('import-xlsx-preview').click();
  await expect(page.getByTestId('import-project-name')).toHaveText([COPY]);
  await expect(page.getByTestId('import-row')).toHaveCount(12);
  await expect(page.getByTestId('import-row').last()).toContainText('部门协同有效性');
  await expect(page.getByTestId('import-create')).toBeVisible();
});

test('批量导出: every visible 2020 申报表 as one workbook, with the received size', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, 'xining');
  await openMenu(page, 'menu-exports', /\/exports$/);
  await pick(page, page.getByTestId('batch-year'), '2020 年', '2020');
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await page.getByTestId('batch-export').click();
  await expectFile(await download, 'xlsx', 'PK');
  await expect(page.getByTestId('batch-done')).toContainText('.xlsx');
});
