import { roleSeparationProblem } from '@pt/domain';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  type AdminFailure,
  AdminApi,
  type AdminOrg,
  type AdminUser,
  type AssignableRole,
  fieldError,
  kindLabel,
  orgOptions,
  PASSWORD_POLICY_TEXT,
  passwordProblem,
  requiredOrgKind,
  ROLE_COLORS,
  roleLabel,
  roleOptions,
  roleOrgProblems,
  toAdminFailure,
} from '@pt/web/admin/data-access';
import { AuthStore } from '@pt/web/auth/data-access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ErrorListComponent } from './error-list.component';

interface UserForm {
  /** null: a new user. */
  id: string | null;
  version: number;
  username: string;
  displayName: string;
  password: string;
  roles: AssignableRole[];
  orgId: string | null;
}

interface PasswordForm {
  user: AdminUser;
  password: string;
  confirm: string;
}


/**
 * 用户管理: users with search and an organisation filter; add and edit in a modal (roles as checkboxes,
 * the organisation must fit the roles), disable / enable, reset a password. Every change sends
 * `If-Match` with the version in the list; a 412 reloads the user.
 */
@Component({
  selector: 'pt-admin-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    DatePipe,
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    ErrorListComponent,
  ],
  template: `
    <nz-card nzTitle="用户管理" [nzExtra]="extra">
      <div class="filters">
        <nz-input-group class="f-q" nzSearch [nzAddOnAfter]="searchBtn">
          <input
            nz-input
            type="search"
            placeholder="按用户名或姓名搜索"
            aria-label="搜索用户"
            maxlength="100"
            data-testid="users-search"
            [ngModel]="q()"
            (ngModelChange)="q.set($event)"
            (keydown.enter)="load()"
          />
        </nz-input-group>
        <ng-template #searchBtn>
          <button nz-button nzType="primary" nzSearch type="button" (click)="load()" aria-label="搜索" data-testid="users-search-button">
            <span nz-icon nzType="search"></span>
          </button>
        </ng-template>
        <nz-select
          class="f-org"
          nzAllowClear
          nzShowSearch
          nzPlaceHolder="全部机构"
          aria-label="所属机构"
          data-testid="users-filter-org"
          [ngModel]="orgId()"
          (ngModelChange)="setOrgFilter($event)"
        >
          @for (o of filterOptions(); track o.value) {
            <nz-option [nzValue]="o.value" [nzLabel]="o.label" />
          }
        </nz-select>
      </div>
      @if (loadError(); as e) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="e" class="block" data-testid="users-load-error"></nz-alert>
      }
      <nz-table
        #table
        [nzData]="users()"
        [nzLoading]="loading()"
        [nzPageSize]="20"
        [nzHideOnSinglePage]="true"
        nzSize="middle"
        [nzNoResult]="empty"
        data-testid="users-table"
      >
        <thead>
          <tr>
            <th nzWidth="140px">用户名</th>
            <th>姓名</th>
            <th>角色</th>
            <th>所属机构</th>
            <th nzWidth="90px">状态</th>
            <th nzWidth="120px">创建时间</th>
            <th nzWidth="230px">操作</th>
          </tr>
        </thead>
        <tbody>
          @for (u of table.data; track u.id) {
            <tr [attr.data-testid]="'user-row-' + u.username" [class.disabled]="u.disabled">
              <td class="mono">{{ u.username }}</td>
              <td>{{ u.displayName }}</td>
              <td>
                @for (r of u.roles; track r) {
                  <nz-tag [nzColor]="roleColor(r)">{{ roleLabel(r) }}</nz-tag>
                }
              </td>
              <td>
                {{ u.orgName }}
                <span class="kind">（{{ kindLabel(u.orgKind) }}）</span>
              </td>
              <td>
                @if (u.disabled) {
                  <nz-tag nzColor="default" data-testid="user-status">已停用</nz-tag>
                } @else {
                  <nz-tag nzColor="success" data-testid="user-status">正常</nz-tag>
                }
              </td>
              <td>{{ u.createdAt | date: 'yyyy-MM-dd' }}</td>
              <td class="ops">
                <button nz-button nzType="link" nzSize="small" type="button" (click)="openEdit(u)" [attr.data-testid]="'user-edit-' + u.username">
                  <span nz-icon nzType="edit"></span>编辑
                </button>
                <button nz-button nzType="link" nzSize="small" type="button" (click)="openPassword(u)" [attr.data-testid]="'user-password-' + u.username">
                  <span nz-icon nzType="key"></span>重置密码
                </button>
                @if (u.disabled) {
                  <button
                    nz-button
                    nzType="link"
                    nzSize="small"
                    type="button"
                    nz-popconfirm
                    [nzPopconfirmTitle]="'启用「' + u.displayName + '」？启用后可以重新登录。'"
                    nzOkText="启用"
                    nzCancelText="取消"
                    (nzOnConfirm)="setDisabled(u, false)"
                    [nzLoading]="busyId() === u.id"
                    [attr.data-testid]="'user-enable-' + u.username"
                  >
                    <span nz-icon nzType="check-circle"></span>启用
                  </button>
                } @else {
                  <button
                    nz-button
                    nzType="link"
                    nzDanger
                    nzSize="small"
                    type="button"
                    nz-popconfirm
                    [nzPopconfirmTitle]="'停用「' + u.displayName + '」？停用后立即退出登录且不能再登录。'"
                    nzOkText="停用"
                    nzOkDanger
                    nzCancelText="取消"
                    (nzOnConfirm)="setDisabled(u, true)"
                    [disabled]="u.id === meId()"
                    [title]="u.id === meId() ? '不能停用自己的账号' : ''"
                    [nzLoading]="busyId() === u.id"
                    [attr.data-testid]="'user-disable-' + u.username"
                  >
                    <span nz-icon nzType="stop"></span>停用
                  </button>
                }
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #empty>
        <span data-testid="users-empty">{{ q() || orgId() ? '没有符合条件的用户' : '还没有用户' }}</span>
      </ng-template>
      @if (actionError(); as e) {
        <pt-admin-error-list [failure]="e" data-testid="users-action-error" />
      }
    </nz-card>
    <ng-template #extra>
      <button nz-button type="button" (click)="reloadAll()" [disabled]="loading()" data-testid="users-reload"><span nz-icon nzType="reload"></span>刷新</button>
      <button nz-button nzType="primary" type="button" class="add" (click)="openCreate()" data-testid="user-add">
        <span nz-icon nzType="plus"></span>新增用户
      </button>
    </ng-template>

    <nz-modal
      [nzVisible]="form() !== null"
      [nzTitle]="form()?.id ? '编辑用户' : '新增用户'"
      nzOkText="保存"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      [nzMaskClosable]="false"
      [nzWidth]="600"
      (nzOnOk)="save()"
      (nzOnCancel)="close()"
    >
      <ng-container *nzModalContent>
        @if (form(); as f) {
          @if (failure(); as e) {
            <pt-admin-error-list [failure]="e" data-testid="user-form-error" />
          }
          <form nz-form nzLayout="vertical" (ngSubmit)="save()" data-testid="user-form">
            <nz-form-item>
              <nz-form-label nzRequired nzFor="user-username">用户名</nz-form-label>
              <nz-form-control
                [nzValidateStatus]="err('username') ? 'error' : ''"
                [nzErrorTip]="err('username') ?? ''"
                [nzExtra]="f.id ? '用户名创建后不能修改' : '2–64 位字母、数字、下划线、点或连字符，用于登录'"
              >
                <input
                  nz-input
                  id="user-username"
                  name="username"
                  maxlength="64"
                  autocomplete="off"
                  data-testid="user-form-username"
                  [disabled]="f.id !== null"
                  [ngModel]="f.username"
                  (ngModelChange)="patch({ username: $event })"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired nzFor="user-display-name">姓名</nz-form-label>
              <nz-form-control [nzValidateStatus]="err('displayName') ? 'error' : ''" [nzErrorTip]="err('displayName') ?? ''">
                <input
                  nz-input
                  id="user-display-name"
                  name="displayName"
                  maxlength="100"
                  data-testid="user-form-display-name"
                  [ngModel]="f.displayName"
                  (ngModelChange)="patch({ displayName: $event })"
                />
              </nz-form-control>
            </nz-form-item>
            @if (f.id === null) {
              <nz-form-item>
                <nz-form-label nzRequired nzFor="user-password">初始密码</nz-form-label>
                <nz-form-control [nzValidateStatus]="err('password') ? 'error' : ''" [nzErrorTip]="err('password') ?? ''" [nzExtra]="policy">
                  <input
                    nz-input
                    id="user-password"
                    name="password"
                    type="password"
                    maxlength="128"
                    autocomplete="new-password"
                    data-testid="user-form-password"
                    [ngModel]="f.password"
                    (ngModelChange)="patch({ password: $event })"
                  />
                </nz-form-control>
              </nz-form-item>
            }
            <nz-form-item>
              <nz-form-label nzRequired>角色</nz-form-label>
              <nz-form-control [nzValidateStatus]="err('roles') ? 'error' : ''" [nzErrorTip]="err('roles') ?? ''" [nzExtra]="roleHint()">
                <nz-checkbox-group
                  name="roles"
                  data-testid="user-form-roles"
                  [nzOptions]="roleChoices"
                  [ngModel]="f.roles"
                  (ngModelChange)="patch({ roles: $event })"
                ></nz-checkbox-group>
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label nzRequired nzFor="user-org">所属机构</nz-form-label>
              <nz-form-control [nzValidateStatus]="err('orgId') ? 'error' : ''" [nzErrorTip]="err('orgId') ?? ''">
                <nz-select
                  nzId="user-org"
                  name="orgId"
                  nzShowSearch
                  nzPlaceHolder="请选择所属机构"
                  data-testid="user-form-org"
                  [ngModel]="f.orgId"
                  (ngModelChange)="patch({ orgId: $event })"
                >
                  @for (o of formOrgOptions(); track o.value) {
                    <nz-option [nzValue]="o.value" [nzLabel]="o.label" [nzDisabled]="o.disabled" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
            <button type="submit" hidden></button>
          </form>
        }
      </ng-container>
    </nz-modal>

    <nz-modal
      [nzVisible]="pwForm() !== null"
      [nzTitle]="'重置密码：' + (pwForm()?.user?.displayName ?? '')"
      nzOkText="重置密码"
      nzCancelText="取消"
      [nzOkLoading]="saving()"
      [nzMaskClosable]="false"
      (nzOnOk)="savePassword()"
      (nzOnCancel)="closePassword()"
    >
      <ng-container *nzModalContent>
        @if (pwForm(); as p) {
          <p class="hint">重置后该用户的所有登录立即失效，须用新密码重新登录。请把新密码告知本人。</p>
          @if (failure(); as e) {
            <pt-admin-error-list [failure]="e" data-testid="password-form-error" />
          }
          <form nz-form nzLayout="vertical" (ngSubmit)="savePassword()" data-testid="password-form">
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
                  [ngModel]="p.password"
                  (ngModelChange)="patchPassword({ password: $event })"
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
                  [ngModel]="p.confirm"
                  (ngModelChange)="patchPassword({ confirm: $event })"
                />
              </nz-form-control>
            </nz-form-item>
            <button type="submit" hidden></button>
          </form>
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
    .f-q { width: 280px; }
    .f-org { width: 320px; }
    .block { margin-bottom: 16px; }
    .add { margin-left: 8px; }
    .mono { font-family: monospace; }
    .kind { color: rgba(0, 0, 0, 0.45); }
    .ops { white-space: nowrap; }
    tr.disabled td { color: rgba(0, 0, 0, 0.4); }
    .hint { color: rgba(0, 0, 0, 0.55); }
  `,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthStore);

  readonly policy = PASSWORD_POLICY_TEXT;
  readonly roleChoices = roleOptions();
  readonly roleLabel = roleLabel;
  readonly kindLabel = kindLabel;
  readonly roleColor = (r: string) => ROLE_COLORS[r] ?? 'default';

  readonly meId = computed(() => this.auth.user()?.id ?? null);
  readonly users = signal<AdminUser[]>([]);
  readonly orgs = signal<AdminOrg[]>([]);
  readonly q = signal('');
  readonly orgId = signal<string | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);
  readonly busyId = signal<string | null>(null);
  readonly actionError = signal<AdminFailure | null>(null);

  readonly form = signal<UserForm | null>(null);
  readonly pwForm = signal<PasswordForm | null>(null);
  readonly saving = signal(false);
  readonly failure = signal<AdminFailure | null>(null);

  readonly filterOptions = computed(() => orgOptions(this.orgs()));
  /** Organisations that fit the chosen roles are selectable; the others are shown disabled. */
  readonly formOrgOptions = computed(() => {
    const need = requiredOrgKind(this.form()?.roles ?? []);
    return orgOptions(this.orgs(), (o) => need === null || need === o.kind);
  });
  readonly roleHint = computed(() => {
    const f = this.form();
    if (!f) return '';
    const need = requiredOrgKind(f.roles);
    if (need === 'conflict') return '所选角色须属于不同类型的机构，不能同时授予';
    const org = this.orgs().find((o) => o.id === f.orgId);
    const problems = roleOrgProblems(f.roles, org?.kind);
    if (problems.length) return problems.join('；');
    return need ? `所选角色须属于${kindLabel(need)}` : '填报人属于预算单位，主管部门审核人属于主管部门，财政审核人属于财政局';
  });

  constructor() {
    void this.reloadAll();
  }

  async reloadAll(): Promise<void> {
    await Promise.all([this.loadOrgs(), this.load()]);
  }

  async loadOrgs(): Promise<void> {
    try {
      this.orgs.set(await this.api.orgs());
    } catch (e) {
      this.loadError.set(toAdminFailure(e, '机构列表加载失败').message);
    }
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      this.users.set(await this.api.users({ q: this.q(), orgId: this.orgId() }));
    } catch (e) {
      this.loadError.set(toAdminFailure(e, '用户列表加载失败').message);
    } finally {
      this.loading.set(false);
    }
  }

  setOrgFilter(id: string | null): void {
    this.orgId.set(id ?? null);
    void this.load();
  }

  err(field: string): string | null {
    return fieldError(this.failure(), field);
  }

  // ------------------------------------------------------------ add / edit

  openCreate(): void {
    this.failure.set(null);
    this.form.set({ id: null, version: 0, username: '', displayName: '', password: '', roles: ['filler'], orgId: this.orgId() });
  }

  openEdit(u: AdminUser): void {
    this.failure.set(null);
    this.form.set(this.toForm(u));
  }

  close(): void {
    if (!this.saving()) this.form.set(null);
  }

  patch(p: Partial<UserForm>): void {
    const f = this.form();
    if (f) this.form.set({ ...f, ...p });
  }

  async save(): Promise<void> {
    const f = this.form();
    if (!f || this.saving()) return;
    const local = this.checkForm(f);
    if (local) {
      this.failure.set(local);
      return;
    }
    this.saving.set(true);
    this.failure.set(null);
    try {
      if (f.id === null) {
        const created = await this.api.createUser({
          username: f.username.trim(),
          displayName: f.displayName.trim(),
          password: f.password,
          roles: f.roles,
          orgId: f.orgId as string,
        });
        this.message.success(`已新增用户「${created.displayName}」（${created.username}）`);
      } else {
        const saved = await this.api.updateUser(f.id, f.version, { displayName: f.displayName.trim(), roles: f.roles, orgId: f.orgId as string });
        this.message.success(`已保存用户「${saved.displayName}」`);
      }
      this.form.set(null);
      await this.reloadAll();
    } catch (e) {
      const failure = toAdminFailure(e, '保存失败，请稍后重试');
      if (failure.status === 412 && f.id) {
        // someone else changed the user: show their version, keep the dialog open
        const fresh = await this.fetchQuietly(f.id);
        if (fresh) {
          this.form.set(this.toForm(fresh));
          failure.message = `${failure.message}。已载入最新内容，请核对后重新修改并保存。`;
        }
        void this.load();
      }
      this.failure.set(failure);
    } finally {
      this.saving.set(false);
    }
  }

  // ------------------------------------------------------------ password

  openPassword(u: AdminUser): void {
    this.failure.set(null);
    this.pwForm.set({ user: u, password: '', confirm: '' });
  }

  closePassword(): void {
    if (!this.saving()) this.pwForm.set(null);
  }

  patchPassword(p: Partial<PasswordForm>): void {
    const f = this.pwForm();
    if (f) this.pwForm.set({ ...f, ...p });
  }

  async savePassword(): Promise<void> {
    const p = this.pwForm();
    if (!p || this.saving()) return;
    const problem = passwordProblem(p.password);
    const details = [
      ...(problem ? [{ field: 'password', message: problem }] : []),
      ...(!problem && p.password !== p.confirm ? [{ field: 'confirm', message: '两次输入的密码不一致' }] : []),
    ];
    if (details.length) {
      this.failure.set({ status: 400, code: 'LOCAL', message: '请检查填写的密码', details });
      return;
    }
    this.saving.set(true);
    this.failure.set(null);
    try {
      // a password does not depend on the other fields: sent without If-Match, so a concurrent rename does not block it
      const saved = await this.api.updateUser(p.user.id, null, { password: p.password });
      this.message.success(`已重置「${saved.displayName}」的密码，其原有登录已失效`);
      this.pwForm.set(null);
      await this.load();
    } catch (e) {
      this.failure.set(toAdminFailure(e, '重置密码失败，请稍后重试'));
    } finally {
      this.saving.set(false);
    }
  }

  // ------------------------------------------------------------ disable / enable

  async setDisabled(u: AdminUser, disabled: boolean): Promise<void> {
    this.busyId.set(u.id);
    this.actionError.set(null);
    try {
      const saved = await this.api.updateUser(u.id, u.version, { disabled });
      this.message.success(disabled ? `已停用「${saved.displayName}」，其登录已失效` : `已启用「${saved.displayName}」`);
    } catch (e) {
      const failure = toAdminFailure(e, disabled ? '停用失败，请稍后重试' : '启用失败，请稍后重试');
      if (failure.status === 412) failure.message = `${failure.message}。列表已刷新，请重新操作。`;
      this.actionError.set(failure);
    } finally {
      this.busyId.set(null);
      await this.load();
    }
  }

  // ------------------------------------------------------------ helpers

  private toForm(u: AdminUser): UserForm {
    return {
      id: u.id,
      version: u.version,
      username: u.username,
      displayName: u.displayName,
      password: '',
      roles: u.roles.filter((r): r is AssignableRole => this.roleChoices.some((c) => c.value === r)),
      orgId: u.orgId,
    };
  }

  private async fetchQuietly(id: string): Promise<AdminUser | null> {
    try {
      return await this.api.user(id);
    } catch {
      return null;
    }
  }

  /** The checks the server makes anyway, before sending, so the common mistakes show at once. */
  private checkForm(f: UserForm): AdminFailure | null {
    const details: { field: string; message: string }[] = [];
    if (f.id === null && !/^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/.test(f.username.trim())) {
      details.push({ field: 'username', message: '用户名须为 2–64 位字母、数字、下划线、点或连字符，以字母或数字开头' });
    }
    if (!f.displayName.trim()) details.push({ field: 'displayName', message: '请填写姓名' });
    if (f.id === null) {
      const problem = passwordProblem(f.password, f.username);
      if (problem) details.push({ field: 'password', message: problem });
    }
    if (f.roles.length === 0) details.push({ field: 'roles', message: '请至少选择一个角色' });
    if (!f.orgId) details.push({ field: 'orgId', message: '请选择所属机构' });
    const org = this.orgs().find((o) => o.id === f.orgId);
    for (const message of roleOrgProblems(f.roles, org?.kind)) details.push({ field: 'roles', message });
    const separation = roleSeparationProblem(f.roles);
    if (separation) details.push({ field: 'roles', message: separation });
    return details.length ? { status: 400, code: 'LOCAL', message: '请检查填写的内容', details } : null;
  }
}
