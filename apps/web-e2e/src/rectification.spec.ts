import { expect, test, type Locator, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { apiGet, login, logout, sessionToken } from './support';

/**
 * 佐证材料 and 整改 (issue 17, acceptance 2): the filler attaches a signed PDF to a row of a 中/差 self-evaluation; the
 * reviewer opens it (the same bytes); the reviewer issues a 整改通知; the filler answers with measures and a second file
 * and submits; the reviewer sees that file and accepts; next year's same-name target shows last year's value and actual
 * under the row, and a banner for a notice still open. Setup by the API where the story is not about it (the
 * self-evaluation's figures, next year's rows). File names are the story's own: attachments.spec adds files to the
 * same demo target when the whole suite runs.
 */

const SIGNED = fs.readFileSync(path.join(__dirname, 'fixtures', 'signed-self-evaluation.pdf'));
const SIGNED_NAME = '2020年度绩效自评表（签字盖章）.pdf';
const ANSWER = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('% 满意度调查报告\n'), Buffer.alloc(50_000, 0x20), Buffer.from('\n%%EOF\n')]);
const ANSWER_NAME = '满意度调查报告.pdf';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A file chosen in the 上传佐证材料 picker of the pt-attachments `testId`. */
async function attach(box: Locator, testId: string, file: { name: string; buffer: Buffer }): Promise<void> {
  await box.getByTestId(`${testId}-input`).setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer });
}

/** Open `link` from the keyboard: the download's name and its bytes' SHA-256. */
async function downloadWithKeyboard(page: Page, link: Locator): Promise<{ name: string; sha: string }> {
  await link.focus();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.keyboard.press('Enter')]);
  return { name: download.suggestedFilename(), sha: sha256(fs.readFileSync(await download.path())) };
}

const PROJECT = '合作交流工作业务费';

interface Target {
  id: string;
  version: number;
  orgId: string;
  indicators: { id: string; level1: string; level2: string; name: string; target: { raw: string } }[];
}

/**
 * The self-evaluation back with the unit: another story (evaluate.spec) takes the same demo target's self-evaluation
 * on to 已提交 or 部门已审 before this one runs, so whoever holds it now returns it (the page ends logged in as xining).
 */
async function reopenEvaluation(page: Page, id: string): Promise<void> {
  const holder: Record<string, string> = { submitted: 'hzb', dept_approved: 'czj' };
  for (let step = 0; step < 3; step++) {
    const ev = await apiGet<{ status: string }>(page, `/api/projects/${id}/evaluation`);
    if (ev.status === 'draft' || ev.status === 'returned') return;
    const reviewer = holder[ev.status];
    expect(reviewer, `the self-evaluation is ${ev.status}: no one can return it`).toBeTruthy();
    await logout(page);
    await login(page, reviewer);
    // If-Match: the target's version, as for every write of its self-evaluation
    const { version } = await apiGet<{ version: number }>(page, `/api/projects/${id}`);
    await api(page, 'post', `/api/projects/${id}/evaluation/transitions`, { action: 'return', comment: '请补充佐证材料后重新提交' }, version);
    await logout(page);
    await login(page, 'xining');
  }
}

async function api(page: Page, method: 'post' | 'put', path: string, data: unknown, version?: number): Promise<unknown> {
  const headers: Record<string, string> = { Authorization: `Bearer ${await sessionToken(page)}` };
  if (version !== undefined) headers['If-Match'] = `"${version}"`;
  const res = await page.request[method](path, { data, headers });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return res.json();
}

test('the filler attaches a signed PDF to a 自评 row; the reviewer opens it and issues 整改; the unit answers with a second file; the reviewer accepts; next year shows the row\'s history', async ({ page }) => {
  test.setTimeout(600_000);
  await login(page, 'xining');
  const list = await apiGet<{ items: { id: string; name: string }[] }>(page, '/api/projects?year=2020');
  const id = (list.items.find((p) => p.name === PROJECT) as { id: string }).id;
  await reopenEvaluation(page, id);
  const target = await apiGet<Target>(page, `/api/projects/${id}`);
  // the self-evaluation: 预算资金到位率 reached 95%, little else — a 中 or 差
  const items = target.indicators.map((i, k) => (k === 0 ? { indicatorId: i.id, actual: '95' } : { indicatorId: i.id }));
  const ev = (await api(page, 'put', `/api/projects/${id}/evaluation`, { budget: { annualBudget: '500000.00', executed: '100000.00' }, items }, target.version)) as { grade: string };
  expect(['中', '差']).toContain(ev.grade);
  // the signed 自评表 on the first row (the one reached 95%), chosen in its 上传佐证材料 picker
  await page.goto(`/projects/${id}/evaluation`);
  const row0 = page.getByTestId('eval-attachments-0');
  await expect(page.locator('tr', { has: row0 })).toContainText(target.indicators[0].name);
  await attach(row0, 'eval-attachments-0', { name: SIGNED_NAME, buffer: SIGNED });
  const signed = row0.getByTestId('eval-attachments-0-file').filter({ hasText: SIGNED_NAME });
  await expect(signed).toContainText(`SHA-256 ${sha256(SIGNED).slice(0, 8)}`);
  await expect(page.getByTestId('eval-attachments-1-file').filter({ hasText: SIGNED_NAME })).toHaveCount(0);
  await logout(page);

  // the reviewer opens the file on the self-evaluation: the very bytes that were uploaded; no upload or delete offered
  await login(page, 'hzb');
  await page.goto(`/projects/${id}/evaluation`);
  const seen = page.getByTestId('eval-attachments-0-file').filter({ hasText: SIGNED_NAME });
  await expect(seen).toBeVisible();
  await expect(page.getByTestId('eval-attachments-0-upload')).toHaveCount(0);
  await expect(seen.getByTestId('eval-attachments-0-delete')).toHaveCount(0);
  expect(await downloadWithKeyboard(page, seen.getByTestId('eval-attachments-0-download'))).toEqual({ name: SIGNED_NAME, sha: sha256(SIGNED) });

  // back to the target and on to its 整改 (the self-evaluation page has no link of its own to it), and a notice typed
  // field after field (Tab), sent with Enter on 下达
  await page.getByRole('link', { name: '返回项目' }).click();
  await page.getByTestId('open-rectifications').click();
  await expect(page).toHaveURL(new RegExp(`/projects/${id}/rectifications$`));
  await page.getByTestId('rect-issue-problems').focus();
  await page.keyboard.type('预算执行率偏低，服务对象满意度未填报');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('rect-issue-requirements')).toBeFocused();
  await page.keyboard.type('说明执行率偏低的原因，补充满意度调查');
  await page.getByTestId('rect-issue-deadline').fill('2099-06-30');
  await page.getByTestId('rect-issue').focus();
  await page.keyboard.press('Enter');
  const card = page.locator('pt-rectification-card').first();
  await expect(card.getByTestId('rect-status')).toHaveText('待整改');
  // the reason the notice names: the 中/差 grade, or a red light where another story left one on this target
  await expect(card).toContainText(new RegExp(`绩效自评等级为「${ev.grade}」|亮红灯`));
  await page.screenshot({ path: 'tmp/e2e-results/rectification-issued.png', fullPage: true });
  await logout(page);

  // the unit answers: the survey as its evidence (under this notice), its measures saved, then submitted
  await login(page, 'xining');
  await page.goto(`/projects/${id}/rectifications`);
  const files = page.getByTestId('rect-attachments-0');
  // by its 上传佐证材料 button, the file chooser it opens
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30_000 }), files.getByTestId('rect-attachments-0-upload').click()]);
  await chooser.setFiles({ name: ANSWER_NAME, mimeType: 'application/pdf', buffer: ANSWER });
  await expect(files.getByTestId('rect-attachments-0-file').filter({ hasText: ANSWER_NAME })).toContainText(`SHA-256 ${sha256(ANSWER).slice(0, 8)}`);
  await card.getByTestId('rect-feedback').fill('已补充满意度调查（满意度 93%，见附件），执行率偏低系项目延期，已调整支付计划');
  await expect(card.getByTestId('rect-submit')).toBeDisabled();
  await card.getByTestId('rect-save').click();
  await expect(card.getByTestId('rect-submit')).toBeEnabled();
  await card.getByTestId('rect-submit').click();
  await expect(card.getByTestId('rect-status')).toHaveText('待验收');
  await logout(page);

  // the reviewer sees the answer and its file (the same bytes, nothing to change), accepts it, and issues a second
  // notice that stays open
  await login(page, 'hzb');
  await page.goto(`/projects/${id}/rectifications`);
  await expect(card.getByTestId('rect-feedback-text')).toContainText('满意度 93%');
  const answered = files.getByTestId('rect-attachments-0-file').filter({ hasText: ANSWER_NAME });
  await expect(answered).toBeVisible();
  await expect(files.getByTestId('rect-attachments-0-upload')).toHaveCount(0);
  expect(await downloadWithKeyboard(page, answered.getByTestId('rect-attachments-0-download'))).toEqual({ name: ANSWER_NAME, sha: sha256(ANSWER) });
  await card.getByTestId('rect-approve').click();
  await expect(card.getByTestId('rect-status')).toHaveText('已完成');
  await expect(card).toContainText('整改验收通过');
  await page.getByTestId('rect-issue-problems').fill('影响力目标缺少佐证');
  await page.getByTestId('rect-issue-requirements').fill('补充长效机制的制度文件');
  await page.getByTestId('rect-issue-deadline').fill('2099-09-30');
  await page.getByTestId('rect-issue').click();
  await expect(page.locator('pt-rectification-card')).toHaveCount(2);
  await page.screenshot({ path: 'tmp/e2e-results/rectification-accepted.png', fullPage: true });
  await logout(page);

  // next year's same-name target: last year's value and actual under the row, the open notice in a banner
  await login(page, 'xining');
  const next = (await api(page, 'post', '/api/projects', { year: 2021, name: PROJECT, orgId: target.orgId, frameworkCode: 'shanghai-2020' })) as Target;
  const rows = target.indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw }));
  await api(page, 'put', `/api/projects/${next.id}/indicators`, { indicators: rows }, next.version);
  await page.goto(`/projects/${next.id}`);
  await expect(page.getByTestId('row-1-history')).toContainText('上年情况（2020年）');
  await expect(page.getByTestId('row-1-history')).toContainText('95%');
  await expect(page.getByTestId('carried-rectifications')).toContainText('影响力目标缺少佐证');
  // the row's description, typed in its open detail, is kept by 保存
  await page.getByTestId('row-1-meta-toggle').click();
  await page.getByTestId('row-1-basis').selectOption('历史标准');
  await page.getByTestId('row-1-dataSource').fill('财务报表');
  await page.screenshot({ path: 'tmp/e2e-results/rectification-next-year.png', fullPage: true });
  await page.getByTestId('save').click();
  await expect
    .poll(async () => (await apiGet<{ indicators: { basis: string | null; dataSource: string | null }[] }>(page, `/api/projects/${next.id}`)).indicators[0])
    .toMatchObject({ basis: '历史标准', dataSource: '财务报表' });
});
