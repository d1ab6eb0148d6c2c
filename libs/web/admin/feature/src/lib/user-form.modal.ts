import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { roleSeparationProblem } from '@pt/domain';
import {
  AdminApi,
  type AdminOrg,
  type AdminUser,
  type AssignableRole,
  kindLabel,
  orgOptions,
  PASSWORD_POLICY_TEXT,
  passwordProblem,
  requiredOrgKind,
  roleOrgProblems,
  toAdminFailure,
} from '@pt/web/admin/data-access';
import { type ApiFailure, formDialog, localFailure } from '@pt/web/shared/data-access';
import { CrudModalComponent, FormFieldComponent, TextFieldComponent } from '@pt/web/shared/ui';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';

export interface UserForm {
  /** null: a new user. */
  id: string | null;
  version: number;
  username: string;
  displayName: string;
  password: string;
  roles: AssignableRole[];
  orgId: string | null;
}

/** The form of an existing user (only the roles offered are kept: the others are not the actor's to change). */
export function userToForm(u: AdminUser, offered: readonly { value: AssignableRole }[]): UserForm {
  return {
    id: u.id,
    version: u.version,
    username: u.username,
    displayName: u.displayName,
    password: '',
    roles: u.roles.filter((r): r is AssignableRole => offered.some((c) => c.value === r)),
    orgId: u.orgId,
  };
}

/** The checks the server makes anyway, before sending, so the common mistakes show at once. */
export function checkUserForm(f: UserForm, orgs: readonly AdminOrg[]): ApiFailure | null {
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
  const org = orgs.find((o) => o.id === f.orgId);
  for (const message of roleOrgProblems(f.roles, org?.kind)) details.push({ field: 'roles', message });
  const separation = roleSeparationProblem(f.roles);
  if (separation) details.push({ field: 'roles', message: separation });
  return localFailure(details);
}

/**
 * 新增用户 / 编辑用户 (split from the users page): roles as checkboxes — only those the administrator may grant
 * (三员分立), none for the administrator's own account — and the organisations that fit them. Sends `If-Match` with
 * the version; on a 412 the latest version is loaded into the form.
 */
@Component({
  selector: 'pt-admin-user-form-modal',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzCheckboxModule, NzSelectModule, CrudModalComponent, FormFieldComponent, TextFieldComponent],
  template: `
    <pt-crud-modal
      [dialog]="dialog"
      [title]="form()?.id ? '编辑用户' : '新增用户'"
      [width]="600"
      testId="user-form"
      (submitted)="save()"
      (cancelled)="closed.emit(false)"
    >
      @if (form(); as f) {
        <pt-text-field label="用户名" fieldId="user-username" name="username" required [error]="err('username')" [maxlength]="64" autocomplete="off"
          [extra]="f.id ? '用户名创建后不能修改' : '2–64 位字母、数字、下划线、点或连字符，用于登录'" testId="user-form-username" [disabled]="f.id !== null"
          [value]="f.username" (valueChange)="patch({ username: $event })" />
        <pt-text-field label="姓名" fieldId="user-display-name" name="displayName" required [error]="err('displayName')" [maxlength]="100"
          testId="user-form-display-name" [value]="f.displayName" (valueChange)="patch({ displayName: $event })" />
        @if (f.id === null) {
          <pt-text-field label="初始密码" fieldId="user-password" name="password" type="password" required [error]="err('password')" [extra]="policy"
            [maxlength]="128" autocomplete="new-password" testId="user-form-password" [value]="f.password" (valueChange)="patch({ password: $event })" />
        }
        <pt-form-field label="角色" required [error]="err('roles')" [extra]="roleHint()">
          <nz-checkbox-group
            name="roles"
            data-testid="user-form-roles"
            [nzDisabled]="self()"
            [nzOptions]="roleChoices()"
            [ngModel]="f.roles"
            (ngModelChange)="patch({ roles: $event })"
          ></nz-checkbox-group>
        </pt-form-field>
        <pt-form-field label="所属机构" controlId="user-org" required [error]="err('orgId')">
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
        </pt-form-field>
      }
    </pt-crud-modal>
  `,
})
export class UserFormModal {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);

  /** The form to open (null: closed). */
  readonly initial = input<UserForm | null>(null);
  readonly orgs = input<readonly AdminOrg[]>([]);
  /** The roles this administrator may grant. */
  readonly roleChoices = input<{ label: string; value: AssignableRole }[]>([]);
  /** The administrator's own account: its roles are not its to change. */
  readonly self = input(false);
  /** Closed, with true when saved. */
  readonly closed = output<boolean>();

  readonly policy = PASSWORD_POLICY_TEXT;
  readonly dialog = formDialog<UserForm>();
  readonly form = this.dialog.form;

  constructor() {
    // the page opens the dialog by its input, on a new row's defaults or a row's values
    effect(() => {
      const initial = this.initial();
      untracked(() => (initial ? this.dialog.show(initial) : this.dialog.form.set(null)));
    });
  }

  /** Organisations that fit the chosen roles are selectable; the others are shown disabled. */
  readonly formOrgOptions = computed(() => {
    const need = requiredOrgKind(this.form()?.roles ?? []);
    return orgOptions([...this.orgs()], (o) => need === null || need === o.kind);
  });
  readonly roleHint = computed(() => {
    const f = this.form();
    if (!f) return '';
    if (this.self()) return '三员分立：不能修改自己的角色';
    const need = requiredOrgKind(f.roles);
    if (need === 'conflict') return '所选角色须属于不同类型的机构，不能同时授予';
    const org = this.orgs().find((o) => o.id === f.orgId);
    const problems = roleOrgProblems(f.roles, org?.kind);
    if (problems.length) return problems.join('；');
    if (need) return `所选角色须属于${kindLabel(need)}`;
    // only administrator roles offered (the 安全管理员): they fit any organisation
    return this.roleChoices().some((c) => requiredOrgKind([c.value]) !== null)
      ? '填报人属于预算单位，主管部门审核人属于主管部门，财政审核人属于财政局'
      : '管理员角色可属于任一机构；三员分立：一个账号只担任一种管理员角色';
  });

  err(field: string): string | null {
    return this.dialog.err(field);
  }

  patch(p: Partial<UserForm>): void {
    this.dialog.patch(p);
  }

  async save(): Promise<void> {
    const saved = await this.dialog.save({
      check: (f) => checkUserForm(f, this.orgs()),
      send: (f) => this.send(f),
      toFailure: (e) => toAdminFailure(e, '保存失败，请稍后重试'),
      failed: async (failure, f) => {
        if (failure.status !== 412 || !f.id) return failure;
        // someone else changed the user: show their version, keep the dialog open
        const fresh = await this.fetchQuietly(f.id);
        if (!fresh) return failure;
        this.dialog.form.set(userToForm(fresh, this.roleChoices()));
        return { ...failure, message: `${failure.message}。已载入最新内容，请核对后重新修改并保存。` };
      },
    });
    if (saved) this.closed.emit(true);
  }

  private async send(f: UserForm): Promise<void> {
    if (f.id === null) {
      const created = await this.api.createUser({
        username: f.username.trim(),
        displayName: f.displayName.trim(),
        password: f.password,
        roles: f.roles,
        orgId: f.orgId as string,
      });
      this.message.success(`已新增用户「${created.displayName}」（${created.username}），首次登录须修改初始密码`);
      return;
    }
    // the own account: name and organisation only (the roles are not sent)
    const body = this.self() ? { displayName: f.displayName.trim(), orgId: f.orgId as string } : { displayName: f.displayName.trim(), roles: f.roles, orgId: f.orgId as string };
    const saved = await this.api.updateUser(f.id, f.version, body);
    this.message.success(`已保存用户「${saved.displayName}」`);
  }

  private async fetchQuietly(id: string): Promise<AdminUser | null> {
    try {
      return await this.api.user(id);
    } catch {
      return null;
    }
  }
}
