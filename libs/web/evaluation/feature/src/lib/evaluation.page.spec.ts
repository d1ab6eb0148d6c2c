import { CheckOutline, RollbackOutline, SaveOutline, SendOutline } from '@ant-design/icons-angular/icons';
import type { ComponentFixture } from '@angular/core/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { EvaluationApi } from '@pt/web/evaluation/data-access';
import type { Evaluation, EvaluationItem, Versioned } from '@pt/web/evaluation/data-access';
import { evaluationItem } from '@pt/web/evaluation/data-access/testing';
import { AttachmentsClient } from '@pt/web/evidence/ui';
import { ProjectsApi } from '@pt/web/projects/data-access';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import type { Project } from '@pt/web/projects/data-access';
import { EvaluationPage } from './evaluation.page';

const ID = '11111111-1111-4111-8111-111111111111';

const item = (i: number, level1: string, name: string, target: string, input: Partial<EvaluationItem['input']>): EvaluationItem =>
  evaluationItem(i, { level1, level2: '', name, target }, input);

/** mof-2021: 产出 25 + 25, 效益 30, 满意度 10 (the figures are the page's own live score). */
function evaluation(over: Partial<Versioned<Evaluation>> = {}): Versioned<Evaluation> {
  return {
    projectId: ID,
    version: 7,
    status: 'draft',
    saved: false,
    budget: { annualBudget: '1000000.00', executed: '600000.00' },
    funds: {
      total: { initialBudget: '1000000.00', annualBudget: '1000000.00', executed: '600000.00' },
      fiscal: { initialBudget: '800000.00', annualBudget: '800000.00', executed: null },
      carryover: { initialBudget: '150000.00', annualBudget: '150000.00', executed: null },
      other: { initialBudget: '50000.00', annualBudget: '50000.00', executed: null },
    },
    executedCarried: { source: 'monitoring', month: 7 },
    submissionProblems: [],
    goalAchievement: null,
    executionRate: '0.00',
    executionScore: '0.00',
    items: [
      item(1, '产出指标', '接待团组数量', '≥60个', { actual: '90' }),
      item(2, '产出指标', '公务用车保障率', '>=90%', { actual: '81' }),
      item(3, '效益指标', '合作交流工作支撑作用', '支撑作用明显', { grade: '达成', description: '明显' }),
      item(4, '满意度指标', '服务对象满意度', '≥90%', { actual: '95' }),
    ],
    indicatorScore: '0.00',
    totalScore: '0.00',
    grade: '差',
    groups: [],
    problems: [],
    updatedAt: null,
    permissions: { edit: true, actions: ['submit'], deduct: false },
    ...over,
  } as Versioned<Evaluation>;
}

const PROJECT = {
  id: ID,
  name: '绩效自评规则测试项目',
  year: 2026,
  version: 7,
  frameworkCode: 'mof-2021',
  orgName: '上海市人民政府驻西宁办事处',
  departmentName: '上海市人民政府合作交流办公室',
  funds: { annualTotal: '1000000.00' },
  annualGoal: '年度目标',
  totalGoal: null,
} as unknown as Project;

const byId = (f: ComponentFixture<EvaluationPage>, id: string): HTMLElement | null => f.nativeElement.querySelector(`[data-testid="${id}"]`);
const all = (f: ComponentFixture<EvaluationPage>, id: string): HTMLElement[] => Array.from(f.nativeElement.querySelectorAll(`[data-testid="${id}"]`));

async function settle(f: ComponentFixture<EvaluationPage>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await f.whenStable();
    f.detectChanges();
  }
}

function type(f: ComponentFixture<EvaluationPage>, id: string, value: string): void {
  const el = byId(f, id) as HTMLInputElement | HTMLTextAreaElement;
  el.value = value;
  el.dispatchEvent(new Event('input'));
  f.detectChanges();
}

describe('EvaluationPage (issue 12: funds in 万元, carried 全年执行数, 偏差原因 before 提交, the deduction)', () => {
  let fixture: ComponentFixture<EvaluationPage>;
  let api: { get: jest.Mock; put: jest.Mock; patch: jest.Mock; transition: jest.Mock };
  let reloadAttachments: jest.Mock;

  async function setup(e: Versioned<Evaluation>, project: Project = PROJECT): Promise<void> {
    api = { get: jest.fn().mockResolvedValue(e), put: jest.fn(), patch: jest.fn(), transition: jest.fn() };
    reloadAttachments = jest.spyOn(AttachmentsClient.prototype, 'reload').mockResolvedValue(undefined) as unknown as jest.Mock;
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        provideNzIcons([CheckOutline, RollbackOutline, SaveOutline, SendOutline]),
        { provide: EvaluationApi, useValue: api },
        { provide: ProjectsApi, useValue: { get: jest.fn().mockResolvedValue(project) } },
      ],
    });
    fixture = TestBed.createComponent(EvaluationPage);
    fixture.componentRef.setInput('id', ID);
    fixture.detectChanges();
    await settle(fixture);
  }

  it('shows the funds block in 万元, marks the carried 全年执行数 and sends yuan', async () => {
    await setup(evaluation());
    expect(byId(fixture, 'eval-funds')?.textContent).toContain('其中：当年财政拨款');
    // the target's 整改 page is one click away (a 中/差 self-evaluation is where a notice starts)
    expect(byId(fixture, 'open-rectifications')?.getAttribute('href')).toMatch(/\/projects\/[^/]+\/rectifications$/);
    expect((byId(fixture, 'eval-budget-annual') as HTMLInputElement).value).toBe('100.00');
    expect((byId(fixture, 'eval-funds-initial') as HTMLInputElement).value).toBe('100.00');
    expect((byId(fixture, 'eval-funds-carryover-annualBudget') as HTMLInputElement).value).toBe('15.00');
    expect((byId(fixture, 'eval-budget-executed') as HTMLInputElement).value).toBe('60.00');
    expect(byId(fixture, 'eval-executed-carried')?.textContent).toContain('取自7月运行监控');
    // 60 of 100 → 6.00
    expect(byId(fixture, 'eval-execution-score')?.textContent?.trim()).toBe('6.00');

    type(fixture, 'eval-budget-executed', '90');
    expect(byId(fixture, 'eval-executed-carried')).toBeNull();
    expect(byId(fixture, 'eval-execution-score')?.textContent?.trim()).toBe('9.00');
    type(fixture, 'eval-funds-fiscal-executed', '75.5');

    api.put.mockResolvedValue(evaluation({ saved: true, executedCarried: null }));
    await fixture.componentInstance.ed.save(true);
    const body = api.put.mock.calls[0][2];
    expect(body.budget).toEqual({ annualBudget: '1000000.00', executed: '900000.00' });
    expect(body.funds.fiscal).toEqual({ initialBudget: '800000.00', annualBudget: '800000.00', executed: '755000.00' });
  });

  it("prints a 部门整体 target's own form: its title, 部门（单位）名称 and the unit's budget block", async () => {
    await setup(evaluation(), { ...PROJECT, kind: 'department', name: '上海市人民政府驻西宁办事处' } as Project);
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('部门（单位）整体支出绩效自评表');
    expect(text).toContain('部门（单位）名称');
    expect(text).toContain('部门（单位）预算资金（万元）');
    expect(text).not.toContain('项目支出绩效自评表');
  });

  it('reads the 佐证材料 rights again once 提交 went through (the rows stop offering upload and delete)', async () => {
    await setup(evaluation({ saved: true }));
    api.transition.mockResolvedValue(evaluation({ saved: true, status: 'submitted', permissions: { edit: false, actions: ['withdraw'], deduct: false } }));
    reloadAttachments.mockClear();
    await fixture.componentInstance.ed.act({ action: 'submit' });
    expect(api.transition).toHaveBeenCalledWith(ID, expect.any(Number), { action: 'submit' });
    expect(reloadAttachments).toHaveBeenCalledWith(ID);
  });

  it('marks a missed row that needs a 偏差原因 and lists what 提交 needs; typing the reason clears it', async () => {
    await setup(evaluation());
    expect(byId(fixture, 'eval-deviation-required-1')?.textContent).toContain('提交前须填写偏差原因');
    expect(byId(fixture, 'eval-deviation-required-0')).toBeNull();
    const listed = all(fixture, 'eval-submission-problem');
    expect(listed.map((li) => li.getAttribute('data-severity'))).toEqual(['warning', 'error']);
    expect(listed[1].textContent).toContain('第2行「公务用车保障率」');
    type(fixture, 'eval-deviation-1', '车辆报废，保障率未达目标');
    expect(byId(fixture, 'eval-deviation-required-1')).toBeNull();
    expect(all(fixture, 'eval-submission-problem').map((li) => li.getAttribute('data-severity'))).toEqual(['warning']);
  });

  it("offers the reviewer whose turn it is 按偏离度扣分 on a far-exceeded row, asking for the reason", async () => {
    await setup(evaluation({ saved: true, status: 'submitted', executedCarried: null, permissions: { edit: false, actions: ['approve', 'return'], deduct: true } }));
    expect(byId(fixture, 'eval-deduct-1')).toBeNull(); // not far above its target
    expect(byId(fixture, 'eval-funds-fiscal-initialBudget')?.textContent).toBe('80.00'); // read-only: 万元 text
    byId(fixture, 'eval-deduct-0')?.click();
    await settle(fixture);
    (document.querySelector('[data-testid="eval-deduct-ok"]') as HTMLElement).click();
    await settle(fixture);
    expect(document.querySelector('[data-testid="eval-deduct-required"]')?.textContent).toContain('请填写扣分理由');
    expect(api.patch).not.toHaveBeenCalled();

    const deducted = evaluation({ saved: true, status: 'submitted', executedCarried: null, permissions: { edit: false, actions: ['approve', 'return'], deduct: true } });
    deducted.items[0] = { ...deducted.items[0], deduction: { reason: '目标偏低', userName: '审核人', at: '2027-01-10T00:00:00.000Z', points: '7.50' } };
    api.patch.mockResolvedValue(deducted);
    const reason = document.querySelector('[data-testid="eval-deduct"]') as HTMLTextAreaElement;
    reason.value = '目标偏低';
    reason.dispatchEvent(new Event('input'));
    await settle(fixture);
    (document.querySelector('[data-testid="eval-deduct-ok"]') as HTMLElement).click();
    await settle(fixture);
    expect(api.patch).toHaveBeenCalledWith(ID, 7, { deductions: [{ indicatorId: deducted.items[0].indicatorId, apply: true, reason: '目标偏低' }] });
    expect(byId(fixture, 'eval-deduction-0')?.textContent).toContain('按偏离度扣 7.50 分');
    // scored live like the server: (90 − 60) / 60 = 0.5 above → keeps 0.7 of 25
    expect(byId(fixture, 'eval-row-score-0')?.textContent?.trim()).toBe('17.50');
    expect(byId(fixture, 'eval-undeduct-0')).not.toBeNull();
  });
});
