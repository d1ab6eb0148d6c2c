import { Injectable } from '@nestjs/common';
import type { PickRow } from '@pt/api/core';
import { OrgScopeService, sqlConditions, type ProjectEntity, type ProjectEvaluationEntity, type ProjectMonitoringEntity } from '@pt/api/targets/data-access';
import { Dec, TOTAL_GRADE_BANDS } from '@pt/domain';
import { type Dashboard, type DashboardQueryDto, PROJECT_STATUSES, type ProjectStatus, TARGET_KINDS, type TargetKindKey, type UserSummary } from '@pt/shared/contracts';
import { DataSource } from 'typeorm';

/** The rows of the four queries (columns typed by their entities; org_name, total and count are computed). */
type StatusCount = { status: ProjectStatus; count: number };
type KindStatusCount = StatusCount & { kind: TargetKindKey };
/** A unit's sum and count of scores, or (per_grade) a grade and score band's count: the GROUPING SETS of one query. */
type EvaluationRow = PickRow<ProjectEntity, 'org_id'> &
  PickRow<ProjectEvaluationEntity, 'grade'> & { per_grade: boolean; org_name: string; band: number; total: string; count: number };
type RedRow = PickRow<ProjectEntity, 'id' | 'name'> & PickRow<ProjectMonitoringEntity, 'month'> & { org_name: string };

/** Score bands of the distribution: [min, max) in points, the last one closed at 100. */
export const SCORE_BANDS: readonly { label: string; min: number; max: number }[] = [
  { label: '60 分以下', min: 0, max: 60 },
  { label: '60–70', min: 60, max: 70 },
  { label: '70–80', min: 70, max: 80 },
  { label: '80–90', min: 80, max: 90 },
  { label: '90–100', min: 90, max: 101 },
];

/**
 * The overview of a year under an organisation: every figure counts the targets of every kind the list
 * (/api/targets) shows for it, or of the one kind asked for (`kind`); `byKind` says how many of each kind.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
  ) {}

  async get(user: UserSummary, q: DashboardQueryDto): Promise<Dashboard> {
    // the finance bureau's whole year needs no organisation filter (null), not the ids of every organisation
    const orgIds = await this.scope.scopedOrgFilter(user, q.orgId);
    const { where, params, add } = sqlConditions();
    add('p.year = ?', q.year);
    if (orgIds) add('p.org_id = ANY(?::uuid[])', orgIds);
    if (q.kind !== undefined) add('p.kind = ?', q.kind);
    const scope = where.join(' AND ');
    // the score bands' limits for width_bucket: bucket i (1-based) is [min of band i, min of band i + 1), which is
    // the band itself because the bands are contiguous (each max is the next min); 0 and length + 1 fall outside all
    const limits = [...SCORE_BANDS.map((b) => b.min), SCORE_BANDS[SCORE_BANDS.length - 1].max];
    const [byKindStatus, byEvalStatus, evaluations, red]: [KindStatusCount[], StatusCount[], EvaluationRow[], RedRow[]] = await Promise.all([
      this.dataSource.query(`SELECT p.kind, p.status, count(*)::int AS count FROM project p WHERE ${scope} GROUP BY p.kind, p.status`, params),
      this.dataSource.query(
        `SELECT e.status, count(*)::int AS count FROM project p JOIN project_evaluation e ON e.project_id = p.id WHERE ${scope} GROUP BY e.status`,
        params,
      ),
      // aggregated in the database (one row per unit and one per grade and band, not one per evaluation): the exact
      // numeric sum of a unit's scores, averaged below as before
      this.dataSource.query(
        `SELECT grouping(p.org_id) = 1 AS per_grade, p.org_id, o.name AS org_name, e.grade,
                width_bucket(e.total_score, $${params.length + 1}::numeric[]) AS band, sum(e.total_score)::text AS total, count(*)::int AS count
           FROM project p JOIN project_evaluation e ON e.project_id = p.id JOIN org o ON o.id = p.org_id WHERE ${scope}
          GROUP BY GROUPING SETS ((p.org_id, o.name), (e.grade, band))`,
        [...params, limits],
      ),
      // the red reports that are their project's latest (a project has one report per month): driven by the few red
      // reports instead of looking up the latest report of every approved target of the year
      this.dataSource.query(
        `SELECT p.id, p.name, o.name AS org_name, x.month
           FROM project_monitoring x JOIN project p ON p.id = x.project_id JOIN org o ON o.id = p.org_id
          WHERE ${scope} AND p.status = 'approved' AND x.light = 'red'
            AND NOT EXISTS (SELECT 1 FROM project_monitoring y WHERE y.project_id = x.project_id AND y.month > x.month)`,
        params,
      ),
    ]);
    const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);
    const count = (rows: StatusCount[]) => PROJECT_STATUSES.map((status) => ({ status, count: sum(rows.filter((r) => r.status === status)) }));
    const collator = new Intl.Collator('zh-CN');
    const perUnit = evaluations.filter((e) => !e.per_grade);
    const perGrade = evaluations.filter((e) => e.per_grade);
    return {
      year: q.year,
      orgId: q.orgId ?? null,
      projectCount: sum(byKindStatus),
      byKind: TARGET_KINDS.map((kind) => ({ kind, count: sum(byKindStatus.filter((r) => r.kind === kind)) })),
      byStatus: count(byKindStatus),
      evaluationsByStatus: count(byEvalStatus),
      grades: TOTAL_GRADE_BANDS.map((b) => ({ grade: b.grade, count: sum(perGrade.filter((e) => e.grade === b.grade)) })),
      scoreBands: SCORE_BANDS.map((b, i) => ({ ...b, count: sum(perGrade.filter((e) => Number(e.band) === i + 1)) })),
      redProjects: red
        .map((r) => ({ id: r.id, name: r.name, orgName: r.org_name, month: r.month }))
        .sort((a, b) => collator.compare(a.orgName, b.orgName) || collator.compare(a.name, b.name)),
      // exact decimal sums, the average rounded half-up
      unitRanking: perUnit
        .map((u) => ({ orgId: u.org_id, orgName: u.org_name, average: Dec.of(u.total).div(Dec.fromInt(u.count)).roundHalfUp(2), count: u.count }))
        .sort((a, b) => b.average.cmp(a.average) || collator.compare(a.orgName, b.orgName))
        .map(({ average, ...r }) => ({ ...r, averageScore: average.toFixed(2) })),
    };
  }
}

