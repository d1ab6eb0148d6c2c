import { HttpException } from '@nestjs/common';
import type { ApiError, CreateProjectDto, ProjectStatus, Role, UserSummary } from '@pt/shared/contracts';
import { AuditService } from '@pt/api/core';
import { FrameworkStore } from '@pt/api/frameworks';
import type { DataSource, EntityManager } from 'typeorm';
import { MonitoringStore } from '../lib/monitoring/monitoring-store';
import { OrgScopeService } from '../lib/org-scope.service';
import { TargetStore } from '../lib/store/target-store';
import { insertProject, loadGoals, replaceIndicators } from '../lib/store/target-sql';

/**
 * Data for the specs of the target libraries (on a database of `startTestDatabase()`): an organisation tree, users
 * and targets, written the way the application writes them.
 */

/** 财政局 → 教育局 (第一中学, 第二中学) and 卫健委 (人民医院); codes sort in that order. */
export interface OrgTree {
  finance: string;
  edu: string;
  school1: string;
  school2: string;
  health: string;
  hospital: string;
}

export async function seedOrgTree(m: EntityManager): Promise<OrgTree> {
  const add = async (code: string, name: string, kind: string, parentId: string | null): Promise<string> => {
    const [row]: { id: string }[] = await m.query(`INSERT INTO org (code, name, kind, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`, [code, name, kind, parentId]);
    return row.id;
  };
  const finance = await add('F00', '财政局', 'finance', null);
  const edu = await add('F10', '教育局', 'department', finance);
  const school1 = await add('F11', '第一中学', 'unit', edu);
  const school2 = await add('F12', '第二中学', 'unit', edu);
  const health = await add('F20', '卫健委', 'department', finance);
  const hospital = await add('F21', '人民医院', 'unit', health);
  return { finance, edu, school1, school2, health, hospital };
}

/** A user row (the history and the reports point at it) and the session's summary of it. */
export async function seedUser(m: EntityManager, username: string, orgId: string, roles: Role[]): Promise<UserSummary> {
  const [row]: { id: string }[] = await m.query(
    `INSERT INTO app_user (username, display_name, password_hash, roles, org_id) VALUES ($1, $1, 'not-a-hash', $2, $3) RETURNING id`,
    [username, roles, orgId],
  );
  return { id: row.id, username, displayName: username, roles, orgId };
}

export interface TargetRowSeed {
  level1: string;
  level2: string;
  name: string;
  target: string;
}

/** Rows of the 'mof-2021' framework: one quantitative, one qualitative. */
export const SAMPLE_ROWS: readonly TargetRowSeed[] = [
  { level1: '产出指标', level2: '数量指标', name: '培训人数', target: '≥100人' },
  { level1: '效益指标', level2: '社会效益指标', name: '群众满意', target: '明显提高' },
];

/** A target with its annual rows, in `status` (written directly: the workflow is not what these specs test). */
export async function seedTarget(
  m: EntityManager,
  p: { orgId: string; year: number; name: string; status?: ProjectStatus; rows?: readonly TargetRowSeed[]; funds?: CreateProjectDto['funds']; createdBy?: string | null },
): Promise<{ id: string; indicatorIds: string[] }> {
  const id = await insertProject(m, {
    orgId: p.orgId,
    year: p.year,
    name: p.name,
    frameworkCode: 'mof-2021',
    funds: p.funds,
    status: p.status ?? 'draft',
    createdBy: p.createdBy ?? null,
  });
  const annual = (await loadGoals(m, [id])).find((g) => g.kind === 'annual');
  if (!annual) throw new Error('insertProject wrote no annual goal');
  await replaceIndicators(m, annual.id, [...(p.rows ?? SAMPLE_ROWS)]);
  const rows = (await loadGoals(m, [id])).find((g) => g.id === annual.id)?.indicators ?? [];
  return { id, indicatorIds: rows.map((r) => r.id) };
}

/** The store's services on a test database, wired as TargetsDataModule wires them. */
export function targetServices(dataSource: DataSource): { scope: OrgScopeService; targets: TargetStore; monitoring: MonitoringStore } {
  const scope = new OrgScopeService(dataSource);
  const targets = new TargetStore(dataSource, scope, new AuditService(dataSource), new FrameworkStore(dataSource));
  return { scope, targets, monitoring: new MonitoringStore(dataSource, targets) };
}

/** How a call was refused (status, error code, the fields named), or a failed expectation when it succeeded. */
export async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string; fields: string[] }> {
  try {
    await call;
  } catch (e) {
    if (!(e instanceof HttpException)) throw e;
    const body = e.getResponse() as ApiError;
    return { status: e.getStatus(), code: body.code, fields: (body.details ?? []).map((d) => d.field) };
  }
  throw new Error('expected the call to be refused, it succeeded');
}
