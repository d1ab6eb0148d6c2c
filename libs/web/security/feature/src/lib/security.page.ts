import { RouterLink } from '@angular/router';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { AuthStore } from '@pt/web/auth/data-access';
import {
  formatLocalTime,
  type LockoutEntry,
  SecurityApi,
  type SessionEntry,
  type SecurityFailure,
  toSecurityFailure,
} from '@pt/web/security/data-access';
import { loadState } from '@pt/web/shared/data-access';
import { ConfirmButtonComponent, ListCardComponent } from '@pt/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { PoweroffOutline, TeamOutline, UnlockOutline } from '@ant-design/icons-angular/icons';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

/**
 * 安全管理 (安全管理员): the live sessions (end one, or every session of a user) and the user names locked after
 * too many failed logins (unlock). Both lists reload after every action, also when it failed (someone else may
 * have ended the session or unlocked the name already).
 */
@Component({
  selector: 'pt-security-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NzAlertModule, NzButtonModule, NzCardModule, NzIconModule, NzTableModule, NzTagModule, ListCardComponent, ConfirmButtonComponent],
  providers: [provideNzIconsPatch([PoweroffOutline, TeamOutline, UnlockOutline])],
  template: `
    <nz-card nzTitle="管理员账号" class="block">
      <p class="hint">三员分立：安全管理员和审计管理员的账号由安全管理员新增、授权、重置密码和停用；系统管理员只管理业务账号和系统管理员账号。</p>
      <a nz-button routerLink="/security/accounts" data-testid="security-accounts"><span nz-icon nzType="team"></span>管理安全管理员、审计管理员账号</a>
    </nz-card>
    <pt-list-card
      title="在线会话"
      lead="未结束且未过期的登录会话，按最近活动排序。结束会话后，该登录立即失效，须重新登录。"
      class="block"
      [state]="sessionsList"
      errorTestId="sessions-error"
      reloadTestId="security-reload"
      (reload)="load()"
    >
      <nz-table
        #sessionsTable
        [nzData]="sessions()"
        [nzLoading]="sessionsList.loading()"
        [nzPageSize]="20"
        [nzHideOnSinglePage]="true"
        nzSize="middle"
        nzNoResult="没有在线会话"
        data-testid="sessions-table"
      >
        <thead>
          <tr>
            <th nzWidth="140px">用户名</th>
            <th>姓名</th>
            <th nzWidth="170px">登录时间</th>
            <th nzWidth="170px">最近活动</th>
            <th nzWidth="170px">到期时间</th>
            <th nzWidth="260px">操作</th>
          </tr>
        </thead>
        <tbody>
          @for (s of sessionsTable.data; track s.id) {
            <tr data-testid="session-row" [attr.data-username]="s.username">
              <td class="mono">
                {{ s.username }}
                @if (s.userId === meId()) {
                  <nz-tag nzColor="blue" data-testid="session-me">本人</nz-tag>
                }
              </td>
              <td>{{ s.displayName }}</td>
              <td>{{ time(s.createdAt) }}</td>
              <td>{{ time(s.lastSeenAt) }}</td>
              <td>{{ time(s.expiresAt) }}</td>
              <td class="ops">
                <pt-confirm-button danger icon="poweroff" okText="结束会话" [loading]="busy() === 'session:' + s.id" testId="end-session" (confirmed)="endSession(s)"
                  [confirm]="'结束「' + s.displayName + '」的这个会话？该登录将立即失效。' + (s.userId === meId() ? '若这是您当前的登录，您将被退出。' : '')">结束会话</pt-confirm-button>
                <pt-confirm-button danger icon="stop" okText="全部结束" [loading]="busy() === 'user:' + s.userId" testId="end-user-sessions" (confirmed)="endUserSessions(s)"
                  [confirm]="'结束「' + s.displayName + '」的全部会话？其所有登录将立即失效。'" [disabled]="s.userId === meId()"
                  [hint]="s.userId === meId() ? '不能结束自己的全部会话' : ''">结束该用户全部会话</pt-confirm-button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </pt-list-card>

    <pt-list-card
      title="登录锁定"
      lead="同一用户名从同一客户端地址连续登录失败达到 5 次即被暂时锁定（只对该地址，他人无法借此把管理员锁在门外），到期自动解除；确认是本人后可以提前解除锁定（该用户名在所有地址的锁定）。"
      class="block"
      [state]="lockoutsList"
      errorTestId="lockouts-error"
      (reload)="load()"
    >
      <nz-table
        #lockTable
        [nzData]="lockouts()"
        [nzLoading]="lockoutsList.loading()"
        [nzPageSize]="20"
        [nzHideOnSinglePage]="true"
        nzSize="middle"
        [nzNoResult]="noLockouts"
        data-testid="lockouts-table"
      >
        <thead>
          <tr>
            <th>用户名</th>
            <th nzWidth="180px">客户端地址</th>
            <th nzWidth="120px">失败次数</th>
            <th nzWidth="200px">锁定至</th>
            <th nzWidth="140px">操作</th>
          </tr>
        </thead>
        <tbody>
          @for (l of lockTable.data; track l.username + '@' + l.clientIp) {
            <tr data-testid="lockout-row" [attr.data-username]="l.username">
              <td class="mono" data-testid="lockout-username">{{ l.username }}</td>
              <td class="mono" data-testid="lockout-address">{{ l.clientIp || '—' }}</td>
              <td>{{ l.failures }}</td>
              <td>{{ l.lockedUntil ? time(l.lockedUntil) : '—' }}</td>
              <td>
                <button nz-button nzType="link" nzSize="small" type="button" (click)="unlock(l)" [nzLoading]="busy() === 'lock:' + l.username" data-testid="unlock">
                  <span nz-icon nzType="unlock"></span>解除锁定
                </button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #noLockouts><span data-testid="lockouts-empty">没有被锁定的用户名</span></ng-template>
    </pt-list-card>

    @if (actionError(); as e) {
      <nz-alert nzType="error" nzShowIcon nzCloseable [nzMessage]="e.message" (nzOnClose)="actionError.set(null)" data-testid="security-action-error"></nz-alert>
    }
  `,
  styles: `
    .block { margin-bottom: 16px; }
    .hint { color: rgba(0, 0, 0, 0.55); }
    .mono { font-family: monospace; }
    .ops { white-space: nowrap; }
  `,
})
export class SecurityPage {
  private readonly api = inject(SecurityApi);
  private readonly auth = inject(AuthStore);
  private readonly message = inject(NzMessageService);

  readonly time = (iso: string) => formatLocalTime(iso);
  readonly meId = computed(() => this.auth.user()?.id ?? null);
  readonly sessions = signal<SessionEntry[]>([]);
  readonly lockouts = signal<LockoutEntry[]>([]);
  readonly sessionsList = loadState();
  readonly lockoutsList = loadState();
  /** `session:<id>`, `user:<id>` or `lock:<username>` while that action runs. */
  readonly busy = signal<string | null>(null);
  readonly actionError = signal<SecurityFailure | null>(null);

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    const [sessions, lockouts] = await Promise.all([
      this.sessionsList.run(() => this.api.sessions(), (e) => toSecurityFailure(e, '会话列表加载失败').message),
      this.lockoutsList.run(() => this.api.lockouts(), (e) => toSecurityFailure(e, '锁定列表加载失败').message),
    ]);
    if (sessions) this.sessions.set(sessions);
    if (lockouts) this.lockouts.set(lockouts);
  }

  endSession(s: SessionEntry): Promise<void> {
    return this.run(`session:${s.id}`, () => this.api.endSession(s.id), `已结束「${s.displayName}」的会话`, '结束会话失败');
  }

  endUserSessions(s: SessionEntry): Promise<void> {
    return this.run(`user:${s.userId}`, () => this.api.endUserSessions(s.userId), `已结束「${s.displayName}」的全部会话`, '结束会话失败');
  }

  unlock(l: LockoutEntry): Promise<void> {
    return this.run(`lock:${l.username}`, () => this.api.unlock(l.username), `已解除「${l.username}」的登录锁定`, '解除锁定失败');
  }

  private async run(key: string, action: () => Promise<void>, done: string, failed: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(key);
    this.actionError.set(null);
    try {
      await action();
      this.message.success(done);
    } catch (e) {
      const f = toSecurityFailure(e, `${failed}，请稍后重试`);
      if (f.status === 404) f.message = `${f.message}。列表已刷新。`;
      this.actionError.set(f);
    } finally {
      this.busy.set(null);
      await this.load();
    }
  }
}
