import { expect, test, type Page } from '@playwright/test';
import { apiGet, login, logout, sessionToken } from './support';

/**
 * 整改 and last year's values (issue 17, acceptance 2 without the attachments, whose upload component is another
 * helper's): after a 中/差 self-evaluation the reviewer issues a 整改通知; the filler answers and submits; the reviewer
 * accepts; next year's same-name target shows last year's value and actual under the row, and a banner for a notice
 * still open. Setup by the API where the story is not about it (the self-evaluation's figures, next year's rows).
 */

const PROJECT = '合作交流工作业务费';

interface Target {
  id: string;
  version: number;
  orgId: string;
  indicators: { id: string; level1: string; level2: string; name: string; target: { raw: string } }[];
}

async function api(page: Page, method: 'post' | 'put', path: string, data: unknown, version?: number): Promise<unknown> {
  const headers: Record<string, string> = { Authorization: `Bearer ${await sessionToken(page)}` };
  if (version !== undefined) headers['If-Match'] = `"${version}"`;
  const res = await page.request[method](path, { data, headers });
  expect(res.ok(), `${method} ${path}: ${await res.text()}`).toBe(true);
  return res.json();
}

test('a reviewer issues 整改 after a 中/差 self-evaluation, the unit answers, the reviewer accepts; next year shows last year', async ({ page }) => {
  test.setTimeout(600_000);
  await login(page, 'xining');
  const list = await apiGet<{ items: { id: string; name: string }[] }>(page, '/api/projects?year=2020');
  const id = (list.items.find((p) => p.name === PROJECT) as { id: string }).id;
  const target = await apiGet<Target>(page, `/api/projects/${id}`);
  // the self-evaluation: 预算资金到位率 reached 95%, little else — a 中 or 差
  const items = target.indicators.map((i, k) => (k === 0 ? { indicatorId: i.id, actual: '95' } : { indicatorId: i.id }));
  const ev = (await api(page, 'put', `/api/projects/${id}/evaluation`, { budget: { annualBudget: '500000.00', executed: '100000.00' }, items }, target.version)) as { grade: string };
  expect(['中', '差']).toContain(ev.grade);
  await logout(page);

  // the reviewer opens 整改 of the target and issues a notice
  await login(page, 'hzb');
  await page.goto(`/projects/${id}/rectifications`);
  await page.getByTestId('rect-issue-problems').fill('预算执行率偏低，服务对象满意度未填报');
  await page.getByTestId('rect-issue-requirements').fill('说明执行率偏低的原因，补充满意度调查');
  await page.getByTestId('rect-issue-deadline').fill('2099-06-30');
  await page.getByTestId('rect-issue').click();
  const card = page.locator('pt-rectification-card').first();
  await expect(card.getByTestId('rect-status')).toHaveText('待整改');
  await expect(card).toContainText(`绩效自评等级为「${ev.grade}」`);
  await page.screenshot({ path: 'tmp/e2e-results/rectification-issued.png', fullPage: true });
  await logout(page);

  // the unit answers: saves its measures, then submits them
  await login(page, 'xining');
  await page.goto(`/projects/${id}/rectifications`);
  await card.getByTestId('rect-feedback').fill('已补充满意度调查（满意度 93%），执行率偏低系项目延期，已调整支付计划');
  await expect(card.getByTestId('rect-submit')).toBeDisabled();
  await card.getByTestId('rect-save').click();
  await expect(card.getByTestId('rect-submit')).toBeEnabled();
  await card.getByTestId('rect-submit').click();
  await expect(card.getByTestId('rect-status')).toHaveText('待验收');
  await logout(page);

  // the reviewer accepts it, and issues a second notice that stays open
  await login(page, 'hzb');
  await page.goto(`/projects/${id}/rectifications`);
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
