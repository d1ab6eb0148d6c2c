import { Injectable } from '@nestjs/common';
import type { PickRow } from '@pt/api/core';
import { OrgScopeService, type ProjectEntity, type ProjectEvaluationEntity, type ProjectMonitoringEntity } from '@pt/api/targets/data-access';
import { Dec, TOTAL_GRADE_BANDS } from '@pt/domain';
import { type Dashboard, type DashboardQueryDto, PROJECT_STATUSES, type ProjectStatus, TARGET_KINDS, type TargetKindKey, type UserSummary } from '@pt/shared/contracts';
import { DataSource } from 'typeorm';

/** The rows of the four queries (columns typed by their entities; org_name, total and count are computed). */
type StatusCount = { status: ProjectStatus; count: number };
type KindStatusCount = StatusCount & { kind: TargetKindKey };
type EvaluationRow = PickRow<ProjectEntity, 'org_id'> & PickRow<ProjectEvaluationEntity, 'grade'> & { org_name: string; total: string };
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
    const orgIds = await this.scope.scopedOrgIds(user, q.orgId);
    const params: unknown[] = [q.year, orgIds];
    if (q.kind !== undefined) params.push(q.kind);
    const scope = `p.year = $1 AND p.org_id = ANY($2::uuid[])${q.kind !== undefined ? ' AND p.kind = $3' : ''}`;
    const [byKindStatus, byEvalStatus, evaluations, red]: [KindStatusCount[], StatusCount[], EvaluationRow[], RedRow[]] = await Promise.all([
      this.dataSource.query(`SELECT p.kind, p.status, count(*)::int AS count FROM project p WHERE ${scope} GROUP BY p.kind, p.status`, params),
      this.dataSource.query(
        `SELECT e.status, count(*)::int AS count FROM project p JOIN project_evaluation e ON e.project_id = p.id WHERE ${scope} GROUP BY e.status`,
        params,
      ),
      this.dataSource.query(
        `SELECT p.org_id, o.name AS org_name, e.total_score::text AS total, e.grade
           FROM project p JOIN project_evaluation e ON e.project_id = p.id JOIN org o ON o.id = p.org_id WHERE ${scope}`,
        params,
      ),
      this.dataSource.query(
        `SELECT p.id, p.name, o.name AS org_name, pm.month
           FROM project p JOIN org o ON o.id = p.org_id
           JOIN LATERAL (SELECT x.light, x.month FROM project_monitoring x WHERE x.project_id = p.id ORDER BY x.month DESC LIMIT 1) pm ON true
          WHERE ${scope} AND p.status = 'approved' AND pm.light = 'red'`,
        params,
      ),
    ]);
    const sum = (rows: StatusCount[]) => rows.reduce((a, r) => a + r.count, 0);
    const count = (rows: StatusCount[]) => PROJECT_STATUSES.map((status) => ({ status, count: sum(rows.filter((r) => r.status === status)) }));
    const collator = new Intl.Collator('zh-CN');
    // exact decimal sums, the average rounded half-up
    const units = new Map<string, { orgName: string; sum: Dec; count: number }>();
    for (const e of evaluations) {
      const u = units.get(e.org_id) ?? { orgName: e.org_name, sum: Dec.ZERO, count: 0 };
      u.sum = u.sum.add(Dec.of(e.total));
      u.count++;
      units.set(e.org_id, u);
    }
    return {
      year: q.year,
      orgId: q.orgId ?? null,
      projectCount: sum(byKindStatus),
      byKind: TARGET_KINDS.map((kind) => ({ kind, count: sum(byKindStatus.filter((r) => r.kind === kind)) })),
      byStatus: count(byKindStatus),
      evaluationsByStatus: count(byEvalStatus),
      grades: TOTAL_GRADE_BANDS.map((b) => ({ grade: b.grade, count: evaluations.filter((e) => e.grade === b.grade).length })),
      scoreBands: SCORE_BANDS.map((b) => ({
        ...b,
        count: evaluations.filter((e) => Dec.of(e.total).gte(Dec.fromInt(b.min)) && Dec.of(e.total).lt(Dec.fromInt(b.max))).length,
      })),
      redProjects: red
        .map((r) => ({ id: r.id, name: r.name, orgName: r.org_name, month: r.month }))
        .sort((a, b) => collator.compare(a.orgName, b.orgName) || collator.compare(a.name, b.name)),
      unitRanking: [...units.entries()]
        .map(([orgId, u]) => ({ orgId, orgName: u.orgName, average: u.sum.div(Dec.fromInt(u.count)).roundHalfUp(2), count: u.count }))
        .sort((a, b) => b.average.cmp(a.average) || collator.compare(a.orgName, b.orgName))
        .map(({ average, ...r }) => ({ ...r, averageScore: average.toFixed(2) })),
    };
  }
}

