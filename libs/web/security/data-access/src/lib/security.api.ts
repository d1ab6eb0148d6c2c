import { Injectable } from '@angular/core';
import { ApiPaths, type LockoutEntry, type SessionEntry } from '@pt/shared/api-types';
import { ApiClient } from '@pt/web/shared/data-access';
import { firstValueFrom } from 'rxjs';

export type { LockoutEntry, SessionEntry } from '@pt/shared/api-types';

/** `/api/security/*` (安全管理员 only): live sessions and locked-out user names. */
@Injectable({ providedIn: 'root' })
export class SecurityApi extends ApiClient {
  /** Sessions not ended and not expired, most recently active first. */
  sessions(): Promise<SessionEntry[]> {
    return this.read<SessionEntry[]>(ApiPaths.securitySessions);
  }

  /** Ends one session (a 404 when it has ended already). */
  async endSession(id: string): Promise<void> {
    await firstValueFrom(this.http.delete<void>(ApiPaths.securitySession(id)));
  }

  /** Ends every session of a user. */
  async endUserSessions(userId: string): Promise<void> {
    await firstValueFrom(this.http.delete<void>(ApiPaths.securityUserSessions(userId)));
  }

  /** User names locked after too many failed logins. */
  lockouts(): Promise<LockoutEntry[]> {
    return this.read<LockoutEntry[]>(ApiPaths.securityLockouts);
  }

  /** Lifts the lock of a user name (a 404 when it is not locked). */
  async unlock(username: string): Promise<void> {
    await firstValueFrom(this.http.delete<void>(ApiPaths.securityLockout(username)));
  }
}
