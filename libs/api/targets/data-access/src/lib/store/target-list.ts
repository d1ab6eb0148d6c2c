import { containsPattern } from '@pt/api/core';
import { waitingStatuses } from '@pt/domain';
import type { ListTargetsQueryDto, ProjectStatus, ProjectSummary, TargetPage, TargetSummary, UserSummary } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { OrgScopeService } from '../org-scope.service';
import { kindScopeSql } from './kind-scope';
import { sqlConditions } from './sql-conditions';
import { PROJECT_COLUMNS, PROJECT_FROM, summaryOf, type ProjectRow } from './project-row';

type ListRow = ProjectRow & {
  /** kept by triggers on the target's row (migration 1734500000000) */
  indicator_count: number;
  e_status: ProjectStatus | null;
  e_total: string | null;
  e_grade: '优' | '良' | '中' | '差' | null;
  light: ProjectSummary['light'];
};

/**
 * The list page of the visible targets with its filters (hand-written: one count and one page query); under
 * /api/projects only projects (kind-scope).
 */
export async function listProjects(m: EntityManager, scope: OrgScopeService, user: UserSummary, q: ListTargetsQueryDto): Promise<TargetPage> {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const { where, params, add } = sqlConditions();
  // the finance bureau sees everything: no organisation filter (null) rather than every organisation's id
  const visible = await scope.visibleOrgFilter(user);
  if (visible) add('p.org_id = ANY(?::uuid[])', visible);
  if (q.kind !== undefined) add('p.kind = ?', q.kind);
  if (q.year !== undefined) add('p.year = ?', q.year);
  // an organisation filter takes the organisations below it too (a department: all its units)
  if (q.orgId !== undefined) add('p.org_id = ANY(?::uuid[])', await scope.visibleOrgIds({ ...user, orgId: q.orgId }));
  if (q.status !== undefined) add('p.status = ?', q.status);
  const term = q.q?.trim() ?? '';
  // a term without upper or lower case (Chinese) matches the same names by LIKE, which reads a year's names a few
  // times faster than ILIKE (no case folding of every name)
  let like = '';
  if (term !== '') {
    params.push(containsPattern(term));
    like = `p.name ${term.toLowerCase() === term.toUpperCase() ? 'LIKE' : 'ILIKE'} $${params.length} ESCAPE '\\'`;
  }
  if (q.inbox === 'true') {
    // one status (a reviewer's) as an equality, which an index on (status, updated_at) returns in the list's order
    const waiting = waitingStatuses(user);
    if (waiting.length === 1) add('p.status = ?', waiting[0]);
    else add('p.status = ANY(?::text[])', waiting);
  }
  // the dashboard's click-through: the saved self-evaluation and the latest monitoring report
  if (q.grade !== undefined) add('e.grade = ?', q.grade);
  if (q.scoreMin !== undefined) add('e.total_score >= ?', q.scoreMin);
  if (q.scoreMax !== undefined) add('e.total_score < ?', q.scoreMax);
  if (q.evaluationStatus !== undefined) add('e.status = ?', q.evaluationStatus);
  // the latest report's light (one report per month): a report of that light with no later one — a semi-join that
  // starts from the reports of that light when they are few, instead of the latest report of every target of the year
  if (q.light !== undefined)
    add(
      `p.status = 'approved' AND EXISTS (SELECT 1 FROM project_monitoring x WHERE x.project_id = p.id AND x.light = ?
         AND NOT EXISTS (SELECT 1 FROM project_monitoring y WHERE y.project_id = p.id AND y.month > x.month))`,
      q.light,
    );
  const whereSql = (where.join(' AND ') || 'TRUE') + kindScopeSql();
  const joinE = q.grade !== undefined || q.scoreMin !== undefined || q.scoreMax !== undefined || q.evaluationStatus !== undefined;
  const evaluationJoin = 'LEFT JOIN project_evaluation e ON e.project_id = p.id';
  const from = `project p ${joinE ? evaluationJoin : ''}`;
  const search = term === '' ? null : { like, term, year: q.year };
  const { total, capped, filter, filterParams } = await countMatches(m, from, whereSql, params, search, { countUpTo: q.countUpTo });
  const latestLight = `SELECT x.light FROM project_monitoring x WHERE x.project_id = p.id ORDER BY x.month DESC LIMIT 1`;
  // the page's ids first (the filters, the order and the limit on the target rows alone), then the columns, names and
  // figures of those rows only: joined before the limit, the organisations and evaluations of every match were read
  const order = 'ORDER BY p.updated_at DESC, p.id';
  const rows: ListRow[] = await m.query(
    `SELECT ${PROJECT_COLUMNS}, p.indicator_count, e.status AS e_status, e.total_score::text AS e_total, e.grade AS e_grade, (${latestLight}) AS light
       ${PROJECT_FROM} ${evaluationJoin}
     WHERE p.id IN (SELECT p.id FROM ${from} WHERE ${filter} ${order} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize})
     ${order}`,
    filterParams,
  );
  const items: TargetSummary[] = rows.map((r) => ({
    ...summaryOf(r),
    annualTotal: r.fund_annual_total,
    indicatorCount: r.indicator_count,
    evaluation: r.e_status && r.e_total && r.e_grade ? { status: r.e_status, totalScore: r.e_total, grade: r.e_grade } : null,
    light: r.status === 'approved' ? (r.light ?? null) : null,
  }));
  // totalCapped only when it is true: an answer without countUpTo stays exactly { items, total, page, pageSize }
  return { items, total, page, pageSize, ...(capped ? { totalCapped: true } : {}) };
}

/** A name search's matches counted through the index of the names' characters before the year is read instead. */
const FEW_MATCHES = 200;
/** With a cap, the year's names read before that index is asked (about 1 ms for 4,000 names from the covering index). */
const FIRST_READ = 4000;

/**
 * The number of rows `whereSql` (and the name search's `like`) matches, and the filter the page query should use. The
 * index of each name's characters and year (migration 1734200000000: the expression exactly as indexed) finds the
 * names holding every character of the term, `like` keeps those holding the term itself: quick for a rare term, but
 * it reads a table row per match. So that index is asked for fewer than `few` matches; beyond, the year's names are
 * counted from its covering index (project_year_org_name_idx: the names in the index, no table rows, about 5 ms for
 * 30,000), and where the term is common (one name in 20 or more) the page is the newest matches by
 * (year, updated_at), which such a term fills after a few hundred rows; a rarer one keeps the characters index.
 *
 * With `countUpTo` (the list page's name search: "200 条以上") at most countUpTo + 1 rows are counted and `capped`
 * says there are more: the year's names are never read, which an exact count of a common term must do (its cost grows
 * with the year). A probe that comes back full is then taken for a common term, the plan the full count would choose.
 * Before that probe, FIRST_READ of the year's names are read: the index of characters collects every name holding each
 * character of the term (and the year's marker, every name of the year) before its limit applies — 5 ms for a term in
 * one name of ten at 29,000 names a year — where a term that common passes the cap within a few thousand names.
 */
export async function countMatches(
  m: EntityManager,
  from: string,
  whereSql: string,
  params: readonly unknown[],
  search: { like: string; term: string; year: number | undefined } | null,
  { few = FEW_MATCHES, countUpTo, firstRead = FIRST_READ }: { few?: number; countUpTo?: number; firstRead?: number } = {},
): Promise<{ total: number; capped?: true; filter: string; filterParams: readonly unknown[] }> {
  if (!search) {
    if (countUpTo !== undefined) {
      const n = await countUpToLimit(m, from, whereSql, params, countUpTo + 1);
      return { ...cappedAt(n, countUpTo), filter: whereSql, filterParams: params };
    }
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM ${from} WHERE ${whereSql}`, params);
    return { total, filter: whereSql, filterParams: params };
  }
  const n = params.length;
  const chars = `(string_to_array(lower(p.name), NULL) || ('#' || p.year::text)) @> (string_to_array(lower($${n + 1}::text), NULL) || $${n + 2}::text[])`;
  const indexed = {
    filter: `${whereSql} AND ${search.like} AND ${chars}`,
    filterParams: [...params, search.term, search.year === undefined ? [] : [`#${search.year}`]],
  };
  const common = { filter: `${whereSql} AND ${search.like}`, filterParams: params };
  if (countUpTo !== undefined && search.year !== undefined && firstRead > 0) {
    // a bounded number of the year's names, in no order (the covering index project_year_org_name_idx: no table rows):
    // a common term passes the cap in them, and a small scope (a unit's or department's year) is read whole, exactly
    const [{ hits, scanned }] = await m.query(
      `SELECT (count(*) FILTER (WHERE x.hit))::int AS hits, count(*)::int AS scanned
         FROM (SELECT ${search.like} AS hit FROM ${from} WHERE ${whereSql} LIMIT ${firstRead}) x`,
      params,
    );
    if (scanned < firstRead || hits > countUpTo) return { ...cappedAt(hits, countUpTo), ...common };
  }
  const limit = countUpTo === undefined ? few : Math.max(few, countUpTo + 1);
  const probed = await countUpToLimit(m, from, indexed.filter, indexed.filterParams, limit);
  if (probed < limit) return { ...cappedAt(probed, countUpTo), ...indexed };
  // a full probe holds more than countUpTo matches (limit > countUpTo)
  if (countUpTo !== undefined) return { total: countUpTo, capped: true, ...common };
  const [{ total, scanned }] = await m.query(
    `SELECT (count(*) FILTER (WHERE ${search.like}))::int AS total, count(*)::int AS scanned FROM ${from} WHERE ${whereSql}`,
    params,
  );
  return total * 20 >= scanned ? { total, ...common } : { total, ...indexed };
}

/** The rows `filter` matches, counted up to `limit` (one more than a cap tells that there are more). */
async function countUpToLimit(m: EntityManager, from: string, filter: string, params: readonly unknown[], limit: number): Promise<number> {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`count limit ${limit}`);
  const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${from} WHERE ${filter} LIMIT ${limit}) x`, params);
  return n;
}

function cappedAt(n: number, countUpTo: number | undefined): { total: number; capped?: true } {
  return countUpTo !== undefined && n > countUpTo ? { total: countUpTo, capped: true } : { total: n };
}
