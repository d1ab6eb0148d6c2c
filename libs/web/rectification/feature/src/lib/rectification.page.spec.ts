import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { AuthStore } from '@pt/web/auth/data-access';
import { AttachmentsClient } from '@pt/web/evidence/ui';
import { ProjectsApi } from '@pt/web/projects/data-access';
import { RectificationApi, type Rectification } from '@pt/web/rectification/data-access';
import { RectificationPage } from './rectification.page';

const ID = '6f1c2a34-1b2c-4d5e-8f90-123456789abc';
const notice = (over: Partial<Rectification> = {}): Rectification => ({
  id: 'r1',
  targetId: ID,
  targetName: '合作交流工作业务费',
  targetYear: 2026,
  orgName: '西宁办',
  status: 'issued',
  version: 1,
  problems: '满意度未填报',
  requirements: '补充调查',
  deadline: '2027-06-30',
  feedback: null,
  reason: '绩效自评等级为「中」',
  issuedBy: '审核人',
  issuedAt: '2026-12-01T02:00:00.000Z',
  history: [{ at: '2026-12-01T02:00:00.000Z', user: '审核人', action: 'issue', fromStatus: null, toStatus: 'issued', comment: null }],
  permissions: { edit: true, actions: ['submit'] },
  ...over,
});

const byId = (f: ComponentFixture<RectificationPage>, id: string) => f.nativeElement.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;

async function settle(f: ComponentFixture<RectificationPage>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await f.whenStable();
    f.detectChanges();
  }
}

describe('RectificationPage', () => {
  let fixture: ComponentFixture<RectificationPage>;
  let api: { list: jest.Mock; carried: jest.Mock; create: jest.Mock; answer: jest.Mock; transition: jest.Mock };

  // each notice's files (read again with the notices: a submit or a return changes which may change)
  const attachments = { reload: jest.fn().mockResolvedValue(undefined), ensure: jest.fn().mockResolvedValue(undefined), of: () => signal([]), rightsOf: () => signal(null) };

  async function setup(roles: string[], list: Rectification[], carried: Rectification[] = []): Promise<void> {
    api = { list: jest.fn().mockResolvedValue(list), carried: jest.fn().mockResolvedValue(carried), create: jest.fn(), answer: jest.fn(), transition: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        { provide: RectificationApi, useValue: api },
        { provide: ProjectsApi, useValue: { get: jest.fn().mockResolvedValue({ id: ID, name: '合作交流工作业务费', year: 2027 }) } },
        { provide: AuthStore, useValue: { user: signal({ roles }) } },
        { provide: AttachmentsClient, useValue: attachments },
      ],
    });
    fixture = TestBed.createComponent(RectificationPage);
    fixture.componentRef.setInput('id', ID);
    fixture.detectChanges();
    await settle(fixture);
  }

  it('lets the unit write its answer, save it (with the notice\'s version) before submitting it', async () => {
    await setup(['filler'], [notice()], [notice({ id: 'old', targetYear: 2026, problems: '上年问题' })]);
    expect(byId(fixture, 'rect-issue')).toBeNull();
    expect(byId(fixture, 'rect-carried')?.textContent).toContain('上年问题');
    expect(byId(fixture, 'rect-attachments-0')).not.toBeNull();
    expect(attachments.reload).toHaveBeenCalledWith(ID);
    const feedback = byId(fixture, 'rect-feedback') as HTMLTextAreaElement;
    feedback.value = '已补充满意度调查';
    feedback.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect((byId(fixture, 'rect-submit') as HTMLButtonElement).disabled).toBe(true);
    api.answer.mockResolvedValue(notice({ version: 2, feedback: '已补充满意度调查' }));
    api.list.mockResolvedValue([notice({ version: 2, feedback: '已补充满意度调查' })]);
    (byId(fixture, 'rect-save') as HTMLButtonElement).click();
    await settle(fixture);
    expect(api.answer).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1', version: 1 }), '已补充满意度调查');
    expect((byId(fixture, 'rect-submit') as HTMLButtonElement).disabled).toBe(false);
    api.transition.mockResolvedValue(notice({ version: 3, status: 'submitted' }));
    (byId(fixture, 'rect-submit') as HTMLButtonElement).click();
    await settle(fixture);
    expect(api.transition).toHaveBeenCalledWith(expect.objectContaining({ id: 'r1', version: 2 }), 'submit', null);
  });

  it('shows a reviewer the issue form and the server\'s refusal in Chinese, keeping what was typed', async () => {
    await setup(['dept_reviewer'], []);
    const type = (id: string, value: string) => {
      const el = byId(fixture, id) as HTMLInputElement;
      el.value = value;
      el.dispatchEvent(new Event('input'));
    };
    type('rect-issue-problems', '执行率偏低');
    type('rect-issue-requirements', '说明原因');
    type('rect-issue-deadline', '2027-06-30');
    api.create.mockRejectedValue(
      new HttpErrorResponse({ status: 422, error: { statusCode: 422, code: 'RECTIFICATION_NOT_DUE', message: '只有运行监控亮红灯或绩效自评等级为中、差的项目才能下达整改通知' } }),
    );
    (byId(fixture, 'rect-issue') as HTMLButtonElement).click();
    await settle(fixture);
    expect(api.create).toHaveBeenCalledWith(ID, { problems: '执行率偏低', requirements: '说明原因', deadline: '2027-06-30' });
    expect(byId(fixture, 'rect-failure')?.textContent).toContain('只有运行监控亮红灯');
    expect((byId(fixture, 'rect-issue-problems') as HTMLTextAreaElement).value).toBe('执行率偏低');
  });
});
