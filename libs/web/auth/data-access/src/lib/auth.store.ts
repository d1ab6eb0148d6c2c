import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { ApiPaths, type ApiError, type LoginResponse, type UserSummary } from '@pt/shared/api-types';
import { firstValueFrom } from 'rxjs';

const STORAGE_KEY = 'pt.session';

interface StoredSession {
  accessToken: string;
  user: UserSummary;
  /** An initial or reset password: nothing but 修改密码 until it is changed. */
  mustChangePassword?: boolean;
}

function readStored(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

/** Turn an HTTP failure into a message a user can act on. */
export function loginErrorMessage(e: unknown): string {
  if (e instanceof HttpErrorResponse) {
    const body = e.error as Partial<ApiError> | null;
    if (e.status === 0) return '无法连接服务器，请检查网络后重试';
    if (body && typeof body.message === 'string') return body.message;
    if (e.status === 401) return '用户名或密码错误';
    if (e.status >= 500) return '服务器暂时不可用，请稍后重试';
  }
  return '登录失败，请稍后重试';
}

/** The session of the signed-in user (signals; token kept in sessionStorage for this tab). */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly http = inject(HttpClient);
  private readonly session = signal<StoredSession | null>(readStored());

  readonly user = computed(() => this.session()?.user ?? null);
  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly loggedIn = computed(() => this.session() !== null);
  readonly mustChangePassword = computed(() => !!this.session()?.mustChangePassword);

  async login(username: string, password: string): Promise<LoginResponse> {
    const res = await firstValueFrom(this.http.post<LoginResponse>(ApiPaths.login, { username, password }));
    this.set({ accessToken: res.accessToken, user: res.user, mustChangePassword: !!res.mustChangePassword });
    return res;
  }

  /** 修改密码: the server checks the current password and the policy; afterwards the app is open again. */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await firstValueFrom(this.http.post(ApiPaths.password, { currentPassword, newPassword }));
    const s = this.session();
    if (s) this.set({ ...s, mustChangePassword: false, user: { ...s.user, mustChangePassword: undefined } });
  }

  /** The server said a password change is pending (403 PASSWORD_CHANGE_REQUIRED). */
  requirePasswordChange(): void {
    const s = this.session();
    if (s && !s.mustChangePassword) this.set({ ...s, mustChangePassword: true });
  }

  async logout(): Promise<void> {
    if (this.token()) {
      try {
        await firstValueFrom(this.http.post(ApiPaths.logout, {}));
      } catch {
        // the session is dropped locally either way
      }
    }
    this.clear();
  }

  /** Forget the session (e.g. after a 401). */
  clear(): void {
    this.set(null);
  }

  private set(s: StoredSession | null): void {
    this.session.set(s);
    if (s) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    else sessionStorage.removeItem(STORAGE_KEY);
  }
}
