/**
 * Imports ask before they create a target whose name already exists for the unit and year: the preview
 * marks each such project (`existing`), the create takes one choice per name (replace / keepBoth /
 * skip) and, without one, answers 409 and creates nothing.
 */
import { ApiHttpException, flattenValidationErrors } from '@pt/api/core';
import { replaceIndicators, writeHistory } from '@pt/api/targets/data-access';
import { EDITABLE_STATUSES, statusLabel } from '@pt/domain';
import {
  IMPORT_CHOICE_LABELS,
  ImportChoiceDto,
  type CreateProjectDto,
  type ImportChoice,
  type ImportedProjectPreview,
  type ProjectStatus,
  type TargetKindKey,
  type UserSummary,
} from '@pt/shared/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { pickMeta } from './layout/indicator-meta-columns';

export interface Existing {
  id: string;
  name: string;
  year: number;
  status: ProjectStatus;
  kind: TargetKindKey;
}

const key = (year: number, name: string) => `${year}\u0000${name.trim()}`;

/**
 * The existing targets of `orgId` that share a name and year with a preview, one per name: an editable
 * one where there is one (that is what `replace` can replace), else the newest.
 */
export async function findExisting(m: EntityManager, orgId: string, projects: readonly ImportedProjectPreview[], lock = false): Promise<Map<string, Existing>> {
  // a 部门整体 target clashes by unit and year, not by name (findDepartments)
  const wanted = projects.filter((p) => p.name.trim() !== '' && p.kind !== 'department');
  if (wanted.length === 0) return new Map();
  const rows: Existing[] = await m.query(
    `SELECT p.id, p.name, p.year, p.status, p.kind FROM project p
      WHERE p.org_id = $1 AND (p.name, p.year) IN (SELECT * FROM unnest($2::text[], $3::int[]))
      ORDER BY (p.status IN ('draft', 'returned')) DESC, p.created_at DESC${lock ? ' FOR UPDATE' : ''}`,
    [orgId, wanted.map((p) => p.name.trim()), wanted.map((p) => p.year)],
  );
  const out = new Map<string, Existing>();
  for (const r of rows) if (!out.has(key(r.year, r.name))) out.set(key(r.year, r.name), { ...r, year: Number(r.year) });
  return out;
}

export function existingOf(map: Map<string, Existing>, p: ImportedProjectPreview): Existing | undefined {
  return p.kind === 'department' ? undefined : map.get(key(p.year, p.name));
}

export function editable(status: ProjectStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** Whether `replace` can take this preview: a project replacing an editable project (the other kinds: keepBoth or skip). */
export function replaceable(p: ImportedProjectPreview, e: Existing): boolean {
  return editable(e.status) && p.kind === 'project' && e.kind === 'project';
}

/** The 部门整体 targets of `orgId` in the years of the import's 部门整体 previews, by year (one per unit and year). */
export async function findDepartments(m: EntityManager, orgId: string, projects: readonly ImportedProjectPreview[], lock = false): Promise<Map<number, Existing>> {
  const years = [...new Set(projects.filter((p) => p.kind === 'department').map((p) => p.year))];
  if (!years.length) return new Map();
  const rows: Existing[] = await m.query(
    `SELECT p.id, p.name, p.year, p.status, p.kind FROM project p WHERE p.kind = 'department' AND p.org_id = $1 AND p.year = ANY($2::int[])${lock ? ' FOR UPDATE' : ''}`,
    [orgId, years],
  );
  return new Map(rows.map((r) => [Number(r.year), { ...r, year: Number(r.year) }]));
}

/** The choices of the .xlsx import, sent as JSON in the query (the body is the file). */
export function parseChoices(raw: string | undefined): ImportChoiceDto[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const bad = (message: string) => new ApiHttpException(400, 'VALIDATION_FAILED', message, [{ field: 'choices', message }]);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw bad('choices 须为 JSON 数组，如 [{"name":"项目名称","choice":"skip"}]');
  }
  if (!Array.isArray(value)) throw bad('choices 须为 JSON 数组，如 [{"name":"项目名称","choice":"skip"}]');
  const dtos = value.map((v) => plainToInstance(ImportChoiceDto, v));
  for (const d of dtos) {
    const errors = flattenValidationErrors(validateSync(d, { whitelist: true, forbidNonWhitelisted: true }));
    if (errors.length) throw bad(errors[0].message);
  }
  return dtos;
}

/**
 * The choice for every clashing preview, checked before anything is written: a clash without a choice,
 * or `replace` of a target that is no longer editable, answers 409 and nothing is created.
 */
export function resolveChoices(
  projects: readonly ImportedProjectPreview[],
  existing: Map<string, Existing>,
  choices: readonly ImportChoiceDto[] | undefined,
): Array<ImportChoice | null> {
  const byName = new Map((choices ?? []).map((c) => [c.name.trim(), c.choice]));
  const missing: string[] = [];
  const locked: Array<{ name: string; status: ProjectStatus }> = [];
  const otherKind: string[] = [];
  const out = projects.map((p) => {
    const e = existingOf(existing, p);
    if (!e) return null;
    const choice = byName.get(p.name.trim());
    if (!choice) missing.push(p.name);
    else if (choice === 'replace' && !editable(e.status)) locked.push({ name: p.name, status: e.status });
    else if (choice === 'replace' && !replaceable(p, e)) otherKind.push(p.name);
    return choice ?? null;
  });
  if (missing.length) {
    const names = [...new Set(missing)];
    throw new ApiHttpException(
      409,
      'IMPORT_NAME_EXISTS',
      `本单位该年度已有同名项目：${names.map((n) => `「${n}」`).join('')}。请为每个同名项目选择${Object.values(IMPORT_CHOICE_LABELS).join(' / ')}后再导入，未创建任何项目`,
      names.map((n) => ({ field: 'choices', message: `「${n}」已存在，请选择替换、保留两份或跳过` })),
    );
  }
  const twice = [...new Set(projects.map((p) => p.name.trim()).filter((n, i, all) => byName.get(n) === 'replace' && all.indexOf(n) !== i))];
  if (twice.length) {
    throw new ApiHttpException(
      422,
      'IMPORT_REPLACE_TWICE',
      `${twice.map((n) => `「${n}」`).join('')}在本次导入中出现不止一次，不能都替换同一个已有项目；请选择保留两份或跳过，未创建任何项目`,
      twice.map((n) => ({ field: 'choices', message: `「${n}」出现不止一次，不能选择替换` })),
    );
  }
  if (otherKind.length) {
    const names = [...new Set(otherKind)].map((n) => `「${n}」`).join('');
    throw new ApiHttpException(
      409,
      'IMPORT_REPLACE_KIND',
      `${names}：只有项目可以替换同名项目；部门（单位）整体或政策绩效目标，或与其他类型的目标同名时，请选择保留两份或跳过，未创建任何绩效目标`,
      [...new Set(otherKind)].map((n) => ({ field: 'choices', message: `「${n}」不能选择替换` })),
    );
  }
  if (locked.length) {
    throw new ApiHttpException(
      409,
      'IMPORT_REPLACE_LOCKED',
      `${locked.map((l) => `「${l.name}」处于「${statusLabel(l.status)}」状态`).join('，')}，不能替换（只有草稿或已退回的项目可以替换）；请选择保留两份或跳过，未创建任何项目`,
      locked.map((l) => ({ field: 'choices', message: `「${l.name}」处于「${statusLabel(l.status)}」状态，不能替换` })),
    );
  }
  return out;
}

/** `名称（2）`, `名称（3）`… : the first that the unit does not use in that year (nor this import: `taken`, by year and name). */
export async function freeName(m: EntityManager, orgId: string, year: number, name: string, taken: Set<string>): Promise<string> {
  const base = name.trim();
  const rows: { name: string }[] = await m.query(`SELECT name FROM project WHERE org_id = $1 AND year = $2 AND name LIKE $3`, [
    orgId,
    year,
    `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}（%）`,
  ]);
  const used = new Set(rows.map((r) => r.name));
  for (let n = 2; ; n++) {
    const candidate = `${base}（${n}）`;
    if (!used.has(candidate) && !taken.has(key(year, candidate))) return candidate;
  }
}

/**
 * Replace an editable target's imported content in place (its id, history, comments and other years'
 * goals stay): header fields and funds as imported, both goal texts, the annual table; version + 1.
 */
export async function replaceExisting(
  m: EntityManager,
  user: UserSummary,
  target: Existing,
  body: CreateProjectDto,
  indicators: ImportedProjectPreview['indicators'],
): Promise<void> {
  const f = body.funds ?? null;
  // the transaction's query runner gives the affected count (EntityManager.query does not)
  const qr = m.queryRunner;
  if (!qr) throw new Error('replace outside a transaction');
  const res = await qr.query(
    `UPDATE project SET framework_code = $3, nature = $4, category = $5, start_date = $6, end_date = $7,
            fund_total = $8, fund_fiscal = $9, fund_other = $10, fund_annual_total = $11, fund_annual_fiscal = $12,
            fund_carryover = $13, fund_annual_other = $14, version = version + 1, updated_at = now()
      WHERE id = $1 AND status = ANY($2::text[])`,
    [
      target.id,
      [...EDITABLE_STATUSES],
      body.frameworkCode,
      body.nature ?? null,
      body.category ?? null,
      body.startDate ?? null,
      body.endDate ?? null,
      f?.total ?? null,
      f?.fiscal ?? null,
      f?.other ?? null,
      f?.annualTotal ?? null,
      f?.annualFiscal ?? null,
      f?.carryover ?? null,
      f?.annualOther ?? null,
    ],
    true,
  );
  if (res.affected !== 1) {
    throw new ApiHttpException(409, 'IMPORT_REPLACE_LOCKED', `「${target.name}」已不是草稿或已退回状态，不能替换；未创建任何项目`);
  }
  await m.query(`UPDATE project_goal SET text = $2 WHERE project_id = $1 AND kind = 'overall'`, [target.id, body.totalGoal ?? null]);
  const [g] = await m.query(`SELECT id FROM project_goal WHERE project_id = $1 AND kind = 'annual' AND year = $2`, [target.id, target.year]);
  let goalId: string;
  if (g) {
    goalId = g.id;
    await m.query(`UPDATE project_goal SET text = $2 WHERE id = $1`, [g.id, body.annualGoal ?? null]);
  } else {
    const [n] = await m.query(`INSERT INTO project_goal (project_id, kind, year, text) VALUES ($1, 'annual', $2, $3) RETURNING id`, [target.id, target.year, body.annualGoal ?? null]);
    goalId = n.id;
  }
  await replaceIndicators(m, goalId, indicators.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, core: r.core ?? false, weight: r.weight ?? null, ...pickMeta(r) })));
  await writeHistory(m, target.id, user, 'update', target.status, target.status, '导入替换');
}
