import { ApiHttpException } from '@pt/api/core';
import { Injectable } from '@nestjs/common';
import { BUSINESS_ROLES } from '@pt/domain';
import type { OrgNode, UserSummary } from '@pt/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * SQL condition: the organisation in `orgColumn` is the one in parameter `userOrgParam` or below it — walking up
 * from the organisation (a few rows) instead of listing the user's whole subtree (every unit, for the finance bureau).
 */
export function orgVisibleSql(orgColumn: string, userOrgParam: string): string {
  return `EXISTS (WITH RECURSIVE up AS (
         SELECT id, parent_id FROM org WHERE id = ${orgColumn}
         UNION ALL SELECT o.id, o.parent_id FROM org o JOIN up ON o.id = up.parent_id)
       SELECT 1 FROM up WHERE up.id = ${userOrgParam})`;
}

/** The organisation `root` (a parameter or a column) and every one below it, as the recursive CTE `sub` (one column, id). */
function subtreeSql(root: string): string {
  return `WITH RECURSIVE sub AS (SELECT id FROM org WHERE id = ${root} UNION ALL SELECT c.id FROM org c JOIN sub ON c.parent_id = sub.id)`;
}

/**
 * Visibility (domain §1): a user sees what their organisation and the organisations below it own.
 * A unit sees its own projects, a department reviewer those of its units, the finance bureau all.
 */
@Injectable()
export class OrgScopeService {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether the user sees project data at all: the system, security and audit administrators do not. */
  seesProjects(user: UserSummary): boolean {
    return user.roles.some((r) => BUSINESS_ROLES.includes(r));
  }

  /**
   * The visible organisations, narrowed to `orgId` and the ones below it when given (a filter of the list, the
   * dashboard, the monitoring overview and batch exports); an organisation outside the user's scope is a 404.
   */
  async scopedOrgIds(user: UserSummary, orgId?: string): Promise<string[]> {
    const visible = await this.visibleOrgIds(user);
    if (!orgId) return visible;
    if (!visible.includes(orgId)) throw new ApiHttpException(404, 'NOT_FOUND', '单位不存在或无权查看');
    return (await this.visibleOrgIds({ ...user, orgId })).filter((o) => visible.includes(o));
  }

  /**
   * `scopedOrgIds` as a query filter: `null` (no filter) when no organisation is asked for and the user sees every
   * organisation (visibleOrgFilter), else the ids.
   */
  async scopedOrgFilter(user: UserSummary, orgId?: string): Promise<string[] | null> {
    return orgId ? this.scopedOrgIds(user, orgId) : this.visibleOrgFilter(user);
  }

  /** Ids of the user's organisation and every organisation below it. */
  async visibleOrgIds(user: UserSummary, m: EntityManager = this.dataSource.manager): Promise<string[]> {
    // the system, security and audit administrators see no project data (separation of duties, 等保三级)
    if (!this.seesProjects(user)) return [];
    const rows: { id: string }[] = await m.query(`${subtreeSql('$1')} SELECT id FROM sub`, [user.orgId]);
    return rows.map((r) => r.id);
  }

  /**
   * The visible organisations as a filter of a query: `null` when the user sees every organisation (their organisation
   * is the root of the only tree: the finance bureau), so that a query needs no filter at all; else their ids. At a
   * province's size the finance bureau's list is 1,700 ids, which every list request walked, sent twice and planned.
   */
  async visibleOrgFilter(user: UserSummary, m: EntityManager = this.dataSource.manager): Promise<string[] | null> {
    if (!this.seesProjects(user)) return [];
    // the root of the only tree sees every organisation; anyone else their subtree (walked only then)
    const [row]: { all: boolean; ids: string[] | null }[] = await m.query(
      `WITH me AS (SELECT o.id, o.parent_id IS NULL AND NOT EXISTS (SELECT 1 FROM org r WHERE r.parent_id IS NULL AND r.id <> o.id) AS all
                     FROM org o WHERE o.id = $1)
       SELECT me.all, CASE WHEN me.all THEN NULL ELSE (${subtreeSql('me.id')} SELECT array_agg(id) FROM sub) END AS ids FROM me`,
      [user.orgId],
    );
    if (!row) return [];
    return row.all ? null : (row.ids ?? []);
  }

  /** The visible subtree plus the ancestors of the user's organisation (for names), ordered by code. */
  async visibleOrgs(user: UserSummary): Promise<OrgNode[]> {
    const rows: { id: string; code: string; name: string; kind: OrgNode['kind']; parent_id: string | null }[] = await this.dataSource.query(
      `${subtreeSql('$1')},
       up AS (
         SELECT id, parent_id FROM org WHERE id = $1
         UNION ALL SELECT o.id, o.parent_id FROM org o JOIN up ON o.id = up.parent_id)
       SELECT id, code, name, kind, parent_id FROM org WHERE id IN (SELECT id FROM sub UNION SELECT id FROM up)
       ORDER BY code`,
      [user.orgId],
    );
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, kind: r.kind, parentId: r.parent_id }));
  }
}
