import { Injectable, Logger } from '@nestjs/common';
import type { PickRow } from '@pt/api/core';
import { OrgScopeService, sqlConditions, type ProjectEntity, type ProjectMonitoringEntity } from '@pt/api/targets/data-access';
import { Dec, TOTAL_GRADE_BANDS, type TotalGrade } from '@pt/domain';
import {
  DASHBOARD_LIST_MAX,
  type Dashboard,
  type DashboardQueryDto,
  PROJECT_STATUSES,
  type ProjectStatus,
  TARGET_KINDS,
  type TargetKindKey,
  type UserSummary,
} from '@pt/shared/contracts';
import { DataSource } from 'typeorm';

/** One group of the scope's tally (migration 1734400000000): its targets' count and scores' sum; `parts` rows made it. */
type TallyRow = {
  kind: TargetKindKey;
  status: ProjectStatus;
  e_status: ProjectStatus | null;
  grade: TotalGrade | null;
  tens: number | null;
  red: boolean;
  count: number;
  /** the group's scores' sum (numeric as text: an exact decimal) */
  score: string;
  parts: number;
};
type RankRow = { org_id: string; org_name: string; count: number; average: string; units: number };
type RedRow = PickRow<ProjectEntity, 'id' | 'name'> & PickRow<ProjectMonitoringEntity, 'month'> & { org_name: string };

/** Score bands of the distribution: [min, max) in points, the last one closed at 100. Multiples of 10: made of tens. */
export const SCORE_BANDS: readonly { label: string; min: number; max: number }[] = [
  { label: '60 分以下', min: 0, max: 60 },
  { label: '60–70', min: 60, max: 70 },
  { label: '70–80', min: 70, max: 80 },
  { label: '80–90', min: 80, max: 90 },
  { label: '90–100', min: 90, max: 101 },
];

/** A year's tally rows are folded together once more than this many (beyond twice the groups) pile up. */
const PILED_UP = 64;

/**
 * The overview of a year under an organisation: every figure counts the targets of every kind the list
 * (/api/targets) shows for it, or of the one kind asked for (`kind`); `byKind` says how many of each kind.
 * The counts come from the tallies the database keeps per organisation (a few dozen rows whatever the size of the
 * year), the ranking from each organisation's sums, and the red list is its first rows.
 */
@Injectable()
export class DashboardService {
  private readonly log = new Logger(DashboardService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
  ) {}

  async get(user: UserSummary, q: DashboardQueryDto): Promise<Dashboard> {
    // the finance bureau's whole year needs no organisation filter (null), not the ids of every organisation; an
    // organisation outside the user's scope is a 404 here
    const orgIds = await this.scope.scopedOrgFilter(user, q.orgId);
    const seen = orgIds === null || orgIds.length > 0;
    const scopeId = q.orgId ?? user.orgId;
    const [tally, ranking] = seen ? await Promise.all([this.tally(q, scopeId), this.ranking(q, orgIds)]) : [[], []];
    const sum = (rows: readonly TallyRow[]) => rows.reduce((a, r) => a + r.count, 0);
    const count = (pick: (r: TallyRow) => ProjectStatus | null) => PROJECT_STATUSES.map((status) => ({ status, count: sum(tally.filter((r) => pick(r) === status)) }));
    const evaluated = tally.filter((r) => r.e_status !== null);
    const evaluatedCount = sum(evaluated);
    const redCount = sum(tally.filter((r) => r.red));
    const approved = sum(tally.filter((r) => r.status === 'approved'));
    const red = redCount > 0 ? await this.red(q, orgIds, redCount, approved) : [];
    const collator = new Intl.Collator('zh-CN');
    await this.foldWhenPiledUp(q.year, tally);
    return {
      year: q.year,
      orgId: q.orgId ?? null,
      projectCount: sum(tally),
      byKind: TARGET_KINDS.map((kind) => ({ kind, count: sum(tally.filter((r) => r.kind === kind)) })),
      byStatus: count((r) => r.status),
      evaluationsByStatus: count((r) => r.e_status),
      grades: TOTAL_GRADE_BANDS.map((b) => ({ grade: b.grade, count: sum(evaluated.filter((r) => r.grade === b.grade)) })),
      // a band holds the tens inside it: [10·tens, 10·tens + 10) within [min, max)
      scoreBands: SCORE_BANDS.map((b) => ({ ...b, count: sum(evaluated.filter((r) => r.tens !== null && b.min <= r.tens * 10 && r.tens * 10 + 10 <= b.max)) })),
      redCount,
      redProjects: red.map((r) => ({ id: r.id, name: r.name, orgName: r.org_name, month: r.month })),
      // the exact average of every saved self-evaluation, rounded half-up
      averageScore: evaluatedCount
        ? evaluated.reduce((a, r) => a.add(Dec.of(r.score)), Dec.fromInt(0)).div(Dec.fromInt(evaluatedCount)).roundHalfUp(2).toFixed(2)
        : null,
      unitCount: ranking[0]?.units ?? 0,
      // the ties at the cut came along (WITH TIES): ordered by name among equal averages, then cut
      unitRanking: ranking
        .map((u) => ({ orgId: u.org_id, orgName: u.org_name, averageScore: u.average, count: u.count }))
        .sort((a, b) => Number(b.averageScore) - Number(a.averageScore) || collator.compare(a.orgName, b.orgName))
        .slice(0, DASHBOARD_LIST_MAX),
    };
  }

  /** The scope's tally (the organisation's subtree) by group, the rows appended since the last folding added up. */
  private tally(q: DashboardQueryDto, scopeId: string): Promise<TallyRow[]> {
    const { where, params, add } = sqlConditions();
    add('t.year = ?', q.year);
    add('t.scope_id = ?', scopeId);
    if (q.kind !== undefined) add('t.kind = ?', q.kind);
    return this.dataSource.query(
      `SELECT t.kind, t.status, t.e_status, t.grade, t.tens, t.red, sum(t.n)::int AS count, sum(t.score_sum)::text AS score, count(*)::int AS parts
         FROM dashboard_tally t WHERE ${where.join(' AND ')}
        GROUP BY t.kind, t.status, t.e_status, t.grade, t.tens, t.red HAVING sum(t.n) <> 0`,
      params,
    );
  }

  /**
   * The best organisations by the average of their own targets' saved self-evaluations, with those tied at the cut
   * (down the index by average: the first rows whatever the number of units), and how many organisations have one.
   */
  private ranking(q: DashboardQueryDto, orgIds: string[] | null): Promise<RankRow[]> {
    const { where, params, add } = sqlConditions();
    add('u.year = ?', q.year);
    add('u.kind = ?', q.kind ?? '*');
    if (orgIds) add('u.org_id = ANY(?::uuid[])', orgIds);
    const filter = `${where.join(' AND ')} AND u.n > 0`;
    return this.dataSource.query(
      `SELECT u.org_id, o.name AS org_name, u.n AS count, u.average::text AS average,
              (SELECT count(*)::int FROM dashboard_unit_score u WHERE ${filter}) AS units
         FROM dashboard_unit_score u JOIN org o ON o.id = u.org_id WHERE ${filter}
        ORDER BY u.average DESC FETCH FIRST ${DASHBOARD_LIST_MAX} ROWS WITH TIES`,
      params,
    );
  }

  /**
   * The most recently changed approved targets whose latest report is red, in the list's order. Few red targets: from
   * their red reports; many: down the year's targets by time of change until enough are found (about
   * approved / red targets read per one found), whichever reads fewer rows.
   */
  private red(q: DashboardQueryDto, orgIds: string[] | null, redCount: number, approved: number): Promise<RedRow[]> {
    const { where, params, add } = sqlConditions();
    add('p.year = ?', q.year);
    if (orgIds) add('p.org_id = ANY(?::uuid[])', orgIds);
    if (q.kind !== undefined) add('p.kind = ?', q.kind);
    const scope = where.join(' AND ');
    const order = `ORDER BY p.updated_at DESC, p.id LIMIT ${DASHBOARD_LIST_MAX}`;
    const fromReports = redCount * redCount < DASHBOARD_LIST_MAX * approved;
    return this.dataSource.query(
      fromReports
        ? `SELECT p.id, p.name, o.name AS org_name, x.month
             FROM project_monitoring x JOIN project p ON p.id = x.project_id JOIN org o ON o.id = p.org_id
            WHERE ${scope} AND p.status = 'approved' AND x.light = 'red'
              AND NOT EXISTS (SELECT 1 FROM project_monitoring y WHERE y.project_id = x.project_id AND y.month > x.month) ${order}`
        : `SELECT p.id, p.name, o.name AS org_name, x.month
             FROM project p JOIN org o ON o.id = p.org_id
             CROSS JOIN LATERAL (SELECT y.light, y.month FROM project_monitoring y WHERE y.project_id = p.id ORDER BY y.month DESC LIMIT 1) x
            WHERE ${scope} AND p.status = 'approved' AND x.light = 'red' ${order}`,
      params,
    );
  }

  /**
   * Folds the year's tallies together once their appended rows pile up (a write appends a row or two per organisation
   * above its target): rare, and a failure only leaves them for the next dashboard.
   */
  private async foldWhenPiledUp(year: number, tally: readonly TallyRow[]): Promise<void> {
    const parts = tally.reduce((a, r) => a + r.parts, 0);
    if (parts <= 2 * tally.length + PILED_UP) return;
    await this.dataSource.query('SELECT dashboard_tally_compact($1)', [year]).catch((e: unknown) => this.log.warn(`tally folding of ${year}: ${String(e)}`));
  }
}
