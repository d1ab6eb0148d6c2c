import { Injectable } from '@nestjs/common';
import { ApiHttpException, flattenValidationErrors, isUniqueViolation } from '@pt/api/core';
import { kindColumnValues, OrgScopeService } from '@pt/api/targets/data-access';
import { FRAMEWORKS, getFramework, hasRole, parsePublishedText, TARGET_KIND_LABELS } from '@pt/domain';
import {
  CreateProjectDto,
  CreateTargetDto,
  IndicatorInputDto,
  type ImportChoiceDto,
  type ImportedProjectPreview,
  type ImportResult,
  type ImportTextDto,
  type TargetKindKey,
  type UserSummary,
} from '@pt/shared/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { existingOf, findDepartments, findExisting, freeName, parseChoices, replaceable, replaceExisting, resolveChoices } from './import-clashes';
import { asKind, createFromPreview, departmentExistsMessage, departmentRefusal, kindBody, kindSheetPreview, otherUnitNote, starred } from './import-kinds';
import { DEPARTMENT_DECLARATION_TITLE } from './layout/department-model';
import { pickMeta } from './layout/indicator-meta-columns';
import { POLICY_DECLARATION_TITLE } from './layout/policy-model';
import { DECLARATION_TITLE } from './layout/sheet-model';
import { readDeclarations } from './xlsx/xlsx-import';

/** What the create is checked against: a project's create, or POST /api/targets's for the other kinds. */
const createDto = (kind: TargetKindKey) => (kind === 'project' ? CreateProjectDto : CreateTargetDto);

/** Imports: previews of what a paste or a workbook holds, then drafts created from them in one transaction. */
@Injectable()
export class ImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: OrgScopeService,
  ) {}

  /** Text pasted from published documents (the reference layouts): every table found, with its problems by line. */
  async fromText(user: UserSummary, dto: ImportTextDto, dryRun: boolean): Promise<ImportResult> {
    const parsed = parsePublishedText(dto.text, { year: dto.year });
    const kind = dto.kind ?? 'project';
    const projects: ImportedProjectPreview[] = parsed.projects.map((p) => {
      const read: ImportedProjectPreview = {
      source: p.lines[0] === p.lines[1] ? `${p.lines[0]}` : `${p.lines[0]}–${p.lines[1]}`,
      kind: 'project',
      name: p.name,
      year: dto.year,
      frameworkCode: dto.frameworkCode ?? p.frameworkCode,
      nature: p.nature,
      category: p.category,
      startDate: p.startDate,
      endDate: p.endDate,
      funds: p.funds
        ? {
            total: p.funds.total ?? null,
            fiscal: p.funds.fiscal ?? null,
            other: p.funds.other ?? null,
            annualTotal: p.funds.annualTotal ?? null,
            annualFiscal: p.funds.annualFiscal ?? null,
            carryover: p.funds.carryover ?? null,
            annualOther: p.funds.annualOther ?? null,
          }
        : null,
      totalGoal: p.overallGoal,
      annualGoal: p.annualGoal,
      // `core` only where marked (★): unmarked rows read as before
      indicators: p.rows.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, ...(r.core ? { core: true } : {}) })),
      };
      // a paste has no form title: its tables are of the kind chosen on the page
      return asKind(read, kind, p.lines[0], parsed.problems);
    });
    if (projects.length === 0 && parsed.problems.length === 0) parsed.problems.push({ line: 1, message: '没有找到绩效目标表：请粘贴含“一级指标 二级指标 三级指标 指标值”的表格，或公开清单' });
    return this.finish(user, dto.orgId, dryRun, projects, parsed.problems, dto.choices);
  }

  /**
   * A workbook in our own 申报表 layouts (what the export wrote): one target per sheet, its kind told by the form's title
   * (项目 / 部门（单位）整体 / 政策); a sheet with an indicator table under another title is read as a project's table and
   * taken as `kind` (project when not chosen), said in the problems.
   */
  async fromXlsx(
    user: UserSummary,
    body: unknown,
    orgId: string,
    year: number | undefined,
    dryRun: boolean,
    choices?: string,
    kind?: TargetKindKey,
  ): Promise<ImportResult> {
    const chosen = parseChoices(choices);
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new ApiHttpException(400, 'VALIDATION_FAILED', '请上传 .xlsx 文件（请求体为文件内容）', [{ field: 'body', message: '请上传 .xlsx 文件' }]);
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(body as unknown as ArrayBuffer);
    } catch {
      throw new ApiHttpException(400, 'VALIDATION_FAILED', '文件不是有效的 .xlsx 工作簿', [{ field: 'body', message: '文件不是有效的 .xlsx 工作簿' }]);
    }
    const read = readDeclarations(wb, kind);
    const problems: ImportResult['problems'] = read.problems.map((p) => ({ line: p.sheet ? `${p.sheet}!${p.row}` : p.row, message: p.message }));
    const projects: ImportedProjectPreview[] = read.declarations.map((d) => this.declarationPreview(d, year));
    // the kind chosen is for sheets whose title cannot tell it: a form's own title wins, and that is said
    const titled = [...read.declarations.map((d) => ({ sheet: d.sheetName, kind: 'project' as TargetKindKey })), ...read.kindSheets.map((k) => ({ sheet: k.sheetName, kind: k.kind as TargetKindKey }))];
    for (const t of titled.filter((x) => kind && x.kind !== kind)) {
      problems.push({ line: t.sheet, message: `工作表“${t.sheet}”按表名是${TARGET_KIND_LABELS[t.kind]}申报表，按${TARGET_KIND_LABELS[t.kind]}绩效目标导入（所选类型“${TARGET_KIND_LABELS[kind as TargetKindKey]}”只用于表名无法识别的工作表）` });
    }
    for (const u of read.unrecognised) {
      const k = kind ?? 'project';
      problems.push({
        line: u.sheetName,
        message: `工作表“${u.sheetName}”的标题“${u.title}”不是本系统的申报表，按${TARGET_KIND_LABELS[k]}绩效目标读取${kind ? '（导入时所选类型）' : '；如为部门（单位）整体或政策绩效目标，请选择目标类型后重新预览'}`,
      });
      if (u.kindSheet) projects.push(kindSheetPreview(u.kindSheet, year));
      else if (u.declaration) projects.push(asKind(this.declarationPreview(u.declaration, year), k, u.sheetName, problems));
    }
    const formOrgs = new Map<ImportedProjectPreview, string | null>();
    for (const k of read.kindSheets) {
      const p = kindSheetPreview(k, year);
      if (k.kind === 'department') formOrgs.set(p, k.orgName);
      projects.push(p);
    }
    if (projects.length === 0 && problems.length === 0) {
      const titles = [DECLARATION_TITLE, DEPARTMENT_DECLARATION_TITLE, POLICY_DECLARATION_TITLE].map((t) => `“${t}”`).join('、');
      problems.push({ line: 0, message: `工作簿中没有找到申报表（第一行为${titles}的工作表）` });
    }
    return this.finish(user, orgId, dryRun, projects, problems, chosen, formOrgs);
  }

  private declarationPreview(d: ReturnType<typeof readDeclarations>['declarations'][number], year: number | undefined): ImportedProjectPreview {
    return {
      source: d.sheetName,
      kind: 'project',
      name: d.name,
      year: year ?? d.year ?? new Date().getFullYear(),
      frameworkCode: FRAMEWORKS.find((f) => f.name === d.frameworkName)?.code ?? 'mof-2021',
      nature: d.nature,
      category: d.category,
      startDate: d.startDate,
      endDate: d.endDate,
      funds: d.funds,
      totalGoal: d.totalGoal,
      annualGoal: d.annualGoal,
      indicators: d.indicators.map(starred),
    };
  }

  /**
   * Check the previews as a create would (the DTO rules), then — unless a dry run — create them all as drafts
   * of `orgId` in one transaction. Rule breaks block the create (422, nothing created); parse problems do not.
   * A name the unit already uses in that year is marked in the preview (`existing`) and needs a choice
   * (import-clashes.ts): without one the create answers 409 and creates nothing. A 部门整体 target is the unit's
   * (named after it, one per unit and year): a second one is refused per sheet (409) unless skipped.
   */
  async finish(
    user: UserSummary,
    orgId: string,
    dryRun: boolean,
    projects: ImportedProjectPreview[],
    problems: ImportResult['problems'],
    choices?: ImportChoiceDto[],
    /** The 部门（单位）名称 each 部门整体 form gives. */
    formOrgs = new Map<ImportedProjectPreview, string | null>(),
  ): Promise<ImportResult> {
    if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有填报人可以导入绩效目标');
    const orgs = await this.scope.visibleOrgs(user);
    const org = orgs.find((o) => o.id === orgId);
    const visible = await this.scope.visibleOrgIds(user);
    if (!org || !visible.includes(orgId) || org.kind !== 'unit') {
      throw new ApiHttpException(400, 'VALIDATION_FAILED', '实施单位不存在或不在本单位范围内', [{ field: 'orgId', message: '实施单位不存在或不在本单位范围内' }]);
    }
    for (const p of projects.filter((x) => x.kind === 'department')) {
      const note = otherUnitNote(p.source, formOrgs.get(p) ?? null, org.name);
      if (note) problems.push(note);
      p.name = org.name;
    }
    const where = (p: ImportedProjectPreview, k: number) => `${p.source}（${p.name || `第 ${k + 1} 个${TARGET_KIND_LABELS[p.kind]}`}）`;
    const blocking: ImportResult['problems'] = [];
    projects.forEach((p, k) => blocking.push(...this.ruleBreaks(p, where(p, k), orgId)));
    const existing = await findExisting(this.dataSource.manager, orgId, projects);
    const departments = await findDepartments(this.dataSource.manager, orgId, projects);
    const byName = new Map((choices ?? []).map((c) => [c.name.trim(), c.choice]));
    const refused: ImportResult['problems'] = [];
    const departmentYears = new Set<number>();
    projects.forEach((p, k) => {
      if (p.kind !== 'department') {
        const e = existingOf(existing, p);
        p.existing = e ? { id: e.id, status: e.status, editable: replaceable(p, e) } : null;
        return;
      }
      const d = departments.get(p.year);
      p.existing = d ? { id: d.id, status: d.status, editable: false } : null;
      if (departmentYears.has(p.year)) {
        blocking.push({ line: p.source, message: `${where(p, k)}：本次导入中有不止一个 ${p.year} 年的${TARGET_KIND_LABELS.department}绩效目标，每个单位每年只有一个` });
      } else if (d && byName.get(p.name.trim()) !== 'skip') refused.push({ line: p.source, message: departmentExistsMessage(org.name, p.year) });
      departmentYears.add(p.year);
    });
    problems.push(...this.repeatedNames(projects.filter((p) => p.kind !== 'department')));
    if (dryRun) return { dryRun, projects, problems: [...problems, ...blocking, ...refused] };
    if (blocking.length) {
      throw new ApiHttpException(422, 'IMPORT_INVALID', `有 ${blocking.length} 处不符合填报规则，未创建任何绩效目标：${blocking[0].message}`, blocking.map((b) => ({ field: String(b.line), message: b.message })));
    }
    if (projects.length === 0) throw new ApiHttpException(422, 'IMPORT_EMPTY', '没有可导入的绩效目标', [{ field: 'text', message: '没有可导入的绩效目标' }]);
    if (refused.length) throw departmentRefusal(refused);
    resolveChoices(projects, existing, choices); // 409 before the transaction when a choice is missing
    await this.dataSource
      .transaction(async (m) => {
        // read again under lock: a target may have been submitted (or created) since the preview
        const locked = await findExisting(m, orgId, projects, true);
        const lockedDepartments = await findDepartments(m, orgId, projects, true);
        const chosen = resolveChoices(projects, locked, choices);
        const created = new Set<string>();
        const late: ImportResult['problems'] = [];
        for (const [k, p] of projects.entries()) {
          const e = existingOf(locked, p) ?? (p.kind === 'department' ? lockedDepartments.get(p.year) : undefined);
          const choice = p.kind === 'department' ? (byName.get(p.name.trim()) ?? null) : chosen[k];
          if (e && choice === 'skip') {
            p.outcome = 'skipped';
            continue;
          }
          if (e && p.kind === 'department') {
            late.push({ line: p.source, message: departmentExistsMessage(org.name, p.year) });
            continue;
          }
          if (e && choice === 'replace') {
            const rows = p.indicators.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, core: r.core ?? false, weight: r.weight ?? null, ...pickMeta(r) }));
            await replaceExisting(m, user, e, this.createBody(p, orgId), rows);
            p.id = e.id;
            p.outcome = 'replaced';
            continue;
          }
          if (e) p.name = await freeName(m, orgId, p.year, p.name, created); // keepBoth
          const body = p.kind === 'project' ? { ...this.createBody(p, orgId), kind: p.kind } : { ...kindBody(p, orgId), name: p.name };
          p.id = await createFromPreview(m, user, p, body);
          created.add(`${p.year}\u0000${p.name.trim()}`);
          p.outcome = 'created';
        }
        if (late.length) throw departmentRefusal(late); // rolls the transaction back: nothing created
      })
      .catch((e: unknown) => {
        // two imports (or an import and a create) of the unit's 部门整体 target at once: the unique index answers
        if (!isUniqueViolation(e)) throw e;
        const first = projects.find((p) => p.kind === 'department');
        throw departmentRefusal([{ line: first?.source ?? '', message: departmentExistsMessage(org.name, first?.year ?? 0) }]);
      });
    return { dryRun, projects, problems };
  }

  /** What a create of the preview would refuse (the create DTO of its kind, the kind's block, each table's rows). */
  private ruleBreaks(p: ImportedProjectPreview, where: string, orgId: string): ImportResult['problems'] {
    const out: ImportResult['problems'] = [];
    if (!getFramework(p.frameworkCode)) out.push({ line: p.source, message: `${where}：未知的指标体系` });
    const body = p.kind === 'project' ? this.createBody(p, orgId) : kindBody(p, orgId);
    const dto = plainToInstance(createDto(p.kind), { ...body });
    for (const e of flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }))) out.push({ line: p.source, message: `${where}：${e.message}` });
    if (p.kind !== 'project') {
      try {
        kindColumnValues(p.kind, body as CreateTargetDto);
      } catch (e) {
        if (!(e instanceof ApiHttpException)) throw e;
        out.push({ line: p.source, message: `${where}：${e.message}` });
      }
    }
    const tables: [string, ImportedProjectPreview['indicators']][] = [
      ['', p.indicators],
      ['中期', p.totalIndicators ?? []],
    ];
    for (const [label, rows] of tables) {
      rows.forEach((row, i) => {
        const rowDto = plainToInstance(IndicatorInputDto, { level1: row.level1, level2: row.level2, name: row.name, target: row.target, weight: row.weight ?? null });
        for (const e of flattenValidationErrors(validateSync(rowDto))) out.push({ line: p.source, message: `${where} ${label}第 ${i + 1} 行指标：${e.message}` });
      });
    }
    return out;
  }

  /** Two projects of one import under the same name and year are created as two targets: said in the preview. */
  private repeatedNames(projects: readonly ImportedProjectPreview[]): ImportResult['problems'] {
    const seen = new Map<string, ImportedProjectPreview>();
    const out: ImportResult['problems'] = [];
    for (const p of projects) {
      const k = `${p.year}\u0000${p.name.trim()}`;
      const first = seen.get(k);
      if (p.name.trim() !== '' && first) out.push({ line: p.source, message: `「${p.name}」在本次导入中出现不止一次（另见 ${first.source}），会导入为多个项目，请核对` });
      else seen.set(k, p);
    }
    return out;
  }

  private createBody(p: ImportedProjectPreview, orgId: string): CreateProjectDto {
    const body: CreateProjectDto = { year: p.year, name: p.name, orgId, frameworkCode: p.frameworkCode };
    if (p.nature) body.nature = p.nature;
    if (p.category) body.category = p.category;
    if (p.startDate) body.startDate = p.startDate;
    if (p.endDate) body.endDate = p.endDate;
    if (p.funds) body.funds = p.funds;
    if (p.totalGoal) body.totalGoal = p.totalGoal;
    if (p.annualGoal) body.annualGoal = p.annualGoal;
    return body;
  }
}
