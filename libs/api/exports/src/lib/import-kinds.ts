/**
 * Imports of 部门（单位）整体 and 政策 targets (domain §11): the preview of a form of each kind, a project-shaped
 * table (a paste, a sheet under a title that is none of ours) taken as the kind chosen for the import, the body of
 * the create, and the create itself through the target store's own writes (insertProject, replaceTasks, goals).
 */
import { ApiHttpException } from '@pt/api/core';
import { insertProject, kindColumnValues, replaceIndicators, replaceTasks, setGoalText, writeHistory } from '@pt/api/targets/data-access';
import { DEPARTMENT_FIELD_LABELS as D, FRAMEWORKS, FUND_LABELS, normaliseLevelName, PROJECT_FIELD_LABELS as F, TARGET_KIND_LABELS } from '@pt/domain';
import type { CreateTargetDto, ImportedIndicatorRow, ImportedProjectPreview, ImportResult, TargetKindKey, UserSummary } from '@pt/shared/contracts';
import type { EntityManager } from 'typeorm';
import { pickMeta } from './layout/indicator-meta-columns';
import type { ImportedKindSheet } from './xlsx/kind-import';

type Problems = ImportResult['problems'];

/** The built-in framework whose 二级 names the rows use most (a 部门整体 or 政策 form prints no 指标体系); mof-2021 on a tie. */
export function frameworkOfRows(rows: readonly { level2: string }[]): string {
  let best = FRAMEWORKS[0];
  let bestCount = -1;
  for (const fw of FRAMEWORKS) {
    const names = new Set(fw.groups.flatMap((g) => g.children));
    const n = rows.filter((r) => names.has(normaliseLevelName(r.level2))).length;
    if (n > bestCount) [best, bestCount] = [fw, n];
  }
  return best.code;
}

/** A ★ typed in front of a name in Excel marks a core indicator, as in the publication list. */
export function starred<T extends ImportedIndicatorRow>(r: T): T {
  return /^\s*★/.test(r.name) ? { ...r, name: r.name.replace(/^\s*★\s*/, ''), core: true } : r;
}

/** The preview of a 部门整体 or 政策 form read from a workbook (`year` given on the page wins over the form's). */
export function kindSheetPreview(k: ImportedKindSheet, year: number | undefined): ImportedProjectPreview {
  const indicators = k.indicators.map(starred);
  const overall = k.overall.map(starred);
  return {
    source: k.sheetName,
    kind: k.kind,
    name: k.name,
    year: year ?? k.year ?? new Date().getFullYear(),
    frameworkCode: frameworkOfRows([...overall, ...indicators]),
    nature: null,
    category: null,
    startDate: null,
    endDate: null,
    funds: null,
    totalGoal: k.totalGoal,
    annualGoal: k.annualGoal,
    indicators,
    department: k.department,
    policy: k.policy,
    totalIndicators: overall,
  };
}

const kindLabel = (kind: TargetKindKey) => `${TARGET_KIND_LABELS[kind]}绩效目标`;

/**
 * A table read as a project's (a paste, a sheet whose title is not one of our forms) taken as a target of `kind`:
 * what the kind has a place for moves there (年度资金 → 年度预算申请; 项目资金总额 / 年度资金 → 资金规模; the plan's years
 * → 实施期; 项目总目标 → 中期目标), and every field it has no place for is listed as a problem, not dropped unsaid.
 */
export function asKind(p: ImportedProjectPreview, kind: TargetKindKey, line: number | string, problems: Problems): ImportedProjectPreview {
  if (kind === 'project') return { ...p, kind };
  const f = p.funds;
  const unused: string[] = [];
  const note = (label: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value.trim() !== '') unused.push(`${label}“${value}”`);
  };
  note(F.nature, p.nature);
  note(F.category, p.category);
  const out: ImportedProjectPreview = { ...p, kind, nature: null, category: null, startDate: null, endDate: null, funds: null, totalIndicators: [] };
  if (kind === 'department') {
    out.department = {
      budget: { total: f?.annualTotal ?? f?.total ?? null, fiscal: f?.annualFiscal ?? f?.fiscal ?? null, other: f?.annualOther ?? f?.other ?? null, basic: null, project: null },
      tasks: [],
    };
    if (f?.annualTotal) note(FUND_LABELS.total, f.total);
    if (f?.annualFiscal) note(FUND_LABELS.fiscal, f.fiscal);
    if (f?.annualOther) note(FUND_LABELS.other, f.other);
    note(FUND_LABELS.carryover, f?.carryover);
    note(F.startDate, p.startDate);
    note(F.endDate, p.endDate);
    // a 部门整体 form has one goal, the year's: a table's only goal is it, a second one is said
    out.annualGoal = p.annualGoal ?? p.totalGoal;
    out.totalGoal = null;
    if (p.annualGoal) note(F.totalGoal, p.totalGoal);
  } else {
    const yearOf = (d: string | null) => (d && /^\d{4}/.test(d) ? Number(d.slice(0, 4)) : null);
    out.policy = { basis: null, startYear: yearOf(p.startDate), endYear: yearOf(p.endDate), totalFunds: f?.total ?? null, annualFunds: f?.annualTotal ?? null };
    note(FUND_LABELS.fiscal, f?.fiscal);
    note(FUND_LABELS.other, f?.other);
    note(FUND_LABELS.annualFiscal, f?.annualFiscal);
    note(FUND_LABELS.carryover, f?.carryover);
    note(FUND_LABELS.annualOther, f?.annualOther);
  }
  if (unused.length) problems.push({ line, message: `${kindLabel(kind)}没有以下栏目，未导入：${unused.join('，')}` });
  return out;
}

/** POST /api/targets's body for a preview of a 部门整体 or 政策 target (checked by CreateTargetDto as a create is). */
export function kindBody(p: ImportedProjectPreview, orgId: string): CreateTargetDto {
  const body: CreateTargetDto = { kind: p.kind, year: p.year, name: p.name, orgId, frameworkCode: p.frameworkCode };
  if (p.totalGoal) body.totalGoal = p.totalGoal;
  if (p.annualGoal) body.annualGoal = p.annualGoal;
  if (p.kind === 'department' && p.department) body.department = { budget: { ...p.department.budget }, tasks: p.department.tasks.map((t) => ({ ...t })) };
  if (p.kind === 'policy' && p.policy) body.policy = { ...p.policy };
  return body;
}

const rowsOf = (rows: readonly ImportedIndicatorRow[]) =>
  rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, core: r.core ?? false, weight: r.weight ?? null, ...pickMeta(r) }));

/**
 * Create a draft of any kind from a preview inside the import's transaction: the target with its kind's columns,
 * a department's 年度主要任务, the annual table and a policy's 中期 table, and the history line 导入.
 */
export async function createFromPreview(m: EntityManager, user: UserSummary, p: ImportedProjectPreview, body: CreateTargetDto & { name: string }): Promise<string> {
  const id = await insertProject(m, { ...body, kind: p.kind, kindColumns: kindColumnValues(p.kind, body), status: 'draft', createdBy: user.id });
  if (p.kind === 'department' && p.department?.tasks.length) await replaceTasks(m, id, p.department.tasks);
  await replaceIndicators(m, await setGoalText(m, id, 'annual', p.year, undefined), rowsOf(p.indicators));
  if (p.totalIndicators?.length) await replaceIndicators(m, await setGoalText(m, id, 'overall', null, undefined), rowsOf(p.totalIndicators));
  await writeHistory(m, id, user, 'create', null, 'draft', '导入');
  return id;
}

/** The message of a second 部门整体 target for a unit and year (one per unit and year). */
export function departmentExistsMessage(orgName: string, year: number): string {
  return `「${orgName}」${year} 年的${kindLabel('department')}已存在，每个单位每年只有一个；请选择“跳过”，或填写其他预算年度后导入`;
}

/** 409 for the 部门整体 previews whose unit and year already have one (nothing created), one detail per sheet. */
export function departmentRefusal(messages: readonly { line: number | string; message: string }[]): ApiHttpException {
  return new ApiHttpException(
    409,
    'IMPORT_DEPARTMENT_EXISTS',
    `${messages[0].line}：${messages[0].message}${messages.length > 1 ? `（共 ${messages.length} 处）` : ''}。未创建任何绩效目标`,
    messages.map((x) => ({ field: String(x.line), message: x.message })),
  );
}

/** The 部门（单位）名称 a form gives, when it is not the unit the import creates for: said, the chosen unit is used. */
export function otherUnitNote(line: number | string, formOrg: string | null, orgName: string): Problems[number] | null {
  if (!formOrg || formOrg.trim() === orgName.trim()) return null;
  return { line, message: `表中${D.orgName}为「${formOrg}」，与所选实施单位「${orgName}」不同；按所选单位导入` };
}

