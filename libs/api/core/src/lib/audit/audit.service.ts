import { Injectable, Logger } from '@nestjs/common';
import type { AuditEntryResponse, AuditPage, AuditVerification } from '@pt/shared/contracts';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { currentContext } from './request-context';

export interface AuditEntry {
  event: string;
  result: 'ok' | 'failed' | 'denied';
  objectType?: string | null;
  objectId?: string | null;
  details?: Record<string, unknown> | null;
  /** Defaults to the request's user. */
  user?: { id: string | null; username: string | null };
}

/** A row of the log as the API answers it. */
export type AuditRow = AuditEntryResponse;

const GENESIS = '0'.repeat(64);
/** Serialises appends, so each row's prev_hash is the hash of the row before it. */
const AUDIT_LOCK = 7_202_612;

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
export function auditHash(r: Omit<AuditRow, 'id' | 'hash'>): string {
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
    const write = async (em: EntityManager) => {
      await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
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
        details: entry.details ?? null,
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

  /** Rows, newest first. */
  async list(q: { page: number; pageSize: number; event?: string; username?: string }): Promise<AuditPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.event) {
      params.push(`${q.event}%`);
      where.push(`event LIKE $${params.length}`);
    }
    if (q.username) {
      params.push(q.username);
      where.push(`username = $${params.length}`);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log ${w}`, params);
    const rows = await this.dataSource.query(`${SELECT_ROWS} ${w} ORDER BY audit_log.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`, params);
    return { items: rows.map(toRow), total };
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
    objectType: r.object_type,
    objectId: r.object_id,
    result: r.result,
    clientIp: r.client_ip,
    details: r.details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
