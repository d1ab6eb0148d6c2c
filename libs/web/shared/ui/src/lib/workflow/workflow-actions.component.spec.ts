import { CheckOutline, RollbackOutline, SendOutline } from '@ant-design/icons-angular/icons';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { TransitionAction } from '@pt/domain';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { WorkflowActionsComponent, type WorkflowStep } from './workflow-actions.component';

@Component({
  imports: [WorkflowActionsComponent],
  template: `
    <pt-workflow-actions [actions]="actions()" [busy]="busy()" [reason]="reason()" [blocked]="blocked()" testIdPrefix="x-" (acted)="steps.push($event)">
      <p data-testid="x-between">逐行意见</p>
    </pt-workflow-actions>
  `,
})
class HostComponent {
  readonly actions = signal<TransitionAction[]>([]);
  readonly busy = signal<string | null>(null);
  readonly reason = signal<'dialog' | 'inline'>('dialog');
  readonly blocked = signal<Partial<Record<TransitionAction, string>>>({});
  readonly steps: WorkflowStep[] = [];
}

describe('WorkflowActionsComponent', () => {
  async function render(actions: TransitionAction[], reason: 'dialog' | 'inline' = 'dialog') {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations(), provideNzIcons([CheckOutline, RollbackOutline, SendOutline])] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.actions.set(actions);
    fixture.componentInstance.reason.set(reason);
    fixture.detectChanges();
    await fixture.whenStable();
    const by = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    const settle = async () => {
      fixture.detectChanges();
      await fixture.whenStable();
      fixture.detectChanges();
    };
    /** Clicks the element, then lets what it started show. */
    const press = async (id: string) => {
      by(id)?.click();
      await settle();
    };
    /** Types `text` into the text box, as the user would. */
    const type = async (id: string, text: string) => {
      const box = by(id) as HTMLTextAreaElement;
      box.value = text;
      box.dispatchEvent(new Event('input'));
      await settle();
    };
    return { fixture, by, settle, press, type, steps: fixture.componentInstance.steps };
  }

  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = '')));

  it('shows one button per allowed action, and none of the others', async () => {
    const { by } = await render(['submit', 'withdraw']);
    expect(by('x-submit')?.textContent).toContain('提交');
    expect(by('x-withdraw')?.textContent).toContain('撤回');
    expect(by('x-approve')).toBeNull();
    expect(by('x-return')).toBeNull();
    expect(by('x-review-comment')).toBeNull();
  });

  it('while busy: every button waits', async () => {
    const { by, fixture, settle } = await render(['approve', 'return']);
    fixture.componentInstance.busy.set('approve');
    await settle();
    expect((by('x-approve') as HTMLButtonElement).disabled).toBe(true);
    expect((by('x-return') as HTMLButtonElement).disabled).toBe(true);
  });

  it('inline: 退回 without a comment is refused in place; with one it asks once more, then emits the trimmed comment', async () => {
    const { by, press, type, steps } = await render(['approve', 'return'], 'inline');
    expect(by('x-between')?.textContent).toBe('逐行意见');
    await press('x-return');
    expect(by('x-comment-required')?.textContent).toContain('退回时请填写退回意见');
    expect(steps).toEqual([]);
    await type('x-review-comment', '  请补充测算依据 ');
    expect(by('x-comment-required')).toBeNull();
    await press('x-return');
    expect(steps).toEqual([]);
    expect(by('x-confirm')?.textContent).toContain('确定退回？');
    expect(by('x-confirm')?.textContent).toContain('请补充测算依据');
    by('x-confirm-ok')?.click();
    expect(steps).toEqual([{ action: 'return', comment: '请补充测算依据' }]);
  });

  it('a blocked action: its button disabled with the reason beside it', async () => {
    const { by, fixture, settle } = await render(['approve', 'return'], 'inline');
    fixture.componentInstance.blocked.set({ approve: '总体评价为「中」，不能审核通过' });
    await settle();
    expect((by('x-approve') as HTMLButtonElement).disabled).toBe(true);
    expect(by('x-approve-blocked')?.textContent).toContain('总体评价为「中」');
    expect((by('x-return') as HTMLButtonElement).disabled).toBe(false);
  });

  it('a cancelled confirmation emits nothing', async () => {
    const { by, press, steps } = await render(['approve'], 'inline');
    await press('x-approve');
    await press('x-confirm-cancel');
    expect(steps).toEqual([]);
    expect(by('x-confirm')).toBeNull();
  });

  it('inline: 通过 needs no comment (asked once more)', async () => {
    const { by, press, steps } = await render(['approve', 'return'], 'inline');
    await press('x-approve');
    by('x-confirm-ok')?.click();
    expect(steps).toEqual([{ action: 'approve' }]);
  });

  it('dialog: 退回 asks for the reason and emits it; an empty one is refused', async () => {
    const { by, press, type, steps } = await render(['approve', 'return']);
    await press('x-return');
    await press('x-comment-ok');
    expect(by('x-comment-required')?.textContent).toContain('退回时请填写退回原因');
    expect(steps).toEqual([]);
    await type('x-comment', '偏差原因过于简单');
    await press('x-comment-ok');
    by('x-confirm-ok')?.click();
    expect(steps).toEqual([{ action: 'return', comment: '偏差原因过于简单' }]);
  });

  it('dialog: 审核通过 with an empty comment emits the action alone', async () => {
    const { by, press, steps } = await render(['approve']);
    await press('x-approve');
    await press('x-comment-ok');
    by('x-confirm-ok')?.click();
    expect(steps).toEqual([{ action: 'approve' }]);
  });
});
