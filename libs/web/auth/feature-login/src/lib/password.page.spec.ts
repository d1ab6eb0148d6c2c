import { HttpErrorResponse } from '@angular/common/http';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore } from '@pt/web/auth/data-access';
import { type PasswordPage, passwordErrors } from './password.page';
import { PASSWORD_ROUTES } from './login.routes';

@Component({ selector: 'pt-target-stub', template: 'target' })
class TargetStub {}

describe('passwordErrors', () => {
  it('puts the server\'s refusal at its field, or says it in one message', () => {
    const byField = new HttpErrorResponse({ status: 400, error: { details: [{ field: 'currentPassword', message: '当前密码不正确' }] } });
    expect(passwordErrors(byField)).toEqual({ fields: { currentPassword: '当前密码不正确' }, message: null });
    expect(passwordErrors(new HttpErrorResponse({ status: 0 })).message).toBe('无法连接服务器，请检查网络后重试');
    expect(passwordErrors(new HttpErrorResponse({ status: 429, error: { message: '请求过于频繁' } })).message).toBe('请求过于频繁');
    expect(passwordErrors(new Error('x')).message).toBe('修改密码失败，请稍后重试');
  });
});

describe('PasswordPage', () => {
  let calls: [string, string][];
  let answer: () => Promise<void>;
  const forced = signal(true);

  beforeEach(() => {
    calls = [];
    answer = () => Promise.resolve();
    forced.set(true);
    TestBed.configureTestingModule({
      providers: [
        provideNoopAnimations(),
        provideRouter([
          { path: 'password', children: PASSWORD_ROUTES },
          { path: 'projects', component: TargetStub },
          { path: '', component: TargetStub },
        ]),
        {
          provide: AuthStore,
          useValue: {
            user: () => ({ id: 'u', username: 'newbie', displayName: '新同事', roles: ['filler'], orgId: 'o' }),
            mustChangePassword: forced,
            changePassword: (current: string, next: string) => {
              calls.push([current, next]);
              return answer().then(() => forced.set(false));
            },
            logout: () => Promise.resolve(),
          },
        },
      ],
    });
  });

  async function open(url: string) {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    const root = () => harness.routeNativeElement as HTMLElement;
    const page = harness.routeDebugElement?.componentInstance as PasswordPage;
    const settle = async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setTimeout(r));
        harness.detectChanges();
      }
    };
    return { harness, root, page, settle };
  }

  it('says why it is shown when forced, checks the fields before sending, and goes on to where the user was going', async () => {
    const { root, page, settle } = await open('/password?returnUrl=%2Fprojects');
    expect(root().querySelector('[data-testid="password-forced"]')?.textContent).toContain('请先修改密码');
    page.form.setValue({ currentPassword: 'Initial#2027', newPassword: 'abcdefgh', confirm: 'abcdefgh' });
    await page.submit();
    expect(page.fieldError('newPassword')).toBe('密码须包含大写字母、小写字母、数字、符号中的至少三类');
    page.form.setValue({ currentPassword: 'Initial#2027', newPassword: 'Newbie#2028', confirm: 'Newbie#2028' });
    await page.submit();
    expect(page.fieldError('newPassword')).toBe('密码不能包含用户名');
    page.form.setValue({ currentPassword: 'Initial#2027', newPassword: 'Fresh#2028ab', confirm: 'Fresh#2028ac' });
    await page.submit();
    expect(page.fieldError('confirm')).toBe('两次输入的新密码不一致');
    expect(calls).toEqual([]);
    page.form.setValue({ currentPassword: 'Initial#2027', newPassword: 'Fresh#2028ab', confirm: 'Fresh#2028ab' });
    await page.submit();
    await settle();
    expect(calls).toEqual([['Initial#2027', 'Fresh#2028ab']]);
    expect(TestBed.inject(Router).url).toBe('/projects');
  });

  it('shows the server\'s refusal at its field and stays; when not forced, says it is done in place', async () => {
    forced.set(false);
    const { root, page, settle } = await open('/password');
    expect(root().querySelector('[data-testid="password-forced"]')).toBeNull();
    answer = () => Promise.reject(new HttpErrorResponse({ status: 400, error: { details: [{ field: 'currentPassword', message: '当前密码不正确' }] } }));
    page.form.setValue({ currentPassword: 'Wrong#2027x', newPassword: 'Fresh#2028ab', confirm: 'Fresh#2028ab' });
    await page.submit();
    expect(page.fieldError('currentPassword')).toBe('当前密码不正确');
    answer = () => Promise.resolve();
    page.form.setValue({ currentPassword: 'Initial#2027', newPassword: 'Fresh#2028ab', confirm: 'Fresh#2028ab' });
    await page.submit();
    await settle();
    expect(root().querySelector('[data-testid="password-done"]')?.textContent).toContain('密码已修改');
    expect(TestBed.inject(Router).url).toBe('/password');
  });
});
