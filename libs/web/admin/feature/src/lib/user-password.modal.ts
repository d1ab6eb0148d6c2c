import { ChangeDetectionStrategy, Component, effect, inject, input, output, untracked } from '@angular/core';
import { AdminApi, type AdminUser, PASSWORD_POLICY_TEXT, passwordProblem, toAdminFailure } from '@pt/web/admin/data-access';
import { formDialog, localFailure } from '@pt/web/shared/data-access';
import { CrudModalComponent, TextFieldComponent } from '@pt/web/shared/ui';
import { NzMessageService } from 'ng-zorro-antd/message';

/**
 * 重置密码 of a user (split from the users page): the new password twice, checked by the policy before sending.
 * The user changes it again at the next login (the server forces it: the administrator knows this one).
 */
@Component({
  selector: 'pt-admin-user-password-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CrudModalComponent, TextFieldComponent],
  template: `
    <pt-crud-modal
      [dialog]="dialog"
      [title]="'重置密码：' + (user()?.displayName ?? '')"
      okText="重置密码"
      testId="password-form"
      (submitted)="save()"
      (cancelled)="closed.emit(false)"
    >
      <p ptCrudModalLead class="hint">重置后该用户的所有登录立即失效，须用新密码登录，并在首次登录时修改密码。请把新密码告知本人。</p>
      @if (dialog.form(); as f) {
        @for (p of fields; track p.name) {
          <pt-text-field [label]="p.label" [fieldId]="p.id" [name]="p.name" type="password" [maxlength]="128" autocomplete="new-password" required
            [error]="dialog.err(p.name)" [extra]="p.name === 'password' ? policy : null" [testId]="'password-form-' + p.name" [value]="f[p.name]" (valueChange)="set(p.name, $event)" />
        }
      }
    </pt-crud-modal>
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
  readonly fields = [
    { name: 'password', id: 'new-password', label: '新密码' },
    { name: 'confirm', id: 'confirm-password', label: '确认新密码' },
  ] as const;
  readonly dialog = formDialog<{ password: string; confirm: string }>();

  constructor() {
    // a fresh form for every user the dialog opens on
    effect(() => {
      if (this.user()) untracked(() => this.dialog.show({ password: '', confirm: '' }));
    });
  }

  set(field: 'password' | 'confirm', value: string): void {
    this.dialog.patch({ [field]: value });
  }

  async save(): Promise<void> {
    const u = this.user();
    if (!u) return;
    const saved = await this.dialog.save({
      check: (f) => {
        const problem = passwordProblem(f.password, u.username);
        return localFailure(
          problem ? [{ field: 'password', message: problem }] : f.password !== f.confirm ? [{ field: 'confirm', message: '两次输入的密码不一致' }] : [],
          '请检查填写的密码',
        );
      },
      send: async (f) => {
        // a password does not depend on the other fields: sent without If-Match, so a concurrent rename does not block it
        const saved = await this.api.updateUser(u.id, null, { password: f.password });
        this.message.success(`已重置「${saved.displayName}」的密码，其原有登录已失效`);
      },
      toFailure: (e) => toAdminFailure(e, '重置密码失败，请稍后重试'),
    });
    if (saved) this.closed.emit(true);
  }
}
