import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { AuthStore } from '@pt/web/auth/data-access';
import type { ImportResult } from '@pt/web/exports/data-access';
import { ProjectsApi } from '@pt/web/projects/data-access';
import { pageTestProviders } from '@pt/web/shared/data-access/testing';
import { ImportPage } from './import.page';

const UNIT = 'u-xining';
type PreviewedProject = ImportResult['projects'][number];

const PREVIEW: ImportResult = {
  dryRun: true,
  projects: [
    {
      source: '1–91',
      kind: 'project',
      name: '合作交流工作业务费',
      year: 2020,
      frameworkCode: 'shanghai-2020',
      nature: '经常性专项业务费',
      category: null,
      startDate: null,
      endDate: null,
      funds: { total: '500000.00', fiscal: null, other: null, annualTotal: null, annualFiscal: null, carryover: null, annualOther: null },
      totalGoal: null,
      annualGoal: null,
      indicators: [
        { level1: '投入与管理', level2: '投入管理', name: '预算资金到位率', target: '>=90%' },
        { level1: '产出目标', level2: '数量', name: '预算执行率', target: '>=90%' },
      ],
    },
  ],
  problems: [{ line: 60, message: '无法识别的行' }],
};

function testIds(fixture: ComponentFixture<ImportPage>, id: string): HTMLElement[] {
  return Array.from(fixture.nativeElement.querySelectorAll(`[data-testid="${id}"]`));
}

async function settle(fixture: ComponentFixture<ImportPage>): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await fixture.whenStable();
}

describe('ImportPage', () => {
  let fixture: ComponentFixture<ImportPage>;
  let http: HttpTestingController;

  function setup(roles: string[]) {
    TestBed.configureTestingModule({
      providers: [
        ...pageTestProviders(),
        { provide: AuthStore, useValue: { user: signal({ id: 'x', username: 'xining', displayName: '西宁', roles, orgId: UNIT }) } },
        {
          provide: ProjectsApi,
          useValue: {
            orgs: () =>
              Promise.resolve([
                { id: 'd', code: '1', name: '合作交流办', kind: 'department', parentId: null },
                { id: UNIT, code: '1.1', name: '驻西宁办事处', kind: 'unit', parentId: 'd' },
              ]),
            frameworks: () => Promise.resolve([{ code: 'shanghai-2020', name: '上海2020版', groups: [] }]),
          },
        },
      ],
    });
    fixture = TestBed.createComponent(ImportPage);
    http = TestBed.inject(HttpTestingController);
  }

  it('previews pasted text (projects, rows, problems), then creates exactly that as drafts and links them', async () => {
    setup(['filler']);
    await settle(fixture);
    const page = fixture.componentInstance;
    expect(page.orgId()).toBe(UNIT);
    page.change(page.text, '财政项目支出绩效目标表\n（2020年度）\n…');
    page.change(page.year, 2020);
    testIds(fixture, 'import-preview')[0].click();
    const req = http.expectOne((r) => r.url === '/api/imports/text');
    expect(req.request.params.get('dryRun')).toBe('true');
    expect(req.request.body).toEqual({ text: '财政项目支出绩效目标表\n（2020年度）\n…', year: 2020, orgId: UNIT, kind: 'project' });
    req.flush(PREVIEW);
    await settle(fixture);

    expect(testIds(fixture, 'import-project-name').map((e) => e.textContent?.trim())).toEqual(['合作交流工作业务费']);
    expect(testIds(fixture, 'import-row')).toHaveLength(2);
    expect(testIds(fixture, 'import-problem').map((e) => e.textContent?.trim())).toEqual(['第 60 行：无法识别的行']);
    expect(fixture.nativeElement.textContent).toContain('500,000.00');

    testIds(fixture, 'import-create')[0].click();
    const create = http.expectOne((r) => r.url === '/api/imports/text');
    expect(create.request.params.get('dryRun')).toBe('false');
    expect(create.request.body.year).toBe(2020);
    create.flush({ ...PREVIEW, dryRun: false, projects: [{ ...PREVIEW.projects[0], id: 'new-1' }] });
    await settle(fixture);
    const links = testIds(fixture, 'import-created-link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/projects/new-1']);
    expect(testIds(fixture, 'import-create')).toHaveLength(0);
    http.verify();
  });

  /** Opens the page as a filler, pastes some text and previews it, the server answering `preview`. */
  async function pastedPreview(preview: ImportResult = PREVIEW): Promise<ImportPage> {
    setup(['filler']);
    await settle(fixture);
    const page = fixture.componentInstance;
    page.change(page.text, 'x');
    page.previewText();
    http.expectOne((r) => r.url === '/api/imports/text').flush(preview);
    await settle(fixture);
    return page;
  }

  it('clears a preview when the text changes, and shows the 422 details of a refused create', async () => {
    const page = await pastedPreview();
    page.create();
    http
      .expectOne((r) => r.url === '/api/imports/text')
      .flush({ code: 'IMPORT_INVALID', message: '有 1 处不符合填报规则，未创建任何项目', details: [{ field: '1–91', message: '项目名称过长' }] }, { status: 422, statusText: 'Unprocessable' });
    await settle(fixture);
    expect(testIds(fixture, 'import-error')[0].textContent).toContain('未创建任何项目');
    expect(testIds(fixture, 'import-error-detail').map((e) => e.textContent)).toEqual(['项目名称过长']);
    page.change(page.text, 'y');
    await settle(fixture);
    expect(testIds(fixture, 'import-project')).toHaveLength(0);
  });

  it('refuses to preview without text, and offers no create to a reviewer', async () => {
    setup(['dept_reviewer']);
    await settle(fixture);
    const page = fixture.componentInstance;
    page.previewText();
    await settle(fixture);
    expect(testIds(fixture, 'import-error')[0].textContent).toContain('请粘贴要导入的表格文本');
    expect(testIds(fixture, 'import-not-filler')).toHaveLength(1);
    page.change(page.text, 'x');
    page.previewText();
    http.expectOne((r) => r.url === '/api/imports/text').flush(PREVIEW);
    await settle(fixture);
    expect(testIds(fixture, 'import-row')).toHaveLength(2);
    expect(testIds(fixture, 'import-create')).toHaveLength(0);
  });
  it('asks before a name the unit already uses: 替换 / 保留两份 / 跳过 per project, replace disabled when not editable; the create sends the choices', async () => {
    const clash: ImportResult = {
      ...PREVIEW,
      projects: [
        { ...PREVIEW.projects[0], existing: { id: 'old-1', status: 'draft', editable: true }, indicators: [{ ...PREVIEW.projects[0].indicators[0], core: true }] },
        { ...PREVIEW.projects[0], name: '已提交的项目', existing: { id: 'old-2', status: 'submitted', editable: false } },
        { ...PREVIEW.projects[0], name: '新项目', existing: null },
      ],
    };
    const page = await pastedPreview(clash);
    expect(testIds(fixture, 'import-clash').map((e) => e.textContent)).toEqual([
      expect.stringContaining('本单位 2020 年已有同名项目（草稿）'),
      expect.stringContaining('不能替换'),
    ]);
    expect(testIds(fixture, 'import-row-core')).toHaveLength(1);
    const replace = testIds(fixture, 'import-choice-replace').map((e) => e.querySelector('input') as HTMLInputElement);
    expect(replace.map((i) => i.disabled)).toEqual([false, true]);
    const create = testIds(fixture, 'import-create')[0] as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    expect(testIds(fixture, 'import-waiting')[0].textContent).toContain('合作交流工作业务费、已提交的项目');

    (testIds(fixture, 'import-choice-replace')[0] as HTMLElement).click();
    (testIds(fixture, 'import-choice-skip')[1] as HTMLElement).click();
    await settle(fixture);
    fixture.detectChanges();
    expect(page.chosen()).toEqual({ 合作交流工作业务费: 'replace', 已提交的项目: 'skip' });
    expect(create.disabled).toBe(false);
    create.click();
    const req = http.expectOne((r) => r.url === '/api/imports/text');
    expect(req.request.params.get('dryRun')).toBe('false');
    expect(req.request.body.choices).toEqual([
      { name: '合作交流工作业务费', choice: 'replace' },
      { name: '已提交的项目', choice: 'skip' },
    ]);
    req.flush({
      ...clash,
      dryRun: false,
      projects: [
        { ...clash.projects[0], id: 'old-1', outcome: 'replaced' },
        { ...clash.projects[1], outcome: 'skipped' },
        { ...clash.projects[2], id: 'new-3', outcome: 'created' },
      ],
    });
    await settle(fixture);
    expect(testIds(fixture, 'import-outcome').map((e) => e.textContent?.trim())).toEqual(['已替换', '已跳过', '已创建']);
    expect(testIds(fixture, 'import-result')[0].textContent).toContain('已创建 1 个草稿项目，替换 1 个，跳过 1 个');
    expect(testIds(fixture, 'import-created-link').map((a) => a.getAttribute('href'))).toEqual(['/projects/old-1', '/projects/new-3']);
    http.verify();
  });

  it('knows the kinds: the kind chosen goes with the paste and the workbook; a preview shows each kind, a 部门整体 budget and tasks, a policy 中期 table; a 部门整体 clash can only be skipped', async () => {
    setup(['filler']);
    await settle(fixture);
    const page = fixture.componentInstance;
    page.change(page.text, 'x');
    (testIds(fixture, 'import-kind-policy')[0] as HTMLElement).click();
    await settle(fixture);
    page.previewText();
    const paste = http.expectOne((r) => r.url === '/api/imports/text');
    expect(paste.request.body.kind).toBe('policy');
    paste.flush({ ...PREVIEW, projects: [{ ...PREVIEW.projects[0], kind: 'policy' }] });
    await settle(fixture);
    expect(testIds(fixture, 'import-project-kind').map((e) => e.textContent?.trim())).toEqual(['政策']);

    page.tab.set(1);
    page.change(page.file, new File(['x'], '申报表.xlsx'));
    page.change(page.xlsxKind, 'department');
    page.previewXlsx();
    const xlsx = http.expectOne((r) => r.url === '/api/imports/xlsx');
    expect(xlsx.request.params.get('kind')).toBe('department');
    const budget = { total: '12478600.00', fiscal: '12000000.00', other: '478600.00', basic: '8000000.00', project: '4478600.00' };
    // a target of another kind as previewed: its own block instead of the project funds
    const previewed = (kind: 'department' | 'policy', source: string, name: string, own: Partial<PreviewedProject>): PreviewedProject => ({
      ...PREVIEW.projects[0],
      source,
      kind,
      name,
      funds: null,
      ...own,
    });
    const dept = previewed('department', '驻西宁办事处', '驻西宁办事处', {
      department: { budget, tasks: [{ name: '对口支援', content: '果洛州', amount: '3000000.00', fiscal: '3000000.00', other: null }] },
      existing: { id: 'd-1', status: 'draft', editable: false },
    });
    const policy = previewed('policy', '帮扶政策', '对口地区产业帮扶政策', {
      policy: { basis: '沪府办〔2033〕12号', startYear: 2034, endYear: 2036, totalFunds: '90000000.00', annualFunds: '30000000.00' },
      totalIndicators: [{ level1: '产出指标', level2: '数量指标', name: '接待团组数量', target: '≥200个' }],
    });
    xlsx.flush({ dryRun: true, projects: [dept, policy], problems: [] });
    await settle(fixture);
    const result = testIds(fixture, 'import-result')[0].textContent ?? '';
    expect(result).toContain('预览：2 个绩效目标（部门（单位）整体 1、政策 1），0 个问题');
    expect(testIds(fixture, 'import-project-kind').map((e) => e.textContent?.trim())).toEqual(['部门（单位）整体', '政策']);
    expect(result).toContain('年度预算申请资金总额 12,478,600.00 元');
    expect(testIds(fixture, 'import-task').map((e) => Array.from(e.querySelectorAll('td')).map((td) => td.textContent?.trim()))).toEqual([['对口支援', '果洛州', '3,000,000.00', '3,000,000.00', '']]);
    expect(testIds(fixture, 'import-policy-basis')[0].textContent).toContain('沪府办〔2033〕12号');
    expect(result).toContain('实施期 2034–2036 年');
    expect(testIds(fixture, 'import-mid-row')).toHaveLength(1);
    expect(testIds(fixture, 'import-clash')[0].textContent).toContain('每个单位每年只有一个：只能跳过');
    const disabled = (id: string) => testIds(fixture, id).map((e) => (e.querySelector('input') as HTMLInputElement).disabled);
    expect([disabled('import-choice-replace'), disabled('import-choice-keepBoth'), disabled('import-choice-skip')]).toEqual([[true], [true], [false]]);
    expect(testIds(fixture, 'import-create')[0].textContent).toContain('创建草稿（2 个绩效目标）');
  });
});
