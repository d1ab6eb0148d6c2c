import { Injectable } from '@nestjs/common';
import { ApiHttpException, badRequest, containsPattern, isUniqueViolation, parseIfMatch, UUID_RE } from '@pt/api/core';
import {
  ASSIGNABLE_ROLES,
  type AdminUser,
  type ApiErrorDetail,
  type AssignableRole,
  type CreateUserDto,
  type ListUsersQueryDto,
  ORG_KIND_LABELS,
  type OrgKind,
  ROLE_ORG_KIND,
  type Role,
  type UpdateUserDto,
  type UserSummary,
} from '@pt/shared/contracts';
import { ROLE_LABELS } from '@pt/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword, SessionCache, verifyPassword } from '@pt/api/auth';
import { canManageAccount, PASSWORD_HISTORY, passwordProblem, roleGrantProblem, roleLabel, ROLE_MANAGER, roleSeparationProblem } from '@pt/domain';
import { toIso, toStringArray } from './admin-helpers';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  roles: unknown;
  org_id: string;
  org_name: string;
  org_kind: OrgKind;
  disabled: boolean;
  version: number;
  created_at: Date | string;
}

/** Never the password hash. */
const USER_SELECT = `SELECT u.id, u.username, u.display_name, u.roles, u.org_id, o.name AS org_name, o.kind AS org_kind,
  u.disabled, u.version, u.created_at FROM app_user u JOIN org o ON o.id = u.org_id`;

function toUser(r: UserRow): AdminUser {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    roles: toStringArray(r.roles) as Role[],
    orgId: r.org_id,
    orgName: r.org_name,
    orgKind: r.org_kind,
    disabled: !!r.disabled,
    version: Number(r.version),
    createdAt: toIso(r.created_at),
  };
}

/** 403 naming roles: a role this administrator may not grant (三员分立). */
function grantRefused(message: string): ApiHttpException {
  return new ApiHttpException(403, 'FORBIDDEN', message, [{ field: 'roles', code: 'separation', message }]);
}

/** 403: an account holding a role another administrator manages (三员分立). */
function accountRefused(targetRoles: readonly string[]): ApiHttpException {
  const managers = [...new Set(targetRoles.map((r) => ROLE_MANAGER[r as Role]).filter(Boolean))];
  return new ApiHttpException(403, 'FORBIDDEN', `三员分立：该账号只能由${managers.map(roleLabel).join('、') || '其他管理员'}管理`);
}

/** Roles that do not fit an organisation of `kind` (a filler in a unit, a dept_reviewer in a department, …). */
export function roleOrgProblems(roles: readonly string[], kind: OrgKind): string[] {
  const out: string[] = [];
  for (const role of roles) {
    const wanted = ROLE_ORG_KIND[role as AssignableRole];
    if (wanted && wanted !== kind) {
      out.push(`${ROLE_LABELS[role as AssignableRole]}须属于${ORG_KIND_LABELS[wanted]}，所选机构是${ORG_KIND_LABELS[kind]}`);
    }
  }
  return out;
}

/** Users for the administrator: list, read, create, change (optimistic locking on `version`). */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessionCache: SessionCache,
  ) {}

  async list(q: ListUsersQueryDto): Promise<AdminUser[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const text = q.q?.trim();
    if (text) {
      params.push(containsPattern(text));
      where.push(`(u.username ILIKE $${params.length} ESCAPE '\\' OR u.display_name ILIKE $${params.length} ESCAPE '\\')`);
    }
    if (q.orgId) {
      params.push(q.orgId);
      where.push(`u.org_id = $${params.length}`);
    }
    const rows: UserRow[] = await this.dataSource.query(
      `${USER_SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY o.code, u.username`,
      params,
    );
    return rows.map(toUser);
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<AdminUser> {
    if (!UUID_RE.test(id)) throw this.notFound();
    const [row]: UserRow[] = await m.query(`${USER_SELECT} WHERE u.id = $1`, [id]);
    if (!row) throw this.notFound();
    return toUser(row);
  }

  /** A new account must change its initial password at first login (must_change_password). */
  async create(actor: UserSummary, dto: CreateUserDto): Promise<AdminUser> {
    const hash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (m) => {
        const kind = await this.orgKind(m, dto.orgId);
        const problems = roleOrgProblems(dto.roles, kind);
        const separation = roleSeparationProblem(dto.roles);
        if (separation) problems.push(separation);
        if (problems.length) throw badRequest(problems.map((message) => ({ field: 'roles', code: 'roleOrg', message })));
        const refused = roleGrantProblem(actor.roles, dto.roles, false);
        if (refused) throw grantRefused(refused);
        const [dup]: { username: string }[] = await m.query('SELECT username FROM app_user WHERE lower(username) = lower($1)', [dto.username]);
        if (dup) throw this.usernameTaken(dto.username);
        const [row]: { id: string }[] = await m.query(
          'INSERT INTO app_user (username, display_name, password_hash, roles, org_id, must_change_password) VALUES ($1, $2, $3, $4, $5, true) RETURNING id',
          [dto.username, dto.displayName.trim(), hash, dto.roles, dto.orgId],
        );
        return this.get(row.id, m);
      });
    } catch (e) {
      throw isUniqueViolation(e) ? this.usernameTaken(dto.username) : e;
    }
  }

  /**
   * Change a user. With `If-Match` the write only happens on that version (412 otherwise); every change
   * bumps `version` with a conditional UPDATE. Disabling or a new password ends the user's sessions
   * (but not the administrator's own current one).
   */
  async update(actor: UserSummary, actorSessionId: string | undefined, id: string, ifMatch: string | undefined, dto: UpdateUserDto): Promise<AdminUser> {
    if (!UUID_RE.test(id)) throw this.notFound();
    const fields = (['displayName', 'roles', 'orgId', 'disabled', 'password'] as const).filter((k) => dto[k] !== undefined);
    if (fields.length === 0) {
      throw badRequest([{ field: 'displayName', code: 'empty', message: '请至少提供一项要修改的内容（姓名、角色、机构、停用状态或密码）' }]);
    }
    const hash = dto.password !== undefined ? await hashPassword(dto.password) : null;
    const updated = await this.dataSource.transaction(async (m) => {
      const [current]: { version: number; roles: unknown; org_id: string }[] = await m.query(
        'SELECT version, roles, org_id FROM app_user WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!current) throw this.notFound();
      const expected = parseIfMatch(ifMatch);
      const version = Number(current.version);
      if (expected !== undefined && expected !== version) {
        throw new ApiHttpException(
          412,
          'VERSION_CONFLICT',
          `该用户已被他人修改（当前版本 ${version}，您修改的是版本 ${expected ?? '?'}），您的修改未保存；请刷新后重试`,
        );
      }

      const self = actor.id === id;
      const currentRoles = toStringArray(current.roles);
      // 三员分立: an account is changed only by the administrator of its roles (or, its name and password, by itself)
      if (!self && !canManageAccount(actor.roles, currentRoles)) throw accountRefused(currentRoles);
      const problems: ApiErrorDetail[] = [];
      if (self && dto.disabled === true) problems.push({ field: 'disabled', code: 'self', message: '不能停用自己的账号' });
      const rolesChanged = dto.roles !== undefined && [...dto.roles].sort().join() !== [...currentRoles].sort().join();
      if (self && rolesChanged) problems.push({ field: 'roles', code: 'self', message: '三员分立：不能修改自己的角色' });
      if (dto.password !== undefined) problems.push(...(await this.passwordHistoryProblems(m, id, dto.password)));
      const roles = dto.roles ?? toStringArray(current.roles);
      const orgId = dto.orgId ?? current.org_id;
      const kind = dto.orgId !== undefined ? await this.orgKind(m, orgId) : await this.orgKind(m, orgId, true);
      const field = dto.roles !== undefined ? 'roles' : 'orgId';
      // a user keeps any legacy role (secadmin, auditadmin) the API does not grant
      for (const message of roleOrgProblems(roles.filter((r) => (ASSIGNABLE_ROLES as readonly string[]).includes(r)), kind)) {
        problems.push({ field, code: 'roleOrg', message });
      }
      const separation = dto.roles !== undefined ? roleSeparationProblem(dto.roles) : null;
      if (separation) problems.push({ field: 'roles', code: 'separation', message: separation });
      if (problems.length) throw badRequest(problems);
      const refused = rolesChanged && dto.roles ? roleGrantProblem(actor.roles, dto.roles, false) : null;
      if (refused) throw grantRefused(refused);

      const sets: string[] = [];
      const params: unknown[] = [id, version];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (dto.displayName !== undefined) set('display_name', dto.displayName.trim());
      if (dto.roles !== undefined) set('roles', dto.roles);
      if (dto.orgId !== undefined) set('org_id', dto.orgId);
      if (dto.disabled !== undefined) set('disabled', dto.disabled);
      if (hash !== null) {
        set('password_hash', hash);
        // the replaced password joins the history (not one of the last 5 may come back)
        await m.query('INSERT INTO password_history (user_id, password_hash) SELECT id, password_hash FROM app_user WHERE id = $1', [id]);
        // a password set by an administrator is known to two people: its owner changes it at the next login
        set('must_change_password', !self);
      }
      const qr = m.queryRunner;
      if (!qr) throw new Error('update outside a transaction');
      const res = await qr.query(`UPDATE app_user SET ${sets.join(', ')}, version = version + 1 WHERE id = $1 AND version = $2`, params, true);
      if (res.affected !== 1) {
        throw new ApiHttpException(412, 'VERSION_CONFLICT', '该用户已被他人修改，您的修改未保存；请刷新后重试');
      }
      if (dto.disabled === true || hash !== null) {
        await m.query(
          'UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id <> $2::uuid)',
          [id, self ? (actorSessionId ?? null) : null],
        );
      }
      return this.get(id, m);
    });
    // this instance's kept session checks of the user (the others hear it from the database's trigger)
    this.sessionCache.forgetUser(id);
    return updated;
  }

  /** A new password must not contain the user name nor be the current one or one of the last 5 before it. */
  private async passwordHistoryProblems(m: EntityManager, id: string, password: string): Promise<ApiErrorDetail[]> {
    const [u]: { username: string; password_hash: string }[] = await m.query('SELECT username, password_hash FROM app_user WHERE id = $1', [id]);
    if (!u) return [];
    const policy = passwordProblem(password, u.username);
    if (policy) return [{ field: 'password', code: 'passwordPolicy', message: policy }];
    const old: { password_hash: string }[] = await m.query(
      'SELECT password_hash FROM password_history WHERE user_id = $1 ORDER BY id DESC LIMIT $2',
      [id, PASSWORD_HISTORY - 1],
    );
    for (const h of [u.password_hash, ...old.map((o) => o.password_hash)]) {
      if (await verifyPassword(password, h)) {
        return [{ field: 'password', code: 'passwordReused', message: `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同` }];
      }
    }
    return [];
  }

  /** The kind of an organisation: a missing one asked for is a 400 naming orgId; the user's own one always exists. */
  private async orgKind(m: EntityManager, orgId: string, existing = false): Promise<OrgKind> {
    const [org]: { kind: OrgKind }[] = await m.query('SELECT kind FROM org WHERE id = $1', [orgId]);
    if (!org) {
      if (existing) throw new Error(`user's organisation ${orgId} missing`);
      throw badRequest([{ field: 'orgId', code: 'orgMissing', message: '所属机构不存在' }]);
    }
    return org.kind;
  }

  private usernameTaken(username: string): ApiHttpException {
    return new ApiHttpException(409, 'DUPLICATE', `用户名「${username}」已被使用`, [{ field: 'username', code: 'duplicate', message: '用户名已被使用' }]);
  }

  private notFound(): ApiHttpException {
    return new ApiHttpException(404, 'NOT_FOUND', '用户不存在');
  }
}
