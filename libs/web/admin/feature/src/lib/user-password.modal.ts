import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { type AdminFailure, AdminApi, type AdminUser, fieldError, PASSWORD_POLICY_TEXT, passwordProblem, toAdminFailure } from '@pt/web/admin/data-access';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { ErrorListComponent } from './error-list.component';

/**
 * 重置密码 of a user (split from the users page): the new password twice, checked by the policy before sending.
 * The user changes it again at the next login (the server forces it: the administrator knows this one).
 */
@Component({
  selector: 'pt-admin-user-password-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzFormModule, NzInputModule, NzModalModule, ErrorListComponent],
  template: `
    <nz-modal
      [nzVisible]="user() !== null"
      [nzTitle]="'重置密码：' + (user()?.displayName ?? '')"
      nzOkText="重置密码"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      [nzMaskClosable]="false"
      (nzOnOk)="save()"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        <p class="hint">重置后该用户的所有登录立即失效，须用新密码登录，并在首次登录时修改密码。请把新密码告知本人。</p>
        @if (failure(); as e) {
          <pt-admin-error-list [failure]="e" data-testid="password-form-error" />
        }
        <form nz-form nzLayout="vertical" (ngSubmit)="save()" data-testid="password-form">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="new-password">新密码</nz-form-label>
            <nz-form-control [nzValidateStatus]="err('password') ? 'error' : ''" [nzErrorTip]="err('password') ?? ''" [nzExtra]="policy">
              <input
                nz-input
                id="new-password"
                name="password"
                type="password"
                maxlength="128"
                autocomplete="new-password"
                data-testid="password-form-password"
                [ngModel]="password()"
                (ngModelChange)="password.set($event)"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="confirm-password">确认新密码</nz-form-label>
            <nz-form-control [nzValidateStatus]="err('confirm') ? 'error' : ''" [nzErrorTip]="err('confirm') ?? ''">
              <input
                nz-input
                id="confirm-password"
                name="confirm"
                type="password"
                maxlength="128"
                autocomplete="new-password"
                data-testid="password-form-confirm"
                [ngModel]="confirm()"
                (ngModelChange)="confirm.set($event)"
              />
            </nz-form-control>
          </nz-form-item>
          <button type="submit" hidden></button>
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .hint { color: rgba(0, 0, 0, 0.55); }
  `,
})
export class UserPasswordModal {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);

  /** The user whose password is reset; null: closed. */
  readonly user = input<AdminUser | null>(null);
  /** Closed, with true when the password was reset. */
  readonly closed = output<boolean>();

  readonly policy = PASSWORD_POLICY_TEXT;
  readonly password = signal('');
  readonly confirm = signal('');
  readonly saving = signal(false);
  readonly failure = signal<AdminFailure | null>(null);

  err(field: string): string | null {
    return fieldError(this.failure(), field);
  }

  close(done = false): void {
    if (this.saving() && !done) return;
    this.password.set('');
    this.confirm.set('');
    this.failure.set(null);
    this.closed.emit(done);
  }

  async save(): Promise<void> {
    const u = this.user();
    if (!u || this.saving()) return;
    const problem = passwordProblem(this.password(), u.username);
    const details = [
      ...(problem ? [{ field: 'password', message: problem }] : []),
      ...(!problem && this.password() !== this.confirm() ? [{ field: 'confirm', message: '两次输入的密码不一致' }] : []),
    ];
    if (details.length) {
      this.failure.set({ status: 400, code: 'LOCAL', message: '请检查填写的密码', details });
      return;
    }
    this.saving.set(true);
    this.failure.set(null);
    try {
      // a password does not depend on the other fields: sent without If-Match, so a concurrent rename does not block it
      const saved = await this.api.updateUser(u.id, null, { password: this.password() });
      this.message.success(`已重置「${saved.displayName}」的密码，其原有登录已失效`);
      this.saving.set(false);
      this.close(true);
    } catch (e) {
      this.failure.set(toAdminFailure(e, '重置密码失败，请稍后重试'));
    } finally {
      this.saving.set(false);
    }
  }
}
