import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { apiGet, login, logout } from './support';

/**
 * 佐证材料 on the 绩效自评 (issue 17): the filler attaches a signed PDF to a row, a file whose content is not what
 * its name says is refused in Chinese, and the reviewer above opens the file — the same bytes — without being offered
 * to upload or delete. The project: the demo's approved 合作交流工作业务费 (2020) of 西宁办.
 */
const PROJECT = '合作交流工作业务费';

async function projectId(page: Page): Promise<string> {
  const list = await apiGet<{ items: { id: string; name: string; status: string }[] }>(page, `/api/projects?q=${encodeURIComponent(PROJECT)}`);
  const p = list.items.find((x) => x.name === PROJECT && x.status === 'approved');
  expect(p).toBeDefined();
  return (p as { id: string }).id;
}

test('the filler attaches a signed PDF to a row; the reviewer opens the same bytes', async ({ page }) => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x41), Buffer.from('\n%%EOF\n')]);
  const sha = createHash('sha256').update(pdf).digest('hex');
  await login(page, 'xining');
  const id = await projectId(page);
  await page.goto(`/projects/${id}/evaluation`);
  const row0 = page.getByTestId('eval-attachments-0');
  await row0.getByTestId('eval-attachments-0-input').setInputFiles({ name: '签字版 自评表.pdf', mimeType: 'application/pdf', buffer: pdf });
  const file = row0.getByTestId('eval-attachments-0-file');
  await expect(file).toContainText('签字版 自评表.pdf');
  await expect(file).toContainText(`SHA-256 ${sha.slice(0, 8)}`);
  // only this row shows it
  await expect(page.getByTestId('eval-attachments-1-file')).toHaveCount(0);
  // a "PDF" that is no PDF: refused by the server, said in Chinese, nothing listed
  await page.getByTestId('eval-attachments-1-input').setInputFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf at all') });
  await expect(page.getByTestId('eval-attachments-1-error')).toContainText('文件类型不允许');
  await expect(page.getByTestId('eval-attachments-1-file')).toHaveCount(0);
  await logout(page);

  await login(page, 'hzb');
  await page.goto(`/projects/${id}/evaluation`);
  const seen = page.getByTestId('eval-attachments-0-file');
  await expect(seen).toContainText('签字版 自评表.pdf');
  await expect(page.getByTestId('eval-attachments-0-upload')).toHaveCount(0);
  await expect(page.getByTestId('eval-attachments-0-delete')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('eval-attachments-0-download').click()]);
  expect(download.suggestedFilename()).toBe('签字版 自评表.pdf');
  expect(createHash('sha256').update(fs.readFileSync(await download.path())).digest('hex')).toBe(sha);
});
