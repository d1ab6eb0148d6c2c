import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { canManageAccount, grantableRoles, ROLE_MANAGER } from '@pt/domain';
import {
  AdminApi,
  type AdminOrg,
  type AdminUser,
  kindLabel,
  orgOptions,
  ROLE_COLORS,
  roleLabel,
  roleOptions,
  toAdminFailure,
} from '@pt/web/admin/data-access';
import { AuthStore } from '@pt/web/auth/data-access';
import { type ApiFailure, loadState, PtDatePipe } from '@pt/web/shared/data-access';
import { ConfirmButtonComponent, ErrorListComponent, ListCardComponent, OrgSelectComponent, SearchInputComponent } from '@pt/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { UserFormModal, type UserForm, userToForm } from './user-form.modal';
import { UserPasswordModal } from './user-password.modal';

/**
 * 用户管理: users with search and an organisation filter; add and edit (UserFormModal), disable / enable, reset a
 * password (UserPasswordModal). 三员分立: each administrator is offered only the roles it may grant and the actions
 * on the accounts it manages (the domain's ROLE_MANAGER); the 安全管理员 sees the administrator accounts it manages.
 * Every change sends `If-Match` with the version in the list.
 */
@Component({
  selector: 'pt-admin-users-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    PtDatePipe,
    NzButtonModule,
    NzIconModule,
    NzTableModule,
    NzTagModule,
    ErrorListComponent,
    ListCardComponent,
    ConfirmButtonComponent,
    SearchInputComponent,
    OrgSelectComponent,
    UserFormModal,
    UserPasswordModal,
  ],
  template: `
    <pt-list-card
      [title]="title()"
      [state]="list"
      errorTestId="users-load-error"
      reloadTestId="users-reload"
      addTestId="user-add"
      addLabel="新增用户"
      [addDisabled]="roleChoices().length === 0"
      (reload)="reloadAll()"
      (add)="openCreate()"
    >
      <div ptListFilters class="filters">
        <pt-search-input class="f-q" label="搜索用户" placeholder="按用户名或姓名搜索" [maxlength]="100" testId="users-search" buttonTestId="users-search-button"
          [value]="q()" (valueChange)="q.set($event)" (searched)="load()" />
        <pt-org-select class="f-org" placeholder="全部机构" label="所属机构" testId="users-filter-org" [options]="filterOptions()" [value]="orgId()" (valueChange)="setOrgFilter($event)" />
      </div>
      <nz-table
        #table
        [nzData]="users()"
        [nzLoading]="list.loading()"
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
              <td>{{ u.createdAt | ptDate }}</td>
              <td class="ops">
                @if (!manages(u)) {
                  <span class="managed" data-testid="user-managed-by">{{ managedBy(u) }}</span>
                } @else {
                  <button nz-button nzType="link" nzSize="small" type="button" (click)="openEdit(u)" [attr.data-testid]="'user-edit-' + u.username">
                    <span nz-icon nzType="edit"></span>编辑
                  </button>
                  <button nz-button nzType="link" nzSize="small" type="button" (click)="openPassword(u)" [attr.data-testid]="'user-password-' + u.username">
                    <span nz-icon nzType="key"></span>重置密码
                  </button>
                  @if (u.disabled) {
                    <pt-confirm-button [confirm]="'启用「' + u.displayName + '」？启用后可以重新登录。'" okText="启用" icon="check-circle"
                      [loading]="busyId() === u.id" [testId]="'user-enable-' + u.username" (confirmed)="setDisabled(u, false)">启用</pt-confirm-button>
                  } @else {
                    <pt-confirm-button danger [confirm]="'停用「' + u.displayName + '」？停用后立即退出登录且不能再登录。'" okText="停用" icon="stop"
                      [disabled]="u.id === meId()" [hint]="u.id === meId() ? '不能停用自己的账号' : ''" [loading]="busyId() === u.id"
                      [testId]="'user-disable-' + u.username" (confirmed)="setDisabled(u, true)">停用</pt-confirm-button>
                  }
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
        <pt-error-list [failure]="e" data-testid="users-action-error" />
      }
    </pt-list-card>

    <pt-admin-user-form-modal
      [initial]="form()"
      [orgs]="orgs()"
      [roleChoices]="roleChoices()"
      [self]="form()?.id === meId()"
      (closed)="formClosed($event)"
    />
    <pt-admin-user-password-modal [user]="pwUser()" (closed)="passwordClosed($event)" />
  `,
  styles: `
    .filters { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
    .f-q { width: 280px; }
    .f-org { width: 320px; }
    .mono { font-family: monospace; }
    .kind { color: rgba(0, 0, 0, 0.45); }
    .ops { white-space: nowrap; }
    tr.disabled td { color: rgba(0, 0, 0, 0.4); }
    .managed { color: rgba(0, 0, 0, 0.45); }
  `,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthStore);

  readonly roleLabel = roleLabel;
  readonly kindLabel = kindLabel;
  readonly roleColor = (r: string) => ROLE_COLORS[r] ?? 'default';

  readonly meId = computed(() => this.auth.user()?.id ?? null);
  private readonly actorRoles = computed(() => (this.auth.user()?.roles ?? []) as string[]);
  /** 三员分立: only the roles this administrator may grant are offered. */
  readonly roleChoices = computed(() => roleOptions().filter((o) => (grantableRoles(this.actorRoles()) as string[]).includes(o.value)));
  /** The 安全管理员 works on the administrator accounts only (the security and audit administrators). */
  readonly adminAccountsOnly = computed(() => !this.actorRoles().includes('sysadmin'));
  readonly title = computed(() => (this.adminAccountsOnly() ? '管理员账号（安全管理员、审计管理员）' : '用户管理'));
  readonly users = signal<AdminUser[]>([]);
  readonly orgs = signal<AdminOrg[]>([]);
  readonly q = signal('');
  readonly orgId = signal<string | null>(null);
  readonly list = loadState();
  readonly busyId = signal<string | null>(null);
  readonly actionError = signal<ApiFailure | null>(null);

  readonly form = signal<UserForm | null>(null);
  readonly pwUser = signal<AdminUser | null>(null);

  readonly filterOptions = computed(() => orgOptions(this.orgs()));

  constructor() {
    void this.reloadAll();
  }

  /** May this administrator change the account (its own one: name and password only)? */
  manages(u: AdminUser): boolean {
    return u.id === this.meId() || canManageAccount(this.actorRoles(), u.roles);
  }

  /** Who manages an account this administrator may not change. */
  managedBy(u: AdminUser): string {
    const managers = [...new Set(u.roles.map((r) => ROLE_MANAGER[r]))];
    return `由${managers.map(roleLabel).join('、')}管理`;
  }

  async reloadAll(): Promise<void> {
    await Promise.all([this.loadOrgs(), this.load()]);
  }

  async loadOrgs(): Promise<void> {
    try {
      this.orgs.set(await this.api.orgs());
    } catch (e) {
      this.list.error.set(toAdminFailure(e, '机构列表加载失败').message);
    }
  }

  async load(): Promise<void> {
    const all = await this.list.run(() => this.api.users({ q: this.q(), orgId: this.orgId() }), (e) => toAdminFailure(e, '用户列表加载失败').message);
    if (all) this.users.set(this.adminAccountsOnly() ? all.filter((u) => u.roles.some((r) => r === 'secadmin' || r === 'auditadmin')) : all);
  }

  setOrgFilter(id: string | null): void {
    this.orgId.set(id);
    void this.load();
  }

  openCreate(): void {
    const first = this.roleChoices()[0]?.value;
    this.form.set({ id: null, version: 0, username: '', displayName: '', password: '', roles: first ? [first] : [], orgId: this.orgId() });
  }

  openEdit(u: AdminUser): void {
    this.form.set(userToForm(u, u.id === this.meId() ? roleOptions() : this.roleChoices()));
  }

  async formClosed(saved: boolean): Promise<void> {
    this.form.set(null);
    if (saved) await this.reloadAll();
  }

  openPassword(u: AdminUser): void {
    this.pwUser.set(u);
  }

  async passwordClosed(done: boolean): Promise<void> {
    this.pwUser.set(null);
    if (done) await this.load();
  }

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
}
