import { Injectable, Logger } from '@nestjs/common';
import { auditDayStart, auditEventLabel, auditEventOf, type AuditObjectType, auditObjectTypeOf } from '@pt/domain';
import type { AuditEntryResponse, AuditPage, AuditVerification } from '@pt/shared/contracts';
import { containsPattern, UUID_RE } from '../http/request-helpers';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { advisoryXactLock } from '../database/advisory-locks';
import { currentContext } from './request-context';
import { jsonSafe } from './json-safe';

export interface AuditEntry {
  event: string;
  result: 'ok' | 'failed' | 'denied';
  objectType?: string | null;
  objectId?: string | null;
  /** The object's name (looked up by type and id when not given). */
  objectName?: string | null;
  /** The HTTP status answered. */
  status?: number | null;
  details?: Record<string, unknown> | null;
  /** Defaults to the request's user. */
  user?: { id: string | null; username: string | null };
}

/** A row of the log as the API answers it. */
export type AuditRow = AuditEntryResponse;

const GENESIS = '0'.repeat(64);
/** How an object's name is read by its id, per type (primary-key lookups). */
const NAME_SQL: Partial<Record<AuditObjectType, string>> = {
  project: 'SELECT name FROM project WHERE id = $1',
  evaluation: 'SELECT name FROM project WHERE id = $1',
  user: 'SELECT username AS name FROM app_user WHERE id = $1',
  org: 'SELECT name FROM org WHERE id = $1',
  indicator: 'SELECT name FROM indicator_library WHERE id = $1',
  attachment: 'SELECT name FROM attachment WHERE id = $1',
};

/** What a refusal's row needs of the request (an Express request). */
export interface RefusedRequest {
  method: string;
  path: string;
  route?: { path?: string };
  params?: Record<string, unknown>;
  body?: unknown;
}

/** The filters of the log (GET /api/audit and its export). */
export interface AuditFilter {
  event?: string;
  username?: string;
  /** Beijing days, inclusive. */
  from?: string;
  to?: string;
  objectType?: string;
  object?: string;
  result?: string;
}

/** JSON with sorted keys: jsonb reorders keys, the hash must not depend on it. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

/** The hash of a row: sha256 over the previous hash and the row's fields. */
export function auditHash(r: Pick<AuditRow, 'prevHash' | 'at' | 'userId' | 'username' | 'event' | 'objectType' | 'objectId' | 'result' | 'clientIp' | 'details'>): string {
  const body = canonicalJson([r.prevHash, r.at, r.userId, r.username, r.event, r.objectType, r.objectId, r.result, r.clientIp, r.details]);
  return createHash('sha256').update(body).digest('hex');
}

/** The time with its offset, to the millisecond (what timestamptz gives back). */
function isoWithOffset(d: Date): string {
  return d.toISOString().replace('Z', '+00:00');
}

/**
 * The audit log (等保三级): append-only in the database, each row chained to the one before by its hash.
 * `record` inside a transaction (pass its manager) makes the row part of that write: both or neither.
 */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, m?: EntityManager): Promise<void> {
    const ctx = currentContext();
    const objectName =
      entry.objectName !== undefined ? entry.objectName : entry.objectType && entry.objectId ? await this.objectName(entry.objectType as AuditObjectType, entry.objectId, m) : null;
    // the name and the status ride in the hashed details (the chain's fields stay those of the first version)
    const extra = { ...(objectName ? { objectName } : {}), ...(entry.status ? { status: entry.status } : {}) };
    const details = entry.details || Object.keys(extra).length ? jsonSafe({ ...(entry.details ?? {}), ...extra }) : null;
    const write = async (em: EntityManager) => {
      await advisoryXactLock(em, 'audit');
      const [last] = await em.query('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
      const row = {
        prevHash: (last?.hash as string | undefined) ?? GENESIS,
        at: isoWithOffset(new Date()),
        userId: entry.user ? entry.user.id : (ctx?.user?.id ?? null),
        username: entry.user ? entry.user.username : (ctx?.user?.username ?? null),
        event: entry.event,
        objectType: entry.objectType ?? null,
        objectId: entry.objectId ?? null,
        result: entry.result,
        clientIp: ctx?.clientIp ?? null,
        details,
      };
      await em.query(
        `INSERT INTO audit_log (at, user_id, username, event, object_type, object_id, result, client_ip, details, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)`,
        [row.at, row.userId, row.username, row.event, row.objectType, row.objectId, row.result, row.clientIp, row.details === null ? null : JSON.stringify(row.details), row.prevHash, auditHash(row)],
      );
    };
    if (m) {
      await write(m);
      if (ctx) ctx.audited = true;
    } else {
      await this.dataSource.transaction(write);
    }
  }

  /** Like `record` outside a transaction, but never fails the request it describes (logged instead). */
  async recordQuietly(entry: AuditEntry): Promise<void> {
    try {
      await this.record(entry);
    } catch (e) {
      this.logger.error({ msg: 'audit write failed', event: entry.event, error: (e as Error).message });
    }
  }

  /**
   * A refusal before the handler (a guard's 403: a role the user lacks, a password still to change), which the
   * interceptor never sees: named by its route like the interceptor's rows.
   */
  async recordRefusal(req: RefusedRequest, status: number): Promise<void> {
    const event = auditEventOf(req.method, req.route?.path ?? req.path, (req.body as { action?: unknown } | undefined)?.action);
    const objectType = auditObjectTypeOf(event);
    const param = req.params?.['id'] ?? req.params?.['username'];
    const objectId = typeof param === 'string' ? param.slice(0, 100) : null;
    const objectName = objectId ? await this.objectName(objectType, objectId).catch(() => null) : null;
    await this.recordQuietly({ event, result: 'denied', objectType, objectId, objectName, status });
  }

  /** The name of an object by its type and id, or null when there is none (or no such object). */
  async objectName(type: AuditObjectType | string | null, id: string, m: EntityManager = this.dataSource.manager): Promise<string | null> {
    if (type === 'account') return id;
    const sql = type ? NAME_SQL[type as AuditObjectType] : undefined;
    if (!sql || !UUID_RE.test(id)) return null;
    const [row]: { name: string }[] = await m.query(sql, [id]);
    return row ? row.name : null;
  }

  /** Rows, newest first. */
  async list(q: AuditFilter & { page: number; pageSize: number }): Promise<AuditPage> {
    const { where, params } = filterSql(q);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log ${where}`, params);
    const rows = await this.dataSource.query(`${SELECT_ROWS} ${where} ORDER BY audit_log.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params);
    return { items: rows.map(toRow), total };
  }

  /** Every row of a filter, newest first, in batches (for the export). */
  async *rows(q: AuditFilter, batch = 1000): AsyncGenerator<AuditRow[]> {
    const { where, params } = filterSql(q);
    let before: string | null = null;
    for (;;) {
      const p: unknown[] = [...params, before];
      const n = p.length;
      const cond = `${where ? `${where} AND` : 'WHERE'} ($${n}::bigint IS NULL OR audit_log.id < $${n}::bigint)`;
      const got: AuditRow[] = (await this.dataSource.query(`${SELECT_ROWS} ${cond} ORDER BY audit_log.id DESC LIMIT ${batch}`, p)).map(toRow);
      if (got.length === 0) return;
      yield got;
      before = got[got.length - 1].id;
    }
  }

  /** Walk the whole chain: every prev_hash is the hash before it and every hash matches its row. */
  async verify(): Promise<AuditVerification> {
    let prev = GENESIS;
    let rows = 0;
    let after = '0';
    for (;;) {
      const batch = (await this.dataSource.query(`${SELECT_ROWS} WHERE audit_log.id > $1::bigint ORDER BY audit_log.id LIMIT 1000`, [after])).map(toRow);
      if (batch.length === 0) break;
      for (const r of batch) {
        rows++;
        if (r.prevHash !== prev) return { ok: false, rows, firstBad: r.id, reason: '前一条的哈希不符（记录被删除或插入）' };
        if (auditHash(r) !== r.hash) return { ok: false, rows, firstBad: r.id, reason: '记录内容与哈希不符（记录被修改）' };
        prev = r.hash;
        after = r.id;
      }
    }
    return { ok: true, rows, firstBad: null, reason: null };
  }
}

const SELECT_ROWS = `SELECT id::text AS id, at, user_id, username, event, object_type, object_id, result, client_ip, details, prev_hash, hash FROM audit_log`;

/** The WHERE clause of a filter (days are Beijing days; `object` matches the recorded name or the id). */
function filterSql(q: AuditFilter): { where: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.event) add((n) => (q.event?.endsWith('.') ? `event LIKE ${n}` : `(event = ${n} OR event LIKE ${n} || '.%')`), q.event.endsWith('.') ? `${q.event}%` : q.event);
  if (q.username) add((n) => `username = ${n}`, q.username);
  if (q.from) add((n) => `at >= ${n}::timestamptz`, auditDayStart(q.from));
  if (q.to) add((n) => `at < ${n}::timestamptz`, auditDayStart(q.to, true));
  if (q.objectType) add((n) => `object_type = ${n}`, q.objectType);
  if (q.object) {
    params.push(q.object, containsPattern(q.object));
    where.push(`(object_id = $${params.length - 1} OR details->>'objectName' ILIKE $${params.length} ESCAPE '\\')`);
  }
  if (q.result) add((n) => `result = ${n}`, q.result);
  return { where: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

function toRow(r: {
  id: string;
  at: Date;
  user_id: string | null;
  username: string | null;
  event: string;
  object_type: string | null;
  object_id: string | null;
  result: string;
  client_ip: string | null;
  details: Record<string, unknown> | null;
  prev_hash: string;
  hash: string;
}): AuditRow {
  return {
    id: r.id,
    at: isoWithOffset(new Date(r.at)),
    userId: r.user_id,
    username: r.username,
    event: r.event,
    eventLabel: auditEventLabel(r.event),
    objectType: r.object_type,
    objectId: r.object_id,
    objectName: typeof r.details?.['objectName'] === 'string' ? (r.details['objectName'] as string) : null,
    status: typeof r.details?.['status'] === 'number' ? (r.details['status'] as number) : null,
    result: r.result,
    clientIp: r.client_ip,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
