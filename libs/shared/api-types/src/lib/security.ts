/** GET /api/security/sessions (安全管理员) */
export interface SessionEntry {
  id: string;
  userId: string;
  username: string;
  displayName: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** GET /api/security/lockouts (安全管理员) */
export interface LockoutEntry {
  username: string;
  /** The client address the failures came from (a name is locked per address). */
  clientIp: string;
  failures: number;
  lockedUntil: string | null;
}

/** One row of GET /api/audit (审计管理员). */
export interface AuditEntryResponse {
  id: string;
  /** ISO time with offset. */
  at: string;
  userId: string | null;
  username: string | null;
  event: string;
  /** The event in Chinese (创建项目, 保存指标表, 登录 …). */
  eventLabel: string;
  objectType: string | null;
  objectId: string | null;
  /** The object's name when it was recorded (a project's name, a user name …). */
  objectName: string | null;
  /** The HTTP status answered (a refusal's 403 or 404, a 400 …), when the row records one. */
  status: number | null;
  /** ok, failed, or denied (a refusal: 403, or 404 for an object that exists but is not the user's to see). */
  result: string;
  clientIp: string | null;
  details: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  items: AuditEntryResponse[];
  total: number;
}

export interface AuditVerification {
  ok: boolean;
  rows: number;
  firstBad: string | null;
  reason: string | null;
}
