import { expect, test } from '@playwright/test';
import type { Dashboard, ProjectPage } from '@pt/shared/api-types';
import { apiGet, login, openMenu, pick } from './support';

/**
 * 统计分析, as the finance reviewer sees it: the figures on the page are those of GET /api/dashboard for the
 * same year, and a grade opens the project list filtered to exactly the projects behind the number.
 */

/** The year of the demo self-evaluations and monitoring reports (the Yangpu units' 2023 projects). */
const DEMO_YEAR = 2023;

test('the dashboard shows the API figures and a grade opens exactly its projects', async ({ page }) => {
  test.setTimeout(240_000);
  await login(page, 'czj');

  await openMenu(page, 'menu-dashboard', /\/dashboard/);
  await pick(page, page.getByTestId('dash-year'), `${DEMO_YEAR} 年`);
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${DEMO_YEAR}`));

  const d = await apiGet<Dashboard>(page, `/api/dashboard?year=${DEMO_YEAR}`);
  const evaluated = d.grades.reduce((s, g) => s + g.count, 0);
  expect(evaluated, 'the demo year has saved self-evaluations').toBeGreaterThan(0);

  // the cards
  await expect(page.getByTestId('dash-project-count')).toHaveText(String(d.projectCount));
  await expect(page.getByTestId('dash-evaluated-count')).toHaveText(String(evaluated));
  await expect(page.getByTestId('dash-red-count')).toHaveText(String(d.redCount));
  // 平均分: the exact average of the saved self-evaluations, which the server rounds half-up to the cent
  expect(d.averageScore).toMatch(/^\d+\.\d\d$/);
  await expect(page.getByTestId('dash-average-score')).toHaveText(d.averageScore ?? '');
  for (const s of d.evaluationsByStatus.filter((x) => x.count > 0)) {
    await expect(page.getByTestId(`eval-status-count-${s.status}`)).toHaveText(String(s.count));
  }

  // the charts are drawn, and the tables under them carry the same numbers
  for (const id of ['chart-status', 'chart-grades', 'chart-scores', 'chart-ranking']) {
    await expect(page.getByTestId(id).locator('svg').first()).toBeVisible();
  }
  for (const g of d.grades) await expect(page.getByTestId(`grade-count-${g.grade}`)).toHaveText(String(g.count));
  for (const s of d.byStatus.filter((x) => x.count > 0)) await expect(page.getByTestId(`status-count-${s.status}`)).toHaveText(String(s.count));
  for (const b of d.scoreBands) await expect(page.getByTestId(`score-count-${b.min}`)).toHaveText(String(b.count));
  for (const u of d.unitRanking) {
    await expect(page.getByTestId(`ranking-score-${u.orgId}`)).toHaveText(u.averageScore);
    await expect(page.getByTestId(`ranking-count-${u.orgId}`)).toHaveText(String(u.count));
  }
  await expect(page.getByTestId('red-project-row')).toHaveCount(d.redProjects.length);

  // the most frequent grade: its number opens the list of exactly those projects
  const top = [...d.grades].sort((a, b) => b.count - a.count)[0];
  await page.getByTestId(`grade-count-${top.grade}`).click();
  await expect(page).toHaveURL(new RegExp(`/projects\\?year=${DEMO_YEAR}&grade=${encodeURIComponent(top.grade)}$`));
  await expect(page.getByTestId('filter-tag-grade')).toHaveText(`等级: ${top.grade}`);
  await expect(page.getByTestId('project-row')).toHaveCount(top.count);
  await expect(page.getByTestId('project-grade').filter({ hasText: top.grade })).toHaveCount(top.count);
  await expect(page.getByTestId('project-table')).toContainText(`共 ${top.count} 个绩效目标`);
  const listed = await apiGet<ProjectPage>(page, `/api/projects?year=${DEMO_YEAR}&grade=${encodeURIComponent(top.grade)}`);
  expect(listed.total).toBe(top.count);

  // closing the tag drops the filter: every project of the year
  await page.getByTestId('filter-tag-grade').locator('.anticon-close').click();
  await expect(page).toHaveURL(new RegExp(`/projects\\?year=${DEMO_YEAR}$`));
  await expect(page.getByTestId('project-table')).toContainText(`共 ${d.projectCount} 个绩效目标`);

  // back on the dashboard, a bar of the chart itself opens the same list
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?year=${DEMO_YEAR}`));
  await expect(page.getByTestId(`grade-count-${top.grade}`)).toHaveText(String(top.count));
  const bars = page.getByTestId('chart-grades').locator('path[fill="#52c41a"], path[fill="#1677ff"], path[fill="#faad14"], path[fill="#ff4d4f"]');
  const colour = { 优: '#52c41a', 良: '#1677ff', 中: '#faad14', 差: '#ff4d4f' }[top.grade];
  await bars.and(page.locator(`[fill="${colour}"]`)).first().click();
  await expect(page).toHaveURL(new RegExp(`/projects\\?year=${DEMO_YEAR}&grade=${encodeURIComponent(top.grade)}$`));
  await expect(page.getByTestId('project-row')).toHaveCount(top.count);
});
