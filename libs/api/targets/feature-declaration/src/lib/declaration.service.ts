import { Injectable } from '@nestjs/common';
import { ApiHttpException, isUniqueViolation } from '@pt/api/core';
import {
  assertDateOrder,
  goalOf,
  kindColumnValues,
  replaceTasks,
  targetLabel,
  hasAnnualGoal,
  insertProject,
  lastApprovedAt,
  lastYearAnnualRows,
  listRevisions,
  replaceIndicators,
  revisionSnapshot,
  setGoalText,
  startRevision,
  TargetStore,
  updateHeader,
  writeHistory,
  requireApproved,
  type ProjectRow,
} from '@pt/api/targets/data-access';
import { diffFields, diffIndicatorRows, hasRole, isEditable, PROJECT_FIELD_LABELS, statusLabel, type Finding } from '@pt/domain';
import type {
  CreateTargetDto,
  HistoryEntry,
  IndicatorInputDto,
  ListTargetsQueryDto,
  Project,
  ProjectDiff,
  ProjectRevision,
  Target,
  TargetPage,
  UpdateTargetDto,
  UserSummary,
} from '@pt/shared/contracts';
import { diffLabels, flatten } from './kind-diff';

/** 申报: a target's header, goals and tables as the filler writes them, its revisions (调整) and their differences. */
@Injectable()
export class DeclarationService {
  constructor(readonly store: TargetStore) {}

  // ---------------------------------------------------------------- reads

  years(user: UserSummary): Promise<{ years: number[] }> {
    return this.store.years(user);
  }

  list(user: UserSummary, q: ListTargetsQueryDto): Promise<TargetPage> {
    return this.store.list(user, q);
  }

  get(user: UserSummary, id: string): Promise<Target> {
    return this.store.get(user, id);
  }

  async findings(user: UserSummary, id: string): Promise<Finding[]> {
    const row = await this.store.findVisible(user, id);
    return this.store.findingsOf(row);
  }

  history(user: UserSummary, id: string): Promise<HistoryEntry[]> {
    return this.store.history(user, id);
  }

  // ---------------------------------------------------------------- writes

  /**
   * A new target of any kind (draft). A department target is named after its organisation unless named, and is
   * one per organisation and year (409, by the partial unique index when two race).
   */
  async create(user: UserSummary, dto: CreateTargetDto): Promise<Target> {
    if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', `只有填报人可以新建${targetLabel(dto.kind)}`);
    const orgIds = await this.store.scope.visibleOrgIds(user);
    const [org]: { id: string; name: string }[] = await this.store.dataSource.query(`SELECT id, name FROM org WHERE id = $1`, [dto.orgId]);
    if (!org || !orgIds.includes(dto.orgId)) {
      throw new ApiHttpException(400, 'VALIDATION_FAILED', '实施单位不存在或不在本单位范围内', [{ field: 'orgId', message: '实施单位不存在或不在本单位范围内' }]);
    }
    const name = dto.name?.trim() || (dto.kind === 'department' ? org.name : '');
    if (!name) {
      const message = `请填写${dto.kind === 'policy' ? '政策' : '项目'}名称`;
      throw new ApiHttpException(400, 'VALIDATION_FAILED', message, [{ field: 'name', message }]);
    }
    this.checkDates(dto);
    const kindColumns = kindColumnValues(dto.kind, dto);
    const duplicate = () => new ApiHttpException(409, 'DUPLICATE', `「${org.name}」${dto.year} 年的部门（单位）整体绩效目标已存在，每个单位每年只有一个`);
    if (dto.kind === 'department') {
      const [exists] = await this.store.dataSource.query(`SELECT 1 FROM project WHERE kind = 'department' AND org_id = $1 AND year = $2`, [dto.orgId, dto.year]);
      if (exists) throw duplicate();
    }
    const id = await this.store.dataSource
      .transaction(async (m) => {
        const pid = await insertProject(m, { ...dto, name, kind: dto.kind, kindColumns, status: 'draft', createdBy: user.id });
        if (dto.kind === 'department' && dto.department?.tasks?.length) await replaceTasks(m, pid, dto.department.tasks);
        await writeHistory(m, pid, user, 'create', null, 'draft', null);
        return pid;
      })
      .catch((e: unknown) => {
        throw dto.kind === 'department' && isUniqueViolation(e) ? duplicate() : e;
      });
    return this.get(user, id);
  }

  async update(user: UserSummary, id: string, ifMatch: string | undefined, dto: UpdateTargetDto): Promise<Target> {
    this.checkDates(dto);
    // a PATCH that changes nothing is no new version: leave write() before its version bump by this throw (nothing was written)
    const NO_CHANGE = new Error('PATCH changed nothing');
    await this.store
      .write(user, id, ifMatch, async (m, row) => {
        this.assertEditable(user, row);
        if (!(await updateHeader(m, row, dto))) throw NO_CHANGE;
      })
      .catch((e: unknown) => {
        if (e !== NO_CHANGE) throw e;
      });
    return this.get(user, id);
  }

  /** Replace the rows of a goal's table (default: the annual goal of the project's year), in the order sent. */
  async putIndicators(user: UserSummary, id: string, ifMatch: string | undefined, rows: IndicatorInputDto[], goalId?: string): Promise<Project> {
    await this.store.write(user, id, ifMatch, async (m, row) => {
      this.assertEditable(user, row);
      const gid = goalId ? await goalOf(m, id, goalId) : await setGoalText(m, id, 'annual', row.year, undefined);
      await replaceIndicators(m, gid, rows);
    });
    return this.get(user, id);
  }

  /** Add the annual goal (with an empty table) of another year of a multi-year project. */
  async addGoal(user: UserSummary, id: string, ifMatch: string | undefined, year: number, text: string | null | undefined): Promise<Project> {
    await this.store.write(user, id, ifMatch, async (m, row) => {
      this.assertEditable(user, row);
      const first = row.start_date ? Number(row.start_date.slice(0, 4)) : row.year;
      const last = row.end_date ? Number(row.end_date.slice(0, 4)) : row.year;
      if (year < Math.min(first, row.year) || year > Math.max(last, row.year)) {
        throw new ApiHttpException(400, 'VALIDATION_FAILED', `年度须在${targetLabel(row.kind)}实施期内（${Math.min(first, row.year)}–${Math.max(last, row.year)} 年）`, [
          { field: 'year', message: `年度不在${targetLabel(row.kind)}实施期内` },
        ]);
      }
      if (await hasAnnualGoal(m, id, year)) throw new ApiHttpException(409, 'DUPLICATE', `${year} 年的年度目标已存在`);
      await setGoalText(m, id, 'annual', year, text ?? null);
    });
    return this.get(user, id);
  }

  async remove(user: UserSummary, id: string, ifMatch: string | undefined): Promise<void> {
    await this.store.write(
      user,
      id,
      ifMatch,
      async (m, row) => {
        if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', `只有填报人可以删除${targetLabel(row.kind)}`);
        if (row.status !== 'draft') throw new ApiHttpException(409, 'INVALID_TRANSITION', `${targetLabel(row.kind)}处于「${statusLabel(row.status)}」状态，只有草稿可以删除`);
        await m.query(`DELETE FROM ${this.store.kind.table} WHERE id = $1`, [id]);
      },
      { deletes: true },
    );
  }

  /** Copy the annual table of last year's same-name project of the same unit into this project's annual table. */
  async copyLastYear(user: UserSummary, id: string, ifMatch: string | undefined): Promise<Project> {
    await this.store.write(user, id, ifMatch, async (m, row) => {
      this.assertEditable(user, row);
      const rows = await lastYearAnnualRows(m, row);
      if (!rows) throw new ApiHttpException(422, 'NO_LAST_YEAR_PROJECT', `本单位没有 ${row.year - 1} 年的同名${targetLabel(row.kind)}「${row.name}」，无法复制上年指标`);
      const gid = await setGoalText(m, id, 'annual', row.year, undefined);
      await replaceIndicators(m, gid, rows);
    });
    return this.get(user, id);
  }

  // ---------------------------------------------------------------- adjustments (调整) and revisions

  /** Start a new revision of an approved project; the approved one stays on record as a snapshot. */
  async adjust(user: UserSummary, id: string, ifMatch: string | undefined, reason: string): Promise<Project> {
    await this.store.write(user, id, ifMatch, async (m, row) => {
      if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', `只有${targetLabel(row.kind)}所属单位的填报人可以发起调整`);
      requireApproved(row, '调整', 'INVALID_TRANSITION');
      const { permissions: _drop, ...kept } = await this.store.toProject(user, row, m);
      void _drop;
      await startRevision(m, row, kept, reason.trim(), user.id);
      await writeHistory(m, id, user, 'adjust', 'approved', 'draft', `调整（第 ${row.revision + 1} 版）：${reason.trim()}`);
    });
    return this.get(user, id);
  }

  async revisions(user: UserSummary, id: string): Promise<ProjectRevision[]> {
    const row = await this.store.findVisible(user, id);
    const m = this.store.dataSource.manager;
    const rows = await listRevisions(m, id);
    const approvedAt = await lastApprovedAt(m, id);
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
      approvedAt: row.status === 'approved' && approvedAt ? new Date(approvedAt).toISOString() : null,
      reason: lastReason,
      createdAt: new Date(row.created_at).toISOString(),
      current: true,
    });
    return out;
  }

  /** A revision as it was (the current one is the project itself). */
  async revision(user: UserSummary, id: string, rev: number): Promise<Project> {
    const row = await this.store.findVisible(user, id);
    if (rev === row.revision) return this.store.toProject(user, row);
    const snapshot = await revisionSnapshot(this.store.dataSource.manager, id, rev);
    if (!snapshot) throw new ApiHttpException(404, 'NOT_FOUND', `该项目没有第 ${rev} 版`);
    return { ...snapshot, permissions: { edit: false, actions: [] } };
  }

  async diff(user: UserSummary, id: string, from: number, to?: number): Promise<ProjectDiff> {
    const current = await this.get(user, id);
    const target = to ?? current.revision;
    const a = await this.revision(user, id, from);
    const b = target === current.revision ? current : await this.revision(user, id, target);
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
      fields: diffFields(flatten(a), flatten(b), diffLabels(current.kind)),
      annualRows: diffIndicatorRows(rowsOf(a, 'annual'), rowsOf(b, 'annual')),
      overallRows: diffIndicatorRows(rowsOf(a, 'overall'), rowsOf(b, 'overall')),
    };
  }

  // ---------------------------------------------------------------- rules of the declaration

  private assertEditable(user: UserSummary, row: ProjectRow): void {
    if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', `只有${targetLabel(row.kind)}所属单位的填报人可以修改`);
    if (!isEditable(row.status)) {
      throw new ApiHttpException(409, 'NOT_EDITABLE', `${targetLabel(row.kind)}处于「${statusLabel(row.status)}」状态，不能修改（只有草稿或已退回的${targetLabel(row.kind)}可以修改）`);
    }
  }

  private checkDates(dto: { startDate?: string | null; endDate?: string | null }): void {
    for (const field of ['startDate', 'endDate'] as const) {
      const v = dto[field];
      if (!v) continue;
      const d = new Date(`${v}T00:00:00Z`);
      if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) {
        const label = PROJECT_FIELD_LABELS[field];
        throw new ApiHttpException(400, 'VALIDATION_FAILED', `${label}不是有效日期`, [{ field, message: `${label}不是有效日期` }]);
      }
    }
    assertDateOrder(dto.startDate, dto.endDate);
  }
}
