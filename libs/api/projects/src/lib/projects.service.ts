import { Injectable } from '@nestjs/common';
import { ApiHttpException, AuditService, containsPattern, parseIfMatch, readRows, UUID_RE } from '@pt/api/core';
import { FrameworkStore } from '@pt/api/frameworks';
import { checkTable, diffFields, diffIndicatorRows, getFramework, nameSimilarity, type Finding, type IndicatorRow, parseTargetValue } from '@pt/domain';
import type {
  CreateProjectDto,
  ProjectDiff,
  ProjectRevision,
  Suggestions,
  LibraryIndicator,
  Funds,
  Goal,
  HistoryEntry,
  IndicatorInputDto,
  ListProjectsQueryDto,
  Project,
  ProjectPage,
  ProjectStatus,
  ProjectSummary,
  TransitionAction,
  TransitionDto,
  UpdateProjectDto,
  UserSummary,
} from '@pt/shared/contracts';
import { TRANSITION_LABELS } from '@pt/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { OrgScopeService, orgVisibleSql } from '@pt/api/targets/data-access';


/** Header columns a PATCH may set: DTO field → column. */
const HEADER_COLUMNS: Record<string, string> = {
  name: 'name',
  nature: 'nature',
  category: 'category',
  startDate: 'start_date',
  endDate: 'end_date',
  governmentPurchase: 'government_purchase',
  performanceType: 'performance_type',
  lastYearBudget: 'last_year_budget',
  lastYearExecuted: 'last_year_executed',
  overview: 'overview',
  basis: 'basis',
  necessity: 'necessity',
  measures: 'measures',
  plan: 'plan',
};

const FUND_COLUMNS: Record<keyof Funds, string> = {
  total: 'fund_total',
  fiscal: 'fund_fiscal',
  other: 'fund_other',
  annualTotal: 'fund_annual_total',
  annualFiscal: 'fund_annual_fiscal',
  carryover: 'fund_carryover',
  annualOther: 'fund_annual_other',
};

/** The project row as selected by `PROJECT_SELECT` (dates as text, money as strings). */
export interface ProjectRow {
  id: string;
  org_id: string;
  org_name: string;
  department_name: string | null;
  year: number;
  name: string;
  framework_code: string;
  /** The framework and scoring settings versions the project was declared under. */
  framework_version: number;
  settings_version: number;
  status: ProjectStatus;
  nature: string | null;
  category: string | null;
  start_date: string | null;
  end_date: string | null;
  government_purchase: boolean | null;
  performance_type: string | null;
  fund_total: string | null;
  fund_fiscal: string | null;
  fund_other: string | null;
  fund_annual_total: string | null;
  fund_annual_fiscal: string | null;
  fund_carryover: string | null;
  fund_annual_other: string | null;
  last_year_budget: string | null;
  last_year_executed: string | null;
  overview: string | null;
  basis: string | null;
  necessity: string | null;
  measures: string | null;
  plan: string | null;
  version: number;
  revision: number;
  created_at: Date;
  updated_at: Date;
}

/** The columns of a project row (see ProjectRow) and the joins they need. */
const PROJECT_COLUMNS = `p.id, p.org_id, o.name AS org_name, d.name AS department_name, p.year, p.name, p.framework_code, p.framework_version, p.settings_version, p.status,
         p.nature, p.category, p.start_date::text AS start_date, p.end_date::text AS end_date,
         p.government_purchase, p.performance_type,
         p.fund_total::text AS fund_total, p.fund_fiscal::text AS fund_fiscal, p.fund_other::text AS fund_other,
         p.fund_annual_total::text AS fund_annual_total, p.fund_annual_fiscal::text AS fund_annual_fiscal,
         p.fund_carryover::text AS fund_carryover, p.fund_annual_other::text AS fund_annual_other,
         p.last_year_budget::text AS last_year_budget, p.last_year_executed::text AS last_year_executed,
         p.overview, p.basis, p.necessity, p.measures, p.plan, p.version, p.revision, p.created_at, p.updated_at`;
const PROJECT_FROM = `FROM project p JOIN org o ON o.id = p.org_id LEFT JOIN org d ON d.id = o.parent_id AND d.kind = 'department'`;
const PROJECT_SELECT = `SELECT ${PROJECT_COLUMNS}
    ${PROJECT_FROM}`;

interface IndicatorDbRow {
  id: string;
  goal_id: string;
  level1: string;
  level2: string;
  name: string;
  target_raw: string;
  core: boolean;
  weight: string | null;
}

const COMMENT_SELECT = `SELECT id, indicator_id, indicator_name, comment, user_name, at, action`;
interface CommentDbRow {
  id: string;
  indicator_id: string | null;
  indicator_name: string | null;
  comment: string;
  user_name: string;
  at: Date;
  action: string;
}

interface GoalDbRow {
  id: string;
  kind: 'overall' | 'annual';
  year: number | null;
  text: string | null;
}

export const EDITABLE_STATUSES: readonly ProjectStatus[] = ['draft', 'returned'];

export function has(user: UserSummary, role: string): boolean {
  return (user.roles as string[]).includes(role);
}

/** What `user` may do with a visible project in `status` (the workflow of domain §6). */
export function allowedActions(user: UserSummary, status: ProjectStatus): TransitionAction[] {
  const out: TransitionAction[] = [];
  if (has(user, 'filler')) {
    if (EDITABLE_STATUSES.includes(status)) out.push('submit');
    if (status === 'submitted') out.push('withdraw');
  }
  if ((has(user, 'dept_reviewer') && status === 'submitted') || (has(user, 'finance_reviewer') && status === 'dept_approved')) {
    out.push('approve', 'return');
  }
  return out;
}

function nullIfBlank(v: string | null | undefined): string | null {
  if (v === undefined || v === null) return null;
  return v.trim() === '' ? null : v;
}

@Injectable()
export class ProjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
    readonly audit: AuditService,
    readonly frameworks: FrameworkStore,
  ) {}

  // ---------------------------------------------------------------- reads

  /** The budget years of the projects the user sees, newest first. */
  async years(user: UserSummary): Promise<{ years: number[] }> {
    const orgIds = await this.scope.visibleOrgIds(user);
    const rows = await readRows<{ year: number }>(this.dataSource.manager, `SELECT DISTINCT year FROM project WHERE org_id = ANY($1::uuid[]) ORDER BY year DESC`, [orgIds]);
    return { years: rows.map((r) => r.year) };
  }

  async list(user: UserSummary, q: ListProjectsQueryDto): Promise<ProjectPage> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const orgIds = await this.scope.visibleOrgIds(user);
    const where: string[] = ['p.org_id = ANY($1::uuid[])'];
    const params: unknown[] = [orgIds];
    const add = (sql: string, v: unknown) => {
      params.push(v);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (q.year !== undefined) add('p.year = ?', q.year);
    // an organisation filter takes the organisations below it too (a department: all its units)
    if (q.orgId !== undefined) add('p.org_id = ANY(?::uuid[])', await this.scope.visibleOrgIds({ ...user, orgId: q.orgId }));
    if (q.status !== undefined) add('p.status = ?', q.status);
    if (q.q !== undefined && q.q.trim() !== '') add(`p.name ILIKE ? ESCAPE '\\'`, containsPattern(q.q.trim()));
    if (q.inbox === 'true') {
      const waiting: string[] = [];
      if (has(user, 'dept_reviewer')) waiting.push('submitted');
      if (has(user, 'finance_reviewer')) waiting.push('dept_approved');
      add('p.status = ANY(?::text[])', waiting);
    }
    // the dashboard's click-through: the saved self-evaluation and the latest monitoring report
    if (q.grade !== undefined) add('e.grade = ?', q.grade);
    if (q.scoreMin !== undefined) add('e.total_score >= ?', q.scoreMin);
    if (q.scoreMax !== undefined) add('e.total_score < ?', q.scoreMax);
    if (q.evaluationStatus !== undefined) add('e.status = ?', q.evaluationStatus);
    if (q.light !== undefined) add(`pm.light = ? AND p.status = 'approved'`, q.light);
    const whereSql = where.join(' AND ');
    // the joins only where a filter needs them: the count of the usual list reads the project rows alone, and the
    // latest light of a page's rows is a subquery run for those rows only (after the sort and the limit)
    const joinE = q.grade !== undefined || q.scoreMin !== undefined || q.scoreMax !== undefined || q.evaluationStatus !== undefined;
    const joinPm = q.light !== undefined;
    const latestLight = `SELECT x.light FROM project_monitoring x WHERE x.project_id = p.id ORDER BY x.month DESC LIMIT 1`;
    const evaluationJoin = 'LEFT JOIN project_evaluation e ON e.project_id = p.id';
    const lightJoin = `LEFT JOIN LATERAL (${latestLight}) pm ON true`;
    const countJoins = `${joinE ? evaluationJoin : ''} ${joinPm ? lightJoin : ''}`;
    const joins = `${evaluationJoin} ${joinPm ? lightJoin : ''}`;
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM project p ${countJoins} WHERE ${whereSql}`, params);
    const rows: (ProjectRow & { indicator_count: number; e_status: ProjectStatus | null; e_total: string | null; e_grade: '优' | '良' | '中' | '差' | null; light: ProjectSummary['light'] })[] =
      await this.dataSource.query(
        `SELECT ${PROJECT_COLUMNS},
                (SELECT count(*)::int FROM indicator i JOIN project_goal g ON g.id = i.goal_id
                  WHERE g.project_id = p.id AND g.kind = 'annual' AND g.year = p.year AND i.name <> '') AS indicator_count,
                e.status AS e_status, e.total_score::text AS e_total, e.grade AS e_grade, ${joinPm ? 'pm.light' : `(${latestLight}) AS light`}
           ${PROJECT_FROM} ${joins}
         WHERE ${whereSql} ORDER BY p.updated_at DESC, p.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      );
    const items: ProjectSummary[] = rows.map((r) => ({
      ...this.summaryOf(r),
      annualTotal: r.fund_annual_total,
      indicatorCount: r.indicator_count,
      evaluation: r.e_status && r.e_total && r.e_grade ? { status: r.e_status, totalScore: r.e_total, grade: r.e_grade } : null,
      light: r.status === 'approved' ? (r.light ?? null) : null,
    }));
    return { items, total, page, pageSize };
  }

  async get(user: UserSummary, id: string): Promise<Project> {
    const row = await this.findVisible(user, id);
    return this.toProject(user, row);
  }

  /**
   * Several projects, as `get` gives each, in the order of `ids` — in three round trips for all of them (the batch
   * exports). A project that is missing or not visible is a 404, as with `get`.
   */
  async getMany(user: UserSummary, ids: readonly string[]): Promise<Project[]> {
    if (!ids.length) return [];
    const notFound = () => new ApiHttpException(404, 'NOT_FOUND', '项目不存在或无权查看');
    if (!this.scope.seesProjects(user) || ids.some((id) => !UUID_RE.test(id))) throw notFound();
    const m = this.dataSource.manager;
    const rows: ProjectRow[] = await m.query(`${PROJECT_SELECT} WHERE p.id = ANY($1::uuid[]) AND ${orgVisibleSql('p.org_id', '$2')}`, [ids, user.orgId]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    if (ids.some((id) => !byId.has(id))) throw notFound();
    const goals = await loadGoals(m, [...byId.keys()]);
    const comments: (CommentDbRow & { project_id: string })[] = await m.query(`${COMMENT_SELECT}, project_id FROM review_comment WHERE project_id = ANY($1::uuid[]) ORDER BY at, id`, [
      [...byId.keys()],
    ]);
    return ids.map((id) =>
      this.assemble(
        user,
        byId.get(id) as ProjectRow,
        goals.filter((g) => g.projectId === id),
        comments.filter((c) => c.project_id === id),
      ),
    );
  }

  async findings(user: UserSummary, id: string): Promise<Finding[]> {
    const row = await this.findVisible(user, id);
    return this.findingsOf(row, this.dataSource.manager);
  }

  async history(user: UserSummary, id: string): Promise<HistoryEntry[]> {
    await this.findVisible(user, id);
    const rows: { at: Date; user_name: string; action: string; from_status: ProjectStatus | null; to_status: ProjectStatus | null; comment: string | null }[] =
      await this.dataSource.query(
        `SELECT at, user_name, action, from_status, to_status, comment FROM project_history WHERE project_id = $1 ORDER BY id`,
        [id],
      );
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      user: r.user_name,
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      comment: r.comment,
    }));
  }

  // ---------------------------------------------------------------- writes

  async create(user: UserSummary, dto: CreateProjectDto): Promise<Project> {
    if (!has(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有填报人可以新建项目');
    const orgIds = await this.scope.visibleOrgIds(user);
    const [org] = await this.dataSource.query(`SELECT id, kind FROM org WHERE id = $1`, [dto.orgId]);
    if (!org || !orgIds.includes(dto.orgId)) {
      throw new ApiHttpException(400, 'VALIDATION_FAILED', '实施单位不存在或不在本单位范围内', [{ field: 'orgId', message: '实施单位不存在或不在本单位范围内' }]);
    }
    this.checkDates(dto);
    const id = await this.dataSource.transaction(async (m) => {
      const pid = await insertProject(m, { ...dto, status: 'draft', createdBy: user.id });
      await writeHistory(m, pid, user, 'create', null, 'draft', null);
      return pid;
    });
    return this.get(user, id);
  }

  async update(user: UserSummary, id: string, ifMatch: string | undefined, dto: UpdateProjectDto): Promise<Project> {
    this.checkDates(dto);
    // a PATCH that changes nothing is no new version: leave write() before its version bump by this throw (nothing was written)
    const NO_CHANGE = new Error('PATCH changed nothing');
    await this.write(user, id, ifMatch, async (m, row) => {
      this.assertEditable(user, row);
      const sets: string[] = [];
      const params: unknown[] = [id];
      const set = (col: string, v: unknown) => {
        params.push(v);
        sets.push(`${col} = $${params.length}`);
      };
      for (const [field, col] of Object.entries(HEADER_COLUMNS)) {
        const v = (dto as Record<string, unknown>)[field];
        if (v === undefined) continue;
        if (field === 'name' && (v === null || String(v).trim() === '')) {
          throw new ApiHttpException(400, 'VALIDATION_FAILED', '请填写项目名称', [{ field: 'name', message: '请填写项目名称' }]);
        }
        set(col, typeof v === 'string' ? nullIfBlank(v) : v);
      }
      if (dto.funds !== undefined) {
        for (const [key, col] of Object.entries(FUND_COLUMNS)) {
          const v = dto.funds === null ? null : (dto.funds as Record<string, string | null | undefined>)[key];
          if (v !== undefined) set(col, nullIfBlank(v));
        }
      }
      // dates may be set one at a time: check the pair as it will be stored
      const start = dto.startDate !== undefined ? dto.startDate : row.start_date;
      const end = dto.endDate !== undefined ? dto.endDate : row.end_date;
      if (start && end && start > end) {
        throw new ApiHttpException(400, 'VALIDATION_FAILED', '计划完成日期不能早于计划开始日期', [{ field: 'endDate', message: '计划完成日期不能早于计划开始日期' }]);
      }
      let changed = false;
      if (sets.length) {
        // the row only where a value differs (PostgreSQL compares: 500000 and 500000.00 are the same amount)
        const differs = sets.map((s) => s.replace(' = ', ' IS DISTINCT FROM ')).join(' OR ');
        const qr = m.queryRunner;
        if (!qr) throw new Error('update outside a transaction');
        const res = await qr.query(`UPDATE project SET ${sets.join(', ')} WHERE id = $1 AND (${differs})`, params, true);
        changed = res.affected === 1;
      }
      const goalTexts: [string | null | undefined, 'overall' | 'annual', number | null][] = [[dto.totalGoal, 'overall', null], [dto.annualGoal, 'annual', row.year]];
      for (const [text, kind, year] of goalTexts) {
        if (text === undefined) continue;
        const [g] = await m.query(`SELECT text FROM project_goal WHERE project_id = $1 AND kind = $2 AND year IS NOT DISTINCT FROM $3`, [id, kind, year]);
        if (g && g.text === nullIfBlank(text)) continue;
        await this.setGoalText(m, id, kind, year, text);
        changed = true;
      }
      if (!changed) throw NO_CHANGE;
    }).catch((e: unknown) => {
      if (e !== NO_CHANGE) throw e;
    });
    return this.get(user, id);
  }

  /** Replace the rows of a goal's table (default: the annual goal of the project's year), in the order sent. */
  async putIndicators(user: UserSummary, id: string, ifMatch: string | undefined, rows: IndicatorInputDto[], goalId?: string): Promise<Project> {
    await this.write(user, id, ifMatch, async (m, row) => {
      this.assertEditable(user, row);
      let gid: string;
      if (goalId) {
        const [g] = await m.query(`SELECT id FROM project_goal WHERE id = $1 AND project_id = $2`, [UUID_RE.test(goalId) ? goalId : null, id]);
        if (!g) throw new ApiHttpException(404, 'NOT_FOUND', '未找到该目标');
        gid = g.id;
      } else {
        gid = await this.setGoalText(m, id, 'annual', row.year, undefined);
      }
      await replaceIndicators(m, gid, rows);
    });
    return this.get(user, id);
  }

  /** Add the annual goal (with an empty table) of another year of a multi-year project. */
  async addGoal(user: UserSummary, id: string, ifMatch: string | undefined, year: number, text: string | null | undefined): Promise<Project> {
    await this.write(user, id, ifMatch, async (m, row) => {
      this.assertEditable(user, row);
      const first = row.start_date ? Number(row.start_date.slice(0, 4)) : row.year;
      const last = row.end_date ? Number(row.end_date.slice(0, 4)) : row.year;
      if (year < Math.min(first, row.year) || year > Math.max(last, row.year)) {
        throw new ApiHttpException(400, 'VALIDATION_FAILED', `年度须在项目实施期内（${Math.min(first, row.year)}–${Math.max(last, row.year)} 年）`, [
          { field: 'year', message: '年度不在项目实施期内' },
        ]);
      }
      const [exists] = await m.query(`SELECT 1 FROM project_goal WHERE project_id = $1 AND kind = 'annual' AND year = $2`, [id, year]);
      if (exists) throw new ApiHttpException(409, 'DUPLICATE', `${year} 年的年度目标已存在`);
      await this.setGoalText(m, id, 'annual', year, text ?? null);
    });
    return this.get(user, id);
  }

  async remove(user: UserSummary, id: string, ifMatch: string | undefined): Promise<void> {
    await this.write(user, id, ifMatch, async (m, row) => {
      if (!has(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有填报人可以删除项目');
      if (row.status !== 'draft') throw new ApiHttpException(409, 'INVALID_TRANSITION', `项目处于「${statusLabel(row.status)}」状态，只有草稿可以删除`);
      await m.query(`DELETE FROM project WHERE id = $1`, [id]);
    }, { deletes: true });
  }

  async transition(user: UserSummary, id: string, ifMatch: string | undefined, dto: TransitionDto): Promise<Project> {
    await this.write(user, id, ifMatch, async (m, row) => {
      const from = row.status;
      const action = dto.action;
      const comment = dto.comment?.trim() || null;
      const roleOk =
        action === 'submit' || action === 'withdraw' ? has(user, 'filler') : has(user, 'dept_reviewer') || has(user, 'finance_reviewer');
      if (!roleOk) {
        throw new ApiHttpException(403, 'FORBIDDEN', action === 'submit' || action === 'withdraw' ? '只有填报人可以提交或撤回' : '只有审核人可以审核通过或退回');
      }
      if (!allowedActions(user, from).includes(action)) {
        throw new ApiHttpException(409, 'INVALID_TRANSITION', `项目处于「${statusLabel(from)}」状态，不能${ACTION_LABEL[action]}`);
      }
      if (action === 'return' && !comment) {
        throw new ApiHttpException(400, 'VALIDATION_FAILED', '退回须填写理由', [{ field: 'comment', message: '退回须填写理由' }]);
      }
      if (dto.rowComments?.length && (action === 'submit' || action === 'withdraw')) {
        throw new ApiHttpException(400, 'VALIDATION_FAILED', '逐行意见只能由审核人给出', [{ field: 'rowComments', message: '逐行意见只能由审核人给出' }]);
      }
      if (action === 'submit') {
        const findings = await this.findingsOf(row, m);
        const errors = findings.filter((f) => f.severity === 'error');
        if (errors.length) {
          throw new ApiHttpException(422, 'FINDINGS_BLOCK_SUBMIT', `指标表有 ${errors.length} 处错误，修改后才能提交`, errors.map((f) => ({
            field: f.indicatorIndex === null ? 'indicators' : `indicators[${f.indicatorIndex}]`,
            code: f.code,
            message: f.message,
          })));
        }
      }
      const to = nextStatus(from, action);
      await m.query(`UPDATE project SET status = $2 WHERE id = $1`, [id, to]);
      const historyId = await writeHistory(m, id, user, action, from, to, comment);
      // the audit row is part of the transition: both or neither
      await this.audit.record({ event: `project.${action}`, result: 'ok', objectType: 'project', objectId: id, details: { from, to } }, m);
      if (dto.rowComments?.length) {
        const rows: { id: string; name: string }[] = await m.query(
          `SELECT i.id, i.name FROM indicator i JOIN project_goal g ON g.id = i.goal_id WHERE g.project_id = $1`,
          [id],
        );
        const byId = new Map(rows.map((r) => [r.id, r.name]));
        for (const [i, rc] of dto.rowComments.entries()) {
          if (!byId.has(rc.indicatorId)) {
            throw new ApiHttpException(400, 'VALIDATION_FAILED', `第 ${i + 1} 条逐行意见所指的指标不在本项目中`, [
              { field: `rowComments[${i}].indicatorId`, message: '该指标不在本项目中' },
            ]);
          }
          await m.query(
            `INSERT INTO review_comment (project_id, history_id, indicator_id, indicator_name, comment, user_id, user_name, action)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [id, historyId, rc.indicatorId, byId.get(rc.indicatorId), rc.comment.trim(), user.id, user.displayName, action],
          );
        }
      }
    });
    return this.get(user, id);
  }

  // ---------------------------------------------------------------- adjustments (调整) and revisions

  /** Start a new revision of an approved project; the approved one stays on record as a snapshot. */
  async adjust(user: UserSummary, id: string, ifMatch: string | undefined, reason: string): Promise<Project> {
    await this.write(user, id, ifMatch, async (m, row) => {
      if (!has(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有项目所属单位的填报人可以发起调整');
      if (row.status !== 'approved') {
        throw new ApiHttpException(409, 'INVALID_TRANSITION', `项目处于「${statusLabel(row.status)}」状态，只有已批复的项目可以调整`);
      }
      const snapshot = await this.toProject(user, row, m);
      const [approved] = await m.query(
        `SELECT max(at) AS at FROM project_history WHERE project_id = $1 AND action = 'approve' AND to_status = 'approved'`,
        [id],
      );
      const { permissions: _drop, ...kept } = snapshot;
      void _drop;
      await m.query(
        `INSERT INTO project_revision (project_id, revision, snapshot, reason, approved_at, created_by) VALUES ($1, $2, $3::jsonb, $4, $5, $6)`,
        [id, row.revision, JSON.stringify(kept), reason.trim(), approved?.at ?? null, user.id],
      );
      await m.query(`UPDATE project SET revision = revision + 1, status = 'draft' WHERE id = $1`, [id]);
      await writeHistory(m, id, user, 'adjust', 'approved', 'draft', `调整（第 ${row.revision + 1} 版）：${reason.trim()}`);
    });
    return this.get(user, id);
  }

  async revisions(user: UserSummary, id: string): Promise<ProjectRevision[]> {
    const row = await this.findVisible(user, id);
    const rows: { revision: number; approved_at: Date | null; reason: string | null; created_at: Date }[] = await this.dataSource.query(
      `SELECT revision, approved_at, reason, created_at FROM project_revision WHERE project_id = $1 ORDER BY revision`,
      [id],
    );
    const [approved] = await this.dataSource.query(
      `SELECT max(at) AS at FROM project_history WHERE project_id = $1 AND action = 'approve' AND to_status = 'approved'`,
      [id],
    );
    const out: ProjectRevision[] = rows.map((r) => ({
      revision: r.revision,
      approvedAt: r.approved_at ? new Date(r.approved_at).toISOString() : null,
      reason: r.reason,
      createdAt: new Date(r.created_at).toISOString(),
      current: false,
    }));
    const lastReason = rows.length ? rows[rows.length - 1].reason : null;
    out.push({
      revision: row.revision,
      approvedAt: row.status === 'approved' && approved?.at ? new Date(approved.at).toISOString() : null,
      reason: lastReason,
      createdAt: new Date(row.created_at).toISOString(),
      current: true,
    });
    return out;
  }

  /** A revision as it was (the current one is the project itself). */
  async revision(user: UserSummary, id: string, rev: number): Promise<Project> {
    const row = await this.findVisible(user, id);
    if (rev === row.revision) return this.toProject(user, row);
    const [r] = await this.dataSource.query(`SELECT snapshot FROM project_revision WHERE project_id = $1 AND revision = $2`, [id, rev]);
    if (!r) throw new ApiHttpException(404, 'NOT_FOUND', `该项目没有第 ${rev} 版`);
    return { ...(r.snapshot as Project), permissions: { edit: false, actions: [] } };
  }

  async diff(user: UserSummary, id: string, from: number, to?: number): Promise<ProjectDiff> {
    const current = await this.get(user, id);
    const target = to ?? current.revision;
    const a = await this.revision(user, id, from);
    const b = target === current.revision ? current : await this.revision(user, id, target);
    const flat = (p: Project): Record<string, unknown> => ({ ...p, ...Object.fromEntries(Object.entries(p.funds).map(([k, v]) => [`funds.${k}`, v])) });
    const rowsOf = (p: Project, kind: 'overall' | 'annual') =>
      (p.goals.find((g) => g.kind === kind && (kind === 'overall' || g.year === p.year))?.indicators ?? []).map((i) => ({
        id: i.id,
        level1: i.level1,
        level2: i.level2,
        name: i.name,
        target: i.target.raw,
        core: i.core,
        weight: i.weight,
      }));
    return {
      from,
      to: target,
      fields: diffFields(flat(a), flat(b), DIFF_LABELS),
      annualRows: diffIndicatorRows(rowsOf(a, 'annual'), rowsOf(b, 'annual')),
      overallRows: diffIndicatorRows(rowsOf(a, 'overall'), rowsOf(b, 'overall')),
    };
  }

  // ---------------------------------------------------------------- suggestions and copying

  async suggestions(user: UserSummary, id: string): Promise<Suggestions> {
    const row = await this.findVisible(user, id);
    const project = await this.toProject(user, row);
    const covered = new Set(project.indicators.map((i) => `${i.level1}|${i.level2}`));
    const usedNames = new Set(project.indicators.map((i) => i.name));
    const lib: { id: string; framework_code: string; level1: string; level2: string; name: string; target: string | null; source: string | null; usage_count: number; version: number }[] =
      await this.dataSource.query(
        `SELECT id, framework_code, level1, level2, name, target, source, usage_count, version FROM indicator_library WHERE framework_code = $1`,
        [row.framework_code],
      );
    const library: LibraryIndicator[] = lib
      .filter((l) => !usedNames.has(l.name))
      .sort((x, y) => Number(covered.has(`${x.level1}|${x.level2}`)) - Number(covered.has(`${y.level1}|${y.level2}`)) || y.usage_count - x.usage_count || nameSimilarity(row.name, y.name) - nameSimilarity(row.name, x.name))
      .slice(0, 30)
      .map((l) => ({ id: l.id, frameworkCode: l.framework_code, level1: l.level1, level2: l.level2, name: l.name, target: l.target, source: l.source, usageCount: l.usage_count, version: l.version }));
    const orgIds = await this.scope.visibleOrgIds(user);
    const others: { id: string; name: string; year: number; org_name: string; org_id: string }[] = await this.dataSource.query(
      `SELECT p.id, p.name, p.year, o.name AS org_name, p.org_id FROM project p JOIN org o ON o.id = p.org_id
        WHERE p.org_id = ANY($1::uuid[]) AND p.id <> $2 AND p.framework_code = $3`,
      [orgIds, id, row.framework_code],
    );
    const similar = others
      .map((o) => ({ ...o, similarity: nameSimilarity(row.name, o.name) }))
      .filter((o) => o.similarity >= 0.3)
      .sort((x, y) => y.similarity - x.similarity || y.year - x.year)
      .slice(0, 5);
    const goals = similar.length ? await loadGoals(this.dataSource.manager, similar.map((s) => s.id)) : [];
    const lastYear = others
      .filter((o) => o.org_id === row.org_id && o.year === row.year - 1 && o.name.trim() === row.name.trim())
      .map((o) => ({ id: o.id, name: o.name, year: o.year }))[0];
    let lastYearCount = 0;
    if (lastYear) {
      const [c] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM indicator i JOIN project_goal g ON g.id = i.goal_id WHERE g.project_id = $1 AND g.kind = 'annual' AND g.year = $2`,
        [lastYear.id, lastYear.year],
      );
      lastYearCount = c.n;
    }
    return {
      library,
      similarProjects: similar.map((s) => ({
        id: s.id,
        name: s.name,
        year: s.year,
        orgName: s.org_name,
        similarity: Math.round(s.similarity * 100) / 100,
        indicators: (goals.find((g) => g.projectId === s.id && g.kind === 'annual' && g.year === s.year)?.indicators ?? []).map((i) => ({
          level1: i.level1,
          level2: i.level2,
          name: i.name,
          target: i.target.raw,
        })),
      })),
      lastYear: lastYear ? { ...lastYear, indicatorCount: lastYearCount } : null,
    };
  }

  /** Copy the annual table of last year's same-name project of the same unit into this project's annual table. */
  async copyLastYear(user: UserSummary, id: string, ifMatch: string | undefined): Promise<Project> {
    await this.write(user, id, ifMatch, async (m, row) => {
      this.assertEditable(user, row);
      const [src] = await m.query(
        `SELECT p.id, p.year FROM project p WHERE p.org_id = $1 AND p.year = $2 AND btrim(p.name) = btrim($3) AND p.id <> $4
          ORDER BY (p.status = 'approved') DESC, p.updated_at DESC LIMIT 1`,
        [row.org_id, row.year - 1, row.name, id],
      );
      if (!src) throw new ApiHttpException(422, 'NO_LAST_YEAR_PROJECT', `本单位没有 ${row.year - 1} 年的同名项目「${row.name}」，无法复制上年指标`);
      const rows: IndicatorDbRow[] = await m.query(
        `SELECT i.id, i.goal_id, i.level1, i.level2, i.name, i.target_raw, i.core, i.weight::text AS weight
           FROM indicator i JOIN project_goal g ON g.id = i.goal_id WHERE g.project_id = $1 AND g.kind = 'annual' AND g.year = $2 ORDER BY i.position`,
        [src.id, src.year],
      );
      const gid = await this.setGoalText(m, id, 'annual', row.year, undefined);
      await replaceIndicators(m, gid, rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target_raw, core: r.core, weight: r.weight })));
    });
    return this.get(user, id);
  }

  // ---------------------------------------------------------------- internals

  /**
   * One write: in a transaction, lock the visible project, check If-Match (428/412), run `fn`,
   * then bump the version with a conditional UPDATE (never `save()`, which ignores the version).
   */
  async write(
    user: UserSummary,
    id: string,
    ifMatch: string | undefined,
    fn: (m: EntityManager, row: ProjectRow) => Promise<void>,
    opts: { deletes?: boolean } = {},
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const row = await this.findVisible(user, id, m, true);
      const expected = parseIfMatch(ifMatch);
      if (expected === undefined) {
        throw new ApiHttpException(428, 'PRECONDITION_REQUIRED', '缺少 If-Match 请求头：请先读取项目，并在修改时带上它的 ETag（版本号）');
      }
      if (expected !== row.version) {
        throw new ApiHttpException(412, 'VERSION_CONFLICT', `该项目已被他人修改（当前版本 ${row.version}，您编辑的是版本 ${expected ?? '?'}），您的修改未保存；请重新加载后再修改`);
      }
      await fn(m, row);
      if (opts.deletes) return;
      // the query runner of this transaction gives the structured result (EntityManager.query does not)
      const qr = m.queryRunner;
      if (!qr) throw new Error('write outside a transaction');
      const res = await qr.query(`UPDATE project SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`, [id, row.version], true);
      if (res.affected !== 1) throw new ApiHttpException(412, 'VERSION_CONFLICT', '该项目已被他人修改，您的修改未保存；请重新加载后再修改');
    });
  }

  async findVisible(user: UserSummary, id: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<ProjectRow> {
    // (made only when thrown: an exception captures a stack trace)
    const notFound = () => new ApiHttpException(404, 'NOT_FOUND', '项目不存在或无权查看');
    if (!UUID_RE.test(id)) throw notFound();
    if (lock) await m.query(`SELECT 1 FROM project WHERE id = $1 FOR UPDATE`, [id]);
    if (!this.scope.seesProjects(user)) throw notFound();
    // the row and its visibility in one round trip
    const [row] = await readRows<ProjectRow>(m, `${PROJECT_SELECT} WHERE p.id = $1 AND ${orgVisibleSql('p.org_id', '$2')}`, [id, user.orgId]);
    if (!row) throw notFound();
    return row;
  }

  private assertEditable(user: UserSummary, row: ProjectRow): void {
    if (!has(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有项目所属单位的填报人可以修改');
    if (!EDITABLE_STATUSES.includes(row.status)) {
      throw new ApiHttpException(409, 'NOT_EDITABLE', `项目处于「${statusLabel(row.status)}」状态，不能修改（只有草稿或已退回的项目可以修改）`);
    }
  }

  private checkDates(dto: { startDate?: string | null; endDate?: string | null }): void {
    for (const field of ['startDate', 'endDate'] as const) {
      const v = dto[field];
      if (!v) continue;
      const d = new Date(`${v}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
        const label = field === 'startDate' ? '计划开始日期' : '计划完成日期';
        throw new ApiHttpException(400, 'VALIDATION_FAILED', `${label}不是有效日期`, [{ field, message: `${label}不是有效日期` }]);
      }
    }
    if (dto.startDate && dto.endDate && dto.startDate > dto.endDate) {
      throw new ApiHttpException(400, 'VALIDATION_FAILED', '计划完成日期不能早于计划开始日期', [{ field: 'endDate', message: '计划完成日期不能早于计划开始日期' }]);
    }
  }

  /** Set a goal's text (creating the goal when missing); `undefined` leaves the text. Returns the goal id. */
  private async setGoalText(m: EntityManager, projectId: string, kind: 'overall' | 'annual', year: number | null, text: string | null | undefined): Promise<string> {
    const [g] = await m.query(
      `SELECT id FROM project_goal WHERE project_id = $1 AND kind = $2 AND year IS NOT DISTINCT FROM $3`,
      [projectId, kind, year],
    );
    if (g) {
      if (text !== undefined) await m.query(`UPDATE project_goal SET text = $2 WHERE id = $1`, [g.id, nullIfBlank(text)]);
      return g.id;
    }
    const [n] = await m.query(`INSERT INTO project_goal (project_id, kind, year, text) VALUES ($1, $2, $3, $4) RETURNING id`, [
      projectId,
      kind,
      year,
      nullIfBlank(text ?? null),
    ]);
    return n.id;
  }

  private async findingsOf(row: ProjectRow, m: EntityManager): Promise<Finding[]> {
    const goals = await loadGoals(m, [row.id]);
    const annual = goals.find((g) => g.kind === 'annual' && g.year === row.year);
    const others: { name: string; level1: string; level2: string; iname: string; target_raw: string; project_id: string }[] = await m.query(
      `SELECT p.id AS project_id, p.name, i.level1, i.level2, i.name AS iname, i.target_raw
         FROM project p JOIN project_goal g ON g.project_id = p.id AND g.kind = 'annual' AND g.year = p.year
         JOIN indicator i ON i.goal_id = g.id
        WHERE p.org_id = $1 AND p.id <> $2 ORDER BY p.id, i.position`,
      [row.org_id, row.id],
    );
    const otherTables = new Map<string, { projectName: string; rows: IndicatorRow[] }>();
    for (const o of others) {
      const t = otherTables.get(o.project_id) ?? { projectName: o.name, rows: [] };
      t.rows.push({ level1: o.level1, level2: o.level2, name: o.iname, target: o.target_raw });
      otherTables.set(o.project_id, t);
    }
    return checkTable({
      frameworkCode: row.framework_code,
      framework: await this.frameworks.framework(row.framework_code, row.framework_version, m),
      rows: (annual?.indicators ?? []).map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw, core: i.core, weight: i.weight })),
      year: row.year,
      startDate: row.start_date,
      endDate: row.end_date,
      funds: fundsOf(row),
      otherTables: [...otherTables.values()],
    });
  }

  private summaryOf(r: ProjectRow): Omit<ProjectSummary, 'annualTotal' | 'indicatorCount' | 'evaluation' | 'light'> {
    return {
      id: r.id,
      year: r.year,
      name: r.name,
      orgId: r.org_id,
      orgName: r.org_name,
      departmentName: r.department_name,
      frameworkCode: r.framework_code,
      status: r.status,
      version: r.version,
      revision: r.revision,
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  }

  private async toProject(user: UserSummary, r: ProjectRow, m: EntityManager = this.dataSource.manager): Promise<Project> {
    const goals = await loadGoals(m, [r.id]);
    const comments = await readRows<CommentDbRow>(m, `${COMMENT_SELECT} FROM review_comment WHERE project_id = $1 ORDER BY at, id`, [r.id]);
    return this.assemble(user, r, goals, comments);
  }

  /** The API's project from its row, its goals (with their rows) and its review comments. */
  private assemble(user: UserSummary, r: ProjectRow, goals: (Goal & { projectId: string })[], comments: CommentDbRow[]): Project {
    const overall = goals.find((g) => g.kind === 'overall');
    const annual = goals.find((g) => g.kind === 'annual' && g.year === r.year);
    const actions = allowedActions(user, r.status);
    return {
      ...this.summaryOf(r),
      nature: r.nature,
      category: r.category,
      startDate: r.start_date,
      endDate: r.end_date,
      governmentPurchase: r.government_purchase,
      performanceType: r.performance_type,
      funds: fundsOf(r),
      lastYearBudget: r.last_year_budget,
      lastYearExecuted: r.last_year_executed,
      overview: r.overview,
      basis: r.basis,
      necessity: r.necessity,
      measures: r.measures,
      plan: r.plan,
      totalGoal: overall?.text ?? null,
      annualGoal: annual?.text ?? null,
      createdAt: new Date(r.created_at).toISOString(),
      frameworkVersion: r.framework_version,
      settingsVersion: r.settings_version,
      indicators: annual?.indicators ?? [],
      goals,
      reviewComments: comments.map((c) => ({
        id: c.id,
        indicatorId: c.indicator_id,
        indicatorName: c.indicator_name,
        comment: c.comment,
        user: c.user_name,
        at: new Date(c.at).toISOString(),
        action: c.action,
      })),
      permissions: { edit: has(user, 'filler') && EDITABLE_STATUSES.includes(r.status), actions },
    };
  }
}

/** Labels of the header fields compared between revisions. */
export const DIFF_LABELS: Record<string, string> = {
  name: '项目名称',
  nature: '项目性质',
  category: '项目类别',
  startDate: '计划开始日期',
  endDate: '计划完成日期',
  governmentPurchase: '是否含有政府购买服务',
  performanceType: '绩效类型',
  'funds.total': '项目资金总额',
  'funds.fiscal': '财政资金',
  'funds.other': '其他资金',
  'funds.annualTotal': '年度资金申请总额',
  'funds.annualFiscal': '当年财政拨款',
  'funds.carryover': '上年结转资金',
  'funds.annualOther': '年度其他资金',
  lastYearBudget: '同名项目上年预算额',
  lastYearExecuted: '同名项目上年预算执行数',
  overview: '项目概况',
  basis: '立项依据',
  necessity: '项目设立的必要性',
  measures: '保证项目实施的制度、措施',
  plan: '项目实施计划',
  totalGoal: '项目总目标',
  annualGoal: '年度总体目标',
};

/** The Chinese name of an action (the contract's labels). */
export const ACTION_LABEL: Record<TransitionAction, string> = TRANSITION_LABELS;

/** The state after an allowed action (domain §6): the targets and the self-evaluation go the same way. */
export function nextStatus(from: ProjectStatus, action: TransitionAction): ProjectStatus {
  if (action === 'submit') return 'submitted';
  if (action === 'withdraw') return 'draft';
  if (action === 'return') return 'returned';
  return from === 'submitted' ? 'dept_approved' : 'approved';
}
const STATUS_LABEL: Record<ProjectStatus, string> = { draft: '草稿', submitted: '已提交', dept_approved: '部门已审', approved: '已批复', returned: '已退回' };
export function statusLabel(s: ProjectStatus): string {
  return STATUS_LABEL[s] ?? s;
}

export function fundsOf(r: Pick<ProjectRow, 'fund_total' | 'fund_fiscal' | 'fund_other' | 'fund_annual_total' | 'fund_annual_fiscal' | 'fund_carryover' | 'fund_annual_other'>): Funds {
  return {
    total: r.fund_total,
    fiscal: r.fund_fiscal,
    other: r.fund_other,
    annualTotal: r.fund_annual_total,
    annualFiscal: r.fund_annual_fiscal,
    carryover: r.fund_carryover,
    annualOther: r.fund_annual_other,
  };
}

export async function loadGoals(m: EntityManager, projectIds: string[]): Promise<(Goal & { projectId: string })[]> {
  // goals and their rows in one round trip (a goal without rows comes once, with i_id null)
  const rows = await readRows<GoalDbRow & { project_id: string; i_id: string | null; level1: string; level2: string; name: string; target_raw: string; core: boolean; weight: string | null }>(
    m,
      `SELECT g.id, g.project_id, g.kind, g.year, g.text,
              i.id AS i_id, i.level1, i.level2, i.name, i.target_raw, i.core, i.weight::text AS weight
         FROM project_goal g LEFT JOIN indicator i ON i.goal_id = g.id
        WHERE g.project_id = ANY($1::uuid[])
        ORDER BY g.project_id, g.kind DESC, g.year, g.id, i.position`,
      [projectIds],
    );
  const goals: (Goal & { projectId: string })[] = [];
  for (const r of rows) {
    let g = goals[goals.length - 1];
    if (!g || g.id !== r.id) {
      g = { id: r.id, projectId: r.project_id, kind: r.kind, year: r.year, text: r.text, indicators: [] };
      goals.push(g);
    }
    if (r.i_id !== null) {
      g.indicators.push({ id: r.i_id, level1: r.level1, level2: r.level2, name: r.name, core: r.core, weight: r.weight, target: parseTargetValue(r.target_raw) });
    }
  }
  return goals;
}

/** Insert a project with its two goals (used by create and by the demo data). Returns its id. */
export async function insertProject(
  m: EntityManager,
  p: CreateProjectDto & { status: ProjectStatus; createdBy: string | null },
): Promise<string> {
  if (!getFramework(p.frameworkCode)) throw new ApiHttpException(400, 'VALIDATION_FAILED', '未知的指标体系', [{ field: 'frameworkCode', message: '未知的指标体系' }]);
  const cols = ['org_id', 'year', 'name', 'framework_code', 'status', 'created_by'];
  const vals: unknown[] = [p.orgId, p.year, p.name.trim(), p.frameworkCode, p.status, p.createdBy];
  for (const [field, col] of Object.entries(HEADER_COLUMNS)) {
    if (field === 'name') continue;
    const v = (p as unknown as Record<string, unknown>)[field];
    if (v === undefined) continue;
    cols.push(col);
    vals.push(typeof v === 'string' ? nullIfBlank(v) : v);
  }
  for (const [key, col] of Object.entries(FUND_COLUMNS)) {
    const v = p.funds ? (p.funds as Record<string, string | null | undefined>)[key] : undefined;
    if (v === undefined) continue;
    cols.push(col);
    vals.push(nullIfBlank(v));
  }
  // declared under the latest framework and settings versions (an administrator's edit applies to new projects only)
  const [row] = await m.query(
    `INSERT INTO project (${cols.join(', ')}, framework_version, settings_version)
     VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')},
             (SELECT max(version) FROM framework_version WHERE code = $${cols.length + 1}), (SELECT max(version) FROM scoring_settings_version))
     RETURNING id`,
    [...vals, p.frameworkCode],
  );
  await m.query(`INSERT INTO project_goal (project_id, kind, year, text) VALUES ($1, 'overall', NULL, $2), ($1, 'annual', $3, $4)`, [
    row.id,
    nullIfBlank(p.totalGoal ?? null),
    p.year,
    nullIfBlank(p.annualGoal ?? null),
  ]);
  return row.id;
}

/** Replace a goal's rows, keeping the ids the client sent back for rows of this goal. */
export async function replaceIndicators(m: EntityManager, goalId: string, rows: Pick<IndicatorInputDto, 'id' | 'level1' | 'level2' | 'name' | 'target' | 'core' | 'weight'>[]): Promise<void> {
  const existing: { id: string }[] = await m.query(`SELECT id FROM indicator WHERE goal_id = $1`, [goalId]);
  const keep = new Set(existing.map((e) => e.id));
  await m.query(`DELETE FROM indicator WHERE goal_id = $1`, [goalId]);
  if (!rows.length) return;
  const used = new Set<string>();
  const ids = rows.map((r) => {
    const id = r.id && keep.has(r.id) && !used.has(r.id) ? r.id : null;
    if (id) used.add(id);
    return id;
  });
  // every row in one statement (one round trip for the whole table), in the order sent
  await m.query(
    `INSERT INTO indicator (id, goal_id, position, level1, level2, name, target_raw, core, weight)
     SELECT COALESCE(r.id, gen_random_uuid()), $1, r.pos, r.level1, r.level2, r.name, r.target, r.core, r.weight
       FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::numeric[])
            AS r(id, pos, level1, level2, name, target, core, weight)`,
    [
      goalId,
      ids,
      rows.map((_, pos) => pos),
      rows.map((r) => r.level1.trim()),
      rows.map((r) => r.level2.trim()),
      rows.map((r) => r.name.trim()),
      rows.map((r) => r.target.trim()),
      rows.map((r) => r.core ?? false),
      rows.map((r) => r.weight ?? null),
    ],
  );
}

export async function writeHistory(
  m: EntityManager,
  projectId: string,
  user: Pick<UserSummary, 'id' | 'displayName'>,
  action: string,
  from: ProjectStatus | null,
  to: ProjectStatus | null,
  comment: string | null,
): Promise<string> {
  const [h] = await m.query(
    `INSERT INTO project_history (project_id, user_id, user_name, action, from_status, to_status, comment) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [projectId, user.id, user.displayName, action, from, to, comment],
  );
  return String(h.id);
}
