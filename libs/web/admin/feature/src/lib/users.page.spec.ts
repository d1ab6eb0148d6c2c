import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { CheckCircleOutline, EditOutline, KeyOutline, PlusOutline, ReloadOutline, SearchOutline, StopOutline } from '@ant-design/icons-angular/icons';
import { AdminApi, type AdminUser } from '@pt/web/admin/data-access';
import { AuthStore } from '@pt/web/auth/data-access';
import { settle } from '@pt/web/shared/data-access/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { checkUserForm } from './user-form.modal';
import { UsersPage } from './users.page';

const user = (id: string, username: string, roles: string[]): AdminUser =>
  ({ id, username, displayName: username, roles, orgId: 'czj', orgName: '财政局', orgKind: 'finance', disabled: false, version: 1, createdAt: '2026-01-01T00:00:00Z' }) as AdminUser;

const USERS = [user('1', 'admin', ['sysadmin']), user('2', 'security', ['secadmin']), user('3', 'auditor', ['auditadmin']), user('4', 'czj', ['finance_reviewer'])];

/** The users page as `me` (one of USERS) sees it. */
async function render(me: AdminUser) {
  TestBed.configureTestingModule({
    providers: [
      provideNoopAnimations(),
      provideNzIcons([CheckCircleOutline, EditOutline, KeyOutline, PlusOutline, ReloadOutline, SearchOutline, StopOutline]),
      { provide: AuthStore, useValue: { user: () => ({ id: me.id, username: me.username, displayName: me.displayName, roles: me.roles, orgId: 'czj' }) } },
      { provide: AdminApi, useValue: { users: () => Promise.resolve(USERS), orgs: () => Promise.resolve([]) } },
    ],
  });
  const fixture = TestBed.createComponent(UsersPage);
  await settle(fixture);
  const el = fixture.nativeElement as HTMLElement;
  const row = (username: string) => el.querySelector<HTMLElement>(`[data-testid="user-row-${username}"]`);
  return { page: fixture.componentInstance, el, row };
}

describe('UsersPage (三员分立)', () => {
  it('offers the 系统管理员 the business roles and sysadmin, and no action on the security and audit administrators', async () => {
    const { page, row } = await render(USERS[0]);
    expect(page.roleChoices().map((c) => c.value)).toEqual(['filler', 'dept_reviewer', 'finance_reviewer', 'sysadmin']);
    expect(row('auditor')?.querySelector('[data-testid="user-managed-by"]')?.textContent?.trim()).toBe('由安全管理员管理');
    expect(row('auditor')?.querySelector('[data-testid="user-password-auditor"]')).toBeNull();
    expect(row('czj')?.querySelector('[data-testid="user-password-czj"]')).not.toBeNull();
    // its own account: edit (name) and password, but never disable
    expect(row('admin')?.querySelector<HTMLButtonElement>('[data-testid="user-disable-admin"]')?.disabled).toBe(true);
  });

  it('shows the 安全管理员 the administrator accounts it manages and offers it the security and audit roles only', async () => {
    const { page, row, el } = await render(USERS[1]);
    expect(page.title()).toBe('管理员账号（安全管理员、审计管理员）');
    expect(page.roleChoices().map((c) => c.value)).toEqual(['secadmin', 'auditadmin']);
    expect([...el.querySelectorAll('[data-testid^="user-row-"]')].map((r) => r.getAttribute('data-testid'))).toEqual(['user-row-security', 'user-row-auditor']);
    expect(row('auditor')?.querySelector('[data-testid="user-password-auditor"]')).not.toBeNull();
  });

  it('gives the 审计管理员 nothing to grant', async () => {
    const { page, el } = await render(USERS[2]);
    expect(page.roleChoices()).toEqual([]);
    expect(el.querySelector<HTMLButtonElement>('[data-testid="user-add"]')?.disabled).toBe(true);
  });
});

describe('checkUserForm', () => {
  it('names each field before sending, the separation of duties included', () => {
    const problems = checkUserForm({ id: null, version: 0, username: 'a', displayName: ' ', password: 'x', roles: ['secadmin', 'auditadmin'], orgId: null }, []);
    expect(problems?.details.map((d) => d.field)).toEqual(['username', 'displayName', 'password', 'orgId', 'roles']);
    expect(problems?.details.at(-1)?.message).toBe('三员分立：系统管理员、安全管理员、审计管理员须由不同账号担任');
  });
});
