import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { FailureAlertComponent, type ShownFailure } from './failure-alert.component';

@Component({
  imports: [FailureAlertComponent],
  template: `<pt-failure-alert [failure]="failure()" testId="x-error" reloadTestId="x-reload" [fieldLabel]="label" conflictNote="填写的内容仍在" (closed)="closed = closed + 1" (reload)="reloads = reloads + 1" />`,
})
class HostComponent {
  readonly failure = signal<ShownFailure | null>(null);
  readonly label = (f: string) => (f === 'items[0].actual' ? '第1行实际完成值' : f);
  closed = 0;
  reloads = 0;
}

describe('FailureAlertComponent', () => {
  async function render(failure: ShownFailure | null) {
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const fixture = TestBed.createComponent(HostComponent);
    fixture.componentInstance.failure.set(failure);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    return { fixture, el, by: (id: string) => el.querySelector(`[data-testid="${id}"]`) as HTMLElement | null };
  }

  it('shows nothing without a failure', async () => {
    const { by } = await render(null);
    expect(by('x-error')).toBeNull();
  });

  it('names each field by the page’s labels; no 重新加载 for a plain 400', async () => {
    const { by, el } = await render({ status: 400, message: '请求参数有误', details: [{ field: 'items[0].actual', message: '须为数字' }, { message: '其他问题' }] });
    expect(by('x-error')?.textContent).toContain('请求参数有误');
    expect([...el.querySelectorAll('[data-testid="x-error-detail"]')].map((d) => d.textContent?.trim())).toEqual(['第1行实际完成值：须为数字', '其他问题']);
    expect(by('x-reload')).toBeNull();
    expect(by('x-error-conflict')).toBeNull();
  });

  it('offers 重新加载 on a 412 (with the page’s note) and a 409, and tells the page', async () => {
    const { by, fixture } = await render({ status: 412, message: '数据已被他人修改', details: [] });
    expect(by('x-error-conflict')?.textContent).toContain('填写的内容仍在');
    by('x-reload')?.click();
    expect(fixture.componentInstance.reloads).toBe(1);
    fixture.componentInstance.failure.set({ status: 409, message: '当前状态不允许此操作', details: [] });
    fixture.detectChanges();
    expect(by('x-reload')).not.toBeNull();
    expect(by('x-error-conflict')).toBeNull();
  });
});
