import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthStore, loginErrorMessage, safeReturnUrl } from '@pt/web/auth/data-access';
import { loadState, markAllInvalid } from '@pt/web/shared/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { AuthCardComponent } from './auth-card.component';

@Component({
  selector: 'pt-login-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzIconModule, NzInputModule, AuthCardComponent],
  template: `
    <pt-auth-card heading="财政项目支出绩效目标管理" subtitle="绩效目标申报 · 审核 · 监控 · 自评">
      @if (error(); as msg) {
        <nz-alert nzType="error" [nzMessage]="msg" nzShowIcon class="error" data-testid="login-error"></nz-alert>
      }
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
        <nz-form-item>
          <nz-form-label nzFor="username" nzRequired>用户名</nz-form-label>
          <nz-form-control nzErrorTip="请输入用户名">
            <nz-input-group nzPrefixIcon="user">
              <input nz-input id="username" formControlName="username" autocomplete="username" placeholder="用户名" />
            </nz-input-group>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="password" nzRequired>密码</nz-form-label>
          <nz-form-control nzErrorTip="请输入密码">
            <nz-input-group nzPrefixIcon="lock">
              <input nz-input id="password" type="password" formControlName="password" autocomplete="current-password" placeholder="密码" />
            </nz-input-group>
          </nz-form-control>
        </nz-form-item>
        <button nz-button nzType="primary" nzBlock type="submit" [nzLoading]="busy()">登录</button>
      </form>
    </pt-auth-card>
  `,
  styles: `
    .error { margin-bottom: 16px; }
  `,
})
export class LoginPage {
  private readonly store = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** The login on its way and why the last one failed. */
  private readonly sending = loadState();
  readonly busy = this.sending.loading;
  readonly error = this.sending.error;
  readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });

  async submit(): Promise<void> {
    if (this.form.invalid) {
      markAllInvalid(this.form);
      return;
    }
    const { username, password } = this.form.getRawValue();
    await this.sending.run(async () => {
      const res = await this.store.login(username.trim(), password);
      const next = safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl'));
      // an initial or reset password: 修改密码 first, then on to where the user was going
      if (res.mustChangePassword) await this.router.navigate(['/password'], { queryParams: { returnUrl: next } });
      else await this.router.navigateByUrl(next);
    }, loginErrorMessage);
  }
}
