import { Injectable } from '@nestjs/common';
import { ApiHttpException, AuditService, parseIfMatch, readRows, UUID_RE, type PickRow } from '@pt/api/core';
import { FrameworkStore } from '@pt/api/frameworks';
import { checkDepartment, checkPolicy, checkTable, type Finding, type IndicatorHistory, type IndicatorRow } from '@pt/domain';
import type { HistoryEntry, ListTargetsQueryDto, ProjectStatus, Target, TargetPage, RowCommentDto, UserSummary } from '@pt/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { IndicatorEntity } from '../entities/indicator.entity';
import type { ProjectHistoryEntity } from '../entities/project-history.entity';
import { OrgScopeService, orgVisibleSql } from '../org-scope.service';
import { assembleProject, COMMENT_SELECT, fundsOf, PROJECT_COLUMNS, PROJECT_FROM, PROJECT_SELECT, type CommentDbRow, type ProjectRow } from './project-row';
import { kindScopeSql } from './kind-scope';
import { departmentOf, loadTasks, policyOf, targetLabel } from './kind-fields';
import { listProjects } from './target-list';
import { PROJECT_KIND, type TargetKind } from './target-kind';
import { HAS_LAST_YEAR, lastYearOf, loadLastYear } from './indicator-history';
import { loadGoals } from './target-sql';
import { readDetail } from './target-detail';

/**
 * The one store of the target aggregate: the header (with its funds), goals, indicator rows, history and review
 * comments, read with the user's visibility and written under the optimistic lock. Features (declaration, review,
 * evaluation, monitoring, exports) go through it instead of writing their own SQL for these tables.
 */
@Injectable()
export class TargetStore {
  readonly kind: TargetKind = PROJECT_KIND;

  constructor(
    readonly dataSource: DataSource,
    readonly scope: OrgScopeService,
    readonly audit: AuditService,
    readonly frameworks: FrameworkStore,
  ) {}

  // ---------------------------------------------------------------- reads

  /**
   * Who sees a target by id: the condition on `p` with the asker's organisation as `$2` — their organisation's
   * targets and those below it, of the path's kind (kind scope). Null: the asker sees no target at all (the
   * administrators, 三员分立). Every read by id uses it, TargetDocs' stamp check too.
   */
  visibleSql(user: UserSummary): string | null {
    return this.scope.seesProjects(user) ? `${orgVisibleSql('p.org_id', '$2')}${kindScopeSql()}` : null;
  }

  /** The budget years of the targets the user sees, newest first. */
  async years(user: UserSummary): Promise<{ years: number[] }> {
    const orgIds = await this.scope.visibleOrgIds(user);
    const rows = await readRows<{ year: number }>(this.dataSource.manager, `SELECT DISTINCT year FROM ${this.kind.table} p WHERE org_id = ANY($1::uuid[])${kindScopeSql()} ORDER BY year DESC`, [orgIds]);
    return { years: rows.map((r) => r.year) };
  }

  list(user: UserSummary, q: ListTargetsQueryDto): Promise<TargetPage> {
    return listProjects(this.dataSource.manager, this.scope, user, q);
  }

  async get(user: UserSummary, id: string): Promise<Target> {
    const read = await this.getStamped(user, id);
    if (!read) throw this.notFound();
    return read.target;
  }

  /** `get`, with the detail's stamp read in the same snapshot (TargetDocs keeps the answer under it); null: not visible. */
  async getStamped(user: UserSummary, id: string): Promise<{ target: Target; stamp: string } | null> {
    const visible = this.visibleSql(user);
    if (!UUID_RE.test(id) || !visible) return null;
    const m = this.dataSource.manager;
    // the row, its goals and comments in one round trip; last year's rows and a department's tasks only where they exist
    const read = await readDetail(m, this.kind, `p.id = $1 AND ${visible}`, [id, user.orgId]);
    if (!read) return null;
    const { row, goals, comments } = read;
    const [lastYear, tasks] = await Promise.all([
      row.has_last_year ? loadLastYear(m, [id]) : new Map<string, Map<string, IndicatorHistory>>(),
      row.kind === 'department' ? loadTasks(m, [id]) : undefined,
    ]);
    return { target: assembleProject(user, row, goals, comments, tasks?.get(id), lastYear.get(id) ?? new Map()), stamp: read.stamp };
  }

  /**
   * Several projects, as `get` gives each, in the order of `ids` — the rows in one round trip, then their goals,
   * comments, tasks and last year's values side by side (the batch exports). `parts = 'header'`: the rows only (no
   * goals, rows or comments: an export's index). A project that is missing or not visible is a 404, as with `get`.
   */
  async getMany(user: UserSummary, ids: readonly string[], parts: 'whole' | 'header' = 'whole'): Promise<Target[]> {
    if (!ids.length) return [];
    const visible = this.visibleSql(user);
    if (!visible || ids.some((id) => !UUID_RE.test(id))) throw this.notFound();
    const m = this.dataSource.manager;
    const rows: ProjectRow[] = await m.query(`${PROJECT_SELECT} WHERE p.id = ANY($1::uuid[]) AND ${visible}`, [ids, user.orgId]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    if (ids.some((id) => !byId.has(id))) throw this.notFound();
    if (parts === 'header') return ids.map((id) => assembleProject(user, byId.get(id) as ProjectRow, [], []));
    const keys = [...byId.keys()];
    const [goals, comments, tasks, lastYear] = await Promise.all([
      loadGoals(m, keys),
      m.query(`${COMMENT_SELECT}, project_id FROM ${this.kind.commentTable} WHERE project_id = ANY($1::uuid[]) ORDER BY at, id`, [keys]) as Promise<
        (CommentDbRow & { project_id: string })[]
      >,
      loadTasks(m, rows.filter((r) => r.kind === 'department').map((r) => r.id)),
      loadLastYear(m, keys),
    ]);
    return ids.map((id) =>
      assembleProject(
        user,
        byId.get(id) as ProjectRow,
        goals.filter((g) => g.projectId === id),
        comments.filter((c) => c.project_id === id),
        tasks.get(id),
        lastYear.get(id) ?? new Map(),
      ),
    );
  }

  /** The API's project of a row already read (its goals and comments in two more round trips). */
  async toProject(user: UserSummary, r: ProjectRow, m: EntityManager = this.dataSource.manager): Promise<Target> {
    // goals, comments and last year's rows (the contract's `history`) side by side, not one after the other; the
    // last-year query only where the row read says there is such a target (most targets have none: no round trip)
    const [goals, comments, lastYear] = await Promise.all([
      loadGoals(m, [r.id]),
      readRows<CommentDbRow>(m, `${COMMENT_SELECT} FROM ${this.kind.commentTable} WHERE ${this.kind.ownerColumn} = $1 ORDER BY at, id`, [r.id]),
      r.has_last_year === false ? new Map<string, Map<string, IndicatorHistory>>() : loadLastYear(m, [r.id]),
    ]);
    // a department target's 年度主要任务: one more round trip for that kind only
    const tasks = r.kind === 'department' ? (await loadTasks(m, [r.id])).get(r.id) : undefined;
    return assembleProject(user, r, goals, comments, tasks, lastYear.get(r.id) ?? new Map());
  }

  async history(user: UserSummary, id: string): Promise<HistoryEntry[]> {
    await this.findVisible(user, id);
    const rows: (PickRow<ProjectHistoryEntity, 'at' | 'user_name' | 'action' | 'comment' | 'review'> & { from_status: ProjectStatus | null; to_status: ProjectStatus | null })[] =
      await this.dataSource.query(
        `SELECT at, user_name, action, from_status, to_status, comment, review FROM ${this.kind.historyTable} WHERE ${this.kind.ownerColumn} = $1 ORDER BY id`,
        [id],
      );
    return rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      user: r.user_name,
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      comment: r.comment,
      review: r.review,
    }));
  }

  /**
   * The domain's checks of the annual table (and of the other tables of the same unit, for duplicates), with the
   * header checks of the target's kind: a project's plan dates and funds, a department's budget and tasks, a
   * policy's period and funds.
   */
  async findingsOf(row: ProjectRow, m: EntityManager = this.dataSource.manager): Promise<Finding[]> {
    const goals = await loadGoals(m, [row.id]);
    const annual = goals.find((g) => g.kind === 'annual' && g.year === row.year);
    const others: (PickRow<IndicatorEntity, 'level1' | 'level2' | 'target_raw'> & { project_id: string; name: string; iname: string })[] = await m.query(
      `SELECT p.id AS project_id, p.name, i.level1, i.level2, i.name AS iname, i.target_raw
         FROM project p JOIN project_goal g ON g.project_id = p.id AND g.kind = 'annual' AND g.year = p.year
         JOIN indicator i ON i.goal_id = g.id
        WHERE p.org_id = $1 AND p.id <> $2 AND p.year = $3 AND p.name <> $4 ORDER BY p.id, i.position`,
      // 照搬: another target of the unit's same year; last year's same-name target is the same work continued
      // (复制上年 copies it on purpose), and earlier years would make the check grow with the unit's history
      [row.org_id, row.id, row.year, row.name],
    );
    const otherTables = new Map<string, { projectName: string; rows: IndicatorRow[] }>();
    for (const o of others) {
      const t = otherTables.get(o.project_id) ?? { projectName: o.name, rows: [] };
      t.rows.push({ level1: o.level1, level2: o.level2, name: o.iname, target: o.target_raw });
      otherTables.set(o.project_id, t);
    }
    const kindFindings =
      row.kind === 'department'
        ? checkDepartment(departmentOf(row, (await loadTasks(m, [row.id])).get(row.id) ?? []))
        : row.kind === 'policy'
          ? checkPolicy({ year: row.year, ...policyOf(row) })
          : [];
    const isProject = row.kind === 'project';
    const table = checkTable({
      frameworkCode: row.framework_code,
      framework: await this.frameworks.framework(row.framework_code, row.framework_version, m),
      rows: (annual?.indicators ?? []).map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw, core: i.core, weight: i.weight })),
      year: row.year,
      startDate: isProject ? row.start_date : null,
      endDate: isProject ? row.end_date : null,
      funds: isProject ? fundsOf(row) : null,
      otherTables: [...otherTables.values()],
      history: await lastYearOf(m, row.id, annual?.indicators ?? []),
    });
    return [...kindFindings, ...table];
  }

  // ---------------------------------------------------------------- writes

  /**
   * One write: in a transaction, lock the visible target, check If-Match (428/412), run `fn`,
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
      const label = targetLabel(row.kind);
      const expected = parseIfMatch(ifMatch);
      if (expected === undefined) {
        throw new ApiHttpException(428, 'PRECONDITION_REQUIRED', `缺少 If-Match 请求头：请先读取${label}，并在修改时带上它的 ETag（版本号）`);
      }
      if (expected !== row.version) {
        throw new ApiHttpException(412, 'VERSION_CONFLICT', `该${label}已被他人修改（当前版本 ${row.version}，您编辑的是版本 ${expected ?? '?'}），您的修改未保存；请重新加载后再修改`);
      }
      await fn(m, row);
      if (opts.deletes) return;
      // the query runner of this transaction gives the structured result (EntityManager.query does not)
      const qr = m.queryRunner;
      if (!qr) throw new Error('write outside a transaction');
      const res = await qr.query(`UPDATE ${this.kind.table} SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`, [id, row.version], true);
      if (res.affected !== 1) throw new ApiHttpException(412, 'VERSION_CONFLICT', `该${label}已被他人修改，您的修改未保存；请重新加载后再修改`);
    });
  }

  async findVisible(user: UserSummary, id: string, m: EntityManager = this.dataSource.manager, lock = false): Promise<ProjectRow> {
    if (!UUID_RE.test(id)) throw this.notFound();
    if (lock) await m.query(`SELECT 1 FROM ${this.kind.table} WHERE id = $1 FOR UPDATE`, [id]);
    const visible = this.visibleSql(user);
    if (!visible) throw this.notFound();
    // the row, its visibility and whether last year's same-name target exists (the rows' `history`) in one round trip
    const [row] = await readRows<ProjectRow>(
      m,
      `SELECT ${PROJECT_COLUMNS}, ${HAS_LAST_YEAR} ${PROJECT_FROM} WHERE p.id = $1 AND ${visible}`,
      [id, user.orgId],
    );
    if (!row) throw this.notFound();
    return row;
  }

  /** The status of a target (a review's step). */
  async setStatus(m: EntityManager, id: string, status: ProjectStatus): Promise<void> {
    await m.query(`UPDATE ${this.kind.table} SET status = $2 WHERE id = $1`, [id, status]);
  }

  /** The reviewer's comments on single rows, given with the history row of their transition. */
  async insertRowComments(m: EntityManager, target: Pick<ProjectRow, 'id' | 'kind'>, historyId: string, rowComments: readonly RowCommentDto[], user: UserSummary, action: string): Promise<void> {
    if (!rowComments.length) return;
    const { id } = target;
    const label = targetLabel(target.kind);
    const rows: { id: string; name: string }[] = await m.query(`SELECT i.id, i.name FROM indicator i JOIN project_goal g ON g.id = i.goal_id WHERE g.project_id = $1`, [id]);
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    for (const [i, rc] of rowComments.entries()) {
      if (!byId.has(rc.indicatorId)) {
        throw new ApiHttpException(400, 'VALIDATION_FAILED', `第 ${i + 1} 条逐行意见所指的指标不在本${label}中`, [
          { field: `rowComments[${i}].indicatorId`, message: `该指标不在本${label}中` },
        ]);
      }
      await m.query(
        `INSERT INTO ${this.kind.commentTable} (${this.kind.ownerColumn}, history_id, indicator_id, indicator_name, comment, user_id, user_name, action)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, historyId, rc.indicatorId, byId.get(rc.indicatorId), rc.comment.trim(), user.id, user.displayName, action],
      );
    }
  }

  /** (made only when thrown: an exception captures a stack trace) */
  private notFound(): ApiHttpException {
    return new ApiHttpException(404, 'NOT_FOUND', `${targetLabel()}不存在或无权查看`);
  }
}
