import { Injectable } from '@nestjs/common';
import { ApiHttpException, flattenValidationErrors } from '@pt/api/core';
import { insertProject, OrgScopeService, replaceIndicators, writeHistory } from '@pt/api/targets/data-access';
import { FRAMEWORKS, getFramework, hasRole, parsePublishedText } from '@pt/domain';
import {
  CreateProjectDto,
  IndicatorInputDto,
  type ImportChoiceDto,
  type ImportedProjectPreview,
  type ImportResult,
  type ImportTextDto,
  type UserSummary,
} from '@pt/shared/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { editable, existingOf, findExisting, freeName, parseChoices, replaceExisting, resolveChoices } from './import-clashes';
import { pickMeta } from './layout/indicator-meta-columns';
import { DECLARATION_TITLE } from './layout/sheet-model';
import { readDeclarations } from './xlsx/xlsx-import';

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
    const projects: ImportedProjectPreview[] = parsed.projects.map((p) => ({
      source: p.lines[0] === p.lines[1] ? `${p.lines[0]}` : `${p.lines[0]}–${p.lines[1]}`,
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
    }));
    if (projects.length === 0 && parsed.problems.length === 0) parsed.problems.push({ line: 1, message: '没有找到绩效目标表：请粘贴含“一级指标 二级指标 三级指标 指标值”的表格，或公开清单' });
    return this.finish(user, dto.orgId, dryRun, projects, parsed.problems, dto.choices);
  }

  /** A workbook in our own 申报表 layout (what the export wrote): one project per sheet. */
  async fromXlsx(user: UserSummary, body: unknown, orgId: string, year: number | undefined, dryRun: boolean, choices?: string): Promise<ImportResult> {
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
    const { declarations, problems } = readDeclarations(wb);
    const projects: ImportedProjectPreview[] = declarations.map((d) => ({
      source: d.sheetName,
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
      // a ★ typed in front of a name in Excel marks a core indicator, as in the publication list
      indicators: d.indicators.map((r) => (/^\s*★/.test(r.name) ? { ...r, name: r.name.replace(/^\s*★\s*/, ''), core: true } : r)),
    }));
    if (projects.length === 0 && problems.length === 0) problems.push({ sheet: '', row: 0, message: `工作簿中没有找到申报表（第一行为“${DECLARATION_TITLE}”的工作表）` });
    return this.finish(user, orgId, dryRun, projects, problems.map((p) => ({ line: p.sheet ? `${p.sheet}!${p.row}` : p.row, message: p.message })), chosen);
  }

  /**
   * Check the previews as a create would (the DTO rules), then — unless a dry run — create them all as drafts
   * of `orgId` in one transaction. Rule breaks block the create (422, nothing created); parse problems do not.
   * A name the unit already uses in that year is marked in the preview (`existing`) and needs a choice
   * (import-clashes.ts): without one the create answers 409 and creates nothing.
   */
  async finish(
    user: UserSummary,
    orgId: string,
    dryRun: boolean,
    projects: ImportedProjectPreview[],
    problems: ImportResult['problems'],
    choices?: ImportChoiceDto[],
  ): Promise<ImportResult> {
    if (!hasRole(user, 'filler')) throw new ApiHttpException(403, 'FORBIDDEN', '只有填报人可以导入项目');
    const orgs = await this.scope.visibleOrgs(user);
    const org = orgs.find((o) => o.id === orgId);
    const visible = await this.scope.visibleOrgIds(user);
    if (!org || !visible.includes(orgId) || org.kind !== 'unit') {
      throw new ApiHttpException(400, 'VALIDATION_FAILED', '实施单位不存在或不在本单位范围内', [{ field: 'orgId', message: '实施单位不存在或不在本单位范围内' }]);
    }
    const blocking: ImportResult['problems'] = [];
    projects.forEach((p, k) => {
      const where = `${p.source}（${p.name || `第 ${k + 1} 个项目`}）`;
      if (!getFramework(p.frameworkCode)) blocking.push({ line: p.source, message: `${where}：未知的指标体系` });
      const dto = plainToInstance(CreateProjectDto, { ...this.createBody(p, orgId) });
      for (const e of flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }))) {
        blocking.push({ line: p.source, message: `${where}：${e.message}` });
      }
      p.indicators.forEach((row, i) => {
        const rowDto = plainToInstance(IndicatorInputDto, { level1: row.level1, level2: row.level2, name: row.name, target: row.target, weight: row.weight ?? null });
        for (const e of flattenValidationErrors(validateSync(rowDto))) blocking.push({ line: p.source, message: `${where} 第 ${i + 1} 行指标：${e.message}` });
      });
    });
    const existing = await findExisting(this.dataSource.manager, orgId, projects);
    for (const p of projects) {
      const e = existingOf(existing, p);
      p.existing = e ? { id: e.id, status: e.status, editable: editable(e.status) } : null;
    }
    problems.push(...this.repeatedNames(projects));
    if (dryRun) return { dryRun, projects, problems: [...problems, ...blocking] };
    if (blocking.length) throw new ApiHttpException(422, 'IMPORT_INVALID', `有 ${blocking.length} 处不符合填报规则，未创建任何项目：${blocking[0].message}`, blocking.map((b) => ({ field: String(b.line), message: b.message })));
    if (projects.length === 0) throw new ApiHttpException(422, 'IMPORT_EMPTY', '没有可导入的项目', [{ field: 'text', message: '没有可导入的项目' }]);
    resolveChoices(projects, existing, choices); // 409 before the transaction when a choice is missing
    await this.dataSource.transaction(async (m) => {
      // read again under lock: a target may have been submitted (or created) since the preview
      const locked = await findExisting(m, orgId, projects, true);
      const chosen = resolveChoices(projects, locked, choices);
      const created = new Set<string>();
      for (const [k, p] of projects.entries()) {
        const e = existingOf(locked, p);
        const rows = p.indicators.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, core: r.core ?? false, weight: r.weight ?? null, ...pickMeta(r) }));
        if (e && chosen[k] === 'skip') {
          p.outcome = 'skipped';
          continue;
        }
        if (e && chosen[k] === 'replace') {
          await replaceExisting(m, user, e, this.createBody(p, orgId), rows);
          p.id = e.id;
          p.outcome = 'replaced';
          continue;
        }
        if (e) p.name = await freeName(m, orgId, p.year, p.name, created); // keepBoth
        const id = await insertProject(m, { ...this.createBody(p, orgId), status: 'draft', createdBy: user.id });
        const [goal] = await m.query(`SELECT id FROM project_goal WHERE project_id = $1 AND kind = 'annual'`, [id]);
        await replaceIndicators(m, goal.id, rows);
        await writeHistory(m, id, user, 'create', null, 'draft', '导入');
        created.add(`${p.year}\u0000${p.name.trim()}`);
        p.id = id;
        p.outcome = 'created';
      }
    });
    return { dryRun, projects, problems };
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
