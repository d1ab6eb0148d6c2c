import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { PASSWORD_POLICY_TEXT, passwordProblem } from '@pt/domain';
import type { ApiError } from '@pt/shared/api-types';
import { AuthStore, safeReturnUrl } from '@pt/web/auth/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { AuthCardComponent } from './auth-card.component';

type Field = 'currentPassword' | 'newPassword' | 'confirm';

/** The server's refusal by field (a wrong current password, the policy, a reused password), or one message. */
export function passwordErrors(e: unknown): { fields: Partial<Record<Field, string>>; message: string | null } {
  if (e instanceof HttpErrorResponse) {
    const body = e.error as Partial<ApiError> | null;
    const fields: Partial<Record<Field, string>> = {};
    for (const d of body?.details ?? []) if (d.field === 'currentPassword' || d.field === 'newPassword') fields[d.field] = d.message;
    if (Object.keys(fields).length) return { fields, message: null };
    if (e.status === 0) return { fields, message: '无法连接服务器，请检查网络后重试' };
    if (typeof body?.message === 'string') return { fields, message: body.message };
  }
  return { fields: {}, message: '修改密码失败，请稍后重试' };
}

/**
 * 修改密码, for every user; the only page open to a user whose password was set by an administrator (the first login
 * with an initial password, or after a reset) until it is changed.
 */
@Component({
  selector: 'pt-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, AuthCardComponent],
  template: `
    <pt-auth-card heading="修改密码" [width]="420">
      @if (forced()) {
        <nz-alert nzType="warning" nzShowIcon data-testid="password-forced" class="gap"
          nzMessage="您的密码是管理员设置的初始密码或重置密码，请先修改密码再继续使用。"></nz-alert>
      }
      @if (done()) {
        <nz-alert nzType="success" nzShowIcon data-testid="password-done" class="gap" nzMessage="密码已修改。"></nz-alert>
      }
      @if (error(); as msg) {
        <nz-alert nzType="error" nzShowIcon data-testid="password-error" class="gap" [nzMessage]="msg"></nz-alert>
      }
      <p class="user">用户：{{ store.user()?.displayName }}（{{ store.user()?.username }}）</p>
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
        <nz-form-item>
          <nz-form-label nzFor="currentPassword" nzRequired>当前密码</nz-form-label>
          <nz-form-control [nzValidateStatus]="fieldError('currentPassword') ? 'error' : ''" [nzErrorTip]="fieldError('currentPassword') ?? ''">
            <input nz-input id="currentPassword" type="password" formControlName="currentPassword" autocomplete="current-password" data-testid="password-current" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="newPassword" nzRequired>新密码</nz-form-label>
          <nz-form-control [nzValidateStatus]="fieldError('newPassword') ? 'error' : ''" [nzErrorTip]="fieldError('newPassword') ?? ''" [nzExtra]="policy">
            <input nz-input id="newPassword" type="password" formControlName="newPassword" autocomplete="new-password" data-testid="password-new" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="confirm" nzRequired>确认新密码</nz-form-label>
          <nz-form-control [nzValidateStatus]="fieldError('confirm') ? 'error' : ''" [nzErrorTip]="fieldError('confirm') ?? ''">
            <input nz-input id="confirm" type="password" formControlName="confirm" autocomplete="new-password" data-testid="password-confirm" />
          </nz-form-control>
        </nz-form-item>
        <div class="actions">
          <button nz-button nzType="primary" type="submit" [nzLoading]="busy()" data-testid="password-submit">修改密码</button>
          @if (!forced()) {
            <a nz-button routerLink="/" data-testid="password-back">返回</a>
          } @else {
            <button nz-button type="button" (click)="logout()" data-testid="password-logout">退出</button>
          }
        </div>
      </form>
    </pt-auth-card>
  `,
  styles: `
    .gap { margin-bottom: 16px; }
    .user { color: rgba(0, 0, 0, 0.65); }
    .actions { display: flex; gap: 8px; }
  `,
})
export class PasswordPage {
  protected readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly policy = PASSWORD_POLICY_TEXT;
  readonly forced = computed(() => this.store.mustChangePassword());
  readonly busy = signal(false);
  readonly done = signal(false);
  readonly error = signal<string | null>(null);
  readonly errors = signal<Partial<Record<Field, string>>>({});
  readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', Validators.required],
    confirm: ['', Validators.required],
  });

  fieldError(f: Field): string | null {
    return this.errors()[f] ?? null;
  }

  /** The checks the server makes too, said before sending (the server's answer is shown when it still refuses). */
  private localErrors(): Partial<Record<Field, string>> {
    const { currentPassword, newPassword, confirm } = this.form.getRawValue();
    const out: Partial<Record<Field, string>> = {};
    if (!currentPassword) out.currentPassword = '请输入当前密码';
    const policy = newPassword ? passwordProblem(newPassword, this.store.user()?.username) : '请输入新密码';
    if (policy) out.newPassword = policy;
    else if (newPassword === currentPassword) out.newPassword = '新密码不能与当前密码相同';
    if (confirm !== newPassword) out.confirm = '两次输入的新密码不一致';
    return out;
  }

  async submit(): Promise<void> {
    this.done.set(false);
    this.error.set(null);
    const local = this.localErrors();
    this.errors.set(local);
    if (Object.keys(local).length) return;
    this.busy.set(true);
    try {
      const { currentPassword, newPassword } = this.form.getRawValue();
      const wasForced = this.forced();
      await this.store.changePassword(currentPassword, newPassword);
      this.form.reset();
      if (wasForced) {
        const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
        await this.router.navigateByUrl(safeReturnUrl(returnUrl));
      } else {
        this.done.set(true);
      }
    } catch (e) {
      const { fields, message } = passwordErrors(e);
      this.errors.set(fields);
      this.error.set(message);
    } finally {
      this.busy.set(false);
    }
  }

  async logout(): Promise<void> {
    await this.store.logout();
    await this.router.navigate(['/login']);
  }
}
