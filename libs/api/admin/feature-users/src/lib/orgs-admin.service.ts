import { Injectable } from '@nestjs/common';
import { advisoryXactLock, ApiHttpException, badRequest, isUniqueViolation, UUID_RE } from '@pt/api/core';
import type { AdminOrg, ApiErrorDetail, CreateOrgDto, OrgKind, UpdateOrgDto } from '@pt/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { toIso } from './admin-helpers';

interface OrgRow {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  parent_id: string | null;
  created_at: Date | string;
  user_count: number | string;
}

const ORG_SELECT = `SELECT o.id, o.code, o.name, o.kind, o.parent_id, o.created_at,
  (SELECT count(*)::int FROM app_user u WHERE u.org_id = o.id) AS user_count FROM org o`;

const PARENT_KIND: Record<OrgKind, OrgKind | null> = { finance: null, department: 'finance', unit: 'department' };
const PARENT_RULE: Record<OrgKind, string> = {
  finance: '财政局不能有上级机构',
  department: '主管部门的上级机构须为财政局',
  unit: '预算单位的上级机构须为主管部门',
};

function toOrg(r: OrgRow, depth: number): AdminOrg {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    depth,
    userCount: Number(r.user_count),
    createdAt: toIso(r.created_at),
  };
}

/** Depth-first: each organisation followed by its children (by code); orphans last, as roots. */
export function orderAsTree(rows: OrgRow[]): AdminOrg[] {
  const byParent = new Map<string | null, OrgRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of [...rows].sort((a, b) => a.code.localeCompare(b.code))) {
    const key = r.parent_id && ids.has(r.parent_id) ? r.parent_id : null;
    const list = byParent.get(key) ?? [];
    list.push(r);
    byParent.set(key, list);
  }
  const out: AdminOrg[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const r of byParent.get(parent) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      out.push(toOrg(r, depth));
      walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  // a cycle (impossible through this API) would leave rows unvisited: list them rather than lose them
  for (const r of rows) if (!seen.has(r.id)) out.push(toOrg(r, 0));
  return out;
}

/** Organisations for the administrator: the whole tree with user counts; create and rename. */
@Injectable()
export class OrgsAdminService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<AdminOrg[]> {
    const rows: OrgRow[] = await this.dataSource.query(ORG_SELECT);
    return orderAsTree(rows);
  }

  async get(id: string, m: EntityManager = this.dataSource.manager): Promise<AdminOrg> {
    if (!UUID_RE.test(id)) throw this.notFound();
    const [row]: OrgRow[] = await m.query(`${ORG_SELECT} WHERE o.id = $1`, [id]);
    if (!row) throw this.notFound();
    return toOrg(row, row.kind === 'finance' ? 0 : row.kind === 'department' ? 1 : 2);
  }

  async create(dto: CreateOrgDto): Promise<AdminOrg> {
    const name = dto.name.trim();
    const parentId = dto.parentId ?? null;
    try {
      return await this.dataSource.transaction(async (m) => {
        await advisoryXactLock(m, 'orgWrites');
        const problems: ApiErrorDetail[] = [];
        const wanted = PARENT_KIND[dto.kind];
        if (wanted === null) {
          if (parentId !== null) problems.push({ field: 'parentId', code: 'parentRule', message: PARENT_RULE.finance });
        } else if (parentId === null) {
          problems.push({ field: 'parentId', code: 'parentRequired', message: `请选择上级机构（${PARENT_RULE[dto.kind]}）` });
        } else {
          const [parent]: { kind: OrgKind }[] = await m.query('SELECT kind FROM org WHERE id = $1', [parentId]);
          if (!parent) problems.push({ field: 'parentId', code: 'parentMissing', message: '上级机构不存在' });
          else if (parent.kind !== wanted) problems.push({ field: 'parentId', code: 'parentRule', message: PARENT_RULE[dto.kind] });
        }
        if (problems.length) throw badRequest(problems);
        if (dto.kind === 'finance') {
          const [existing]: { name: string }[] = await m.query(`SELECT name FROM org WHERE kind = 'finance' LIMIT 1`);
          if (existing) {
            throw new ApiHttpException(409, 'FINANCE_EXISTS', `财政局只能有一个（已有「${existing.name}」）`, [
              { field: 'kind', code: 'financeExists', message: '财政局只能有一个' },
            ]);
          }
        }
        await this.assertCodeFree(m, dto.code, null);
        const [row]: { id: string }[] = await m.query('INSERT INTO org (code, name, kind, parent_id) VALUES ($1, $2, $3, $4) RETURNING id', [
          dto.code,
          name,
          dto.kind,
          parentId,
        ]);
        return this.get(row.id, m);
      });
    } catch (e) {
      throw this.mapUnique(e, dto.code);
    }
  }

  async update(id: string, dto: UpdateOrgDto): Promise<AdminOrg> {
    if (!UUID_RE.test(id)) throw this.notFound();
    if (dto.code === undefined && dto.name === undefined) {
      throw badRequest([{ field: 'name', code: 'empty', message: '请至少修改机构名称或机构代码中的一项' }]);
    }
    try {
      return await this.dataSource.transaction(async (m) => {
        await advisoryXactLock(m, 'orgWrites');
        const [row]: { id: string }[] = await m.query('SELECT id FROM org WHERE id = $1 FOR UPDATE', [id]);
        if (!row) throw this.notFound();
        if (dto.code !== undefined) await this.assertCodeFree(m, dto.code, id);
        await m.query('UPDATE org SET code = COALESCE($2, code), name = COALESCE($3, name) WHERE id = $1', [
          id,
          dto.code ?? null,
          dto.name?.trim() ?? null,
        ]);
        return this.get(id, m);
      });
    } catch (e) {
      throw this.mapUnique(e, dto.code ?? '');
    }
  }

  private async assertCodeFree(m: EntityManager, code: string, exceptId: string | null): Promise<void> {
    const [dup]: { name: string }[] = await m.query('SELECT name FROM org WHERE lower(code) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid)', [
      code,
      exceptId,
    ]);
    if (dup) throw this.codeTaken(code, dup.name);
  }

  private codeTaken(code: string, by?: string): ApiHttpException {
    return new ApiHttpException(409, 'DUPLICATE', `机构代码「${code}」已被${by ? `「${by}」` : '其他机构'}使用`, [
      { field: 'code', code: 'duplicate', message: '机构代码已被使用' },
    ]);
  }

  /** A unique violation that slipped past the check (a concurrent write) is still a 409 in Chinese. */
  private mapUnique(e: unknown, code: string): unknown {
    return isUniqueViolation(e) ? this.codeTaken(code) : e;
  }

  private notFound(): ApiHttpException {
    return new ApiHttpException(404, 'NOT_FOUND', '机构不存在');
  }
}
