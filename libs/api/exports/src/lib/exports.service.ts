import { Injectable } from '@nestjs/common';
import { ApiHttpException, contentDisposition as attachmentHeader } from '@pt/api/core';
import { AttachmentStore } from '@pt/api/evidence/data-access';
import { EvaluationStore, MonitoringStore, OrgScopeService, TargetStore } from '@pt/api/targets/data-access';
import { Dec, type Framework, statusLabel, TARGET_KIND_LABELS } from '@pt/domain';
import { BIDI_CONTROLS, type BatchExportQueryDto, type ExportForm, KIND_EXPORT_FORM_LABELS, type Project, type UserSummary } from '@pt/shared/contracts';
import ExcelJS from 'exceljs';
import { PassThrough, type Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import { writeDocx } from './docx/docx-writer';
import { DECLARATION_FUND_LABELS } from './layout/declaration-model';
import { evaluationModel } from './layout/evaluation-model';
import { annualAmount, declarationOf, kindOf, kindOfForm, monitoringOf, namedForm, resolveForm } from './layout/kind-forms';
import { indicatorsAsText, sheetNameFor, type SheetModel } from './layout/sheet-model';
import { type HistoryStep, signaturesOf } from './layout/signatures';
import { PdfFontMissingError, writePdf } from './pdf/pdf-writer';
import { writePdfOffThread } from './pdf/render-pdf';
import { AMOUNT_FORMAT, amountValue, streamedWorkbook, tableSheet, WORKBOOK_CREATOR, writeSheet } from './xlsx/xlsx-writer';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const CONTENT_TYPES = { xlsx: XLSX_TYPE, pdf: 'application/pdf', zip: 'application/zip', docx: DOCX_TYPE } as const;

const FORM_LABEL: Record<ExportForm | 'publication', string> = { declaration: '申报表', evaluation: '自评表', monitoring: '监控表', publication: '绩效目标公开清单', ...KIND_EXPORT_FORM_LABELS };

/** A file name that is safe in a header and on every file system: no control, bidi (U+202E…) characters, separators or reserved marks. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || BIDI_CONTROLS.test(ch) || '"*/:<>?\\|'.includes(ch) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  return cleaned || 'export';
}

/** The export's `Content-Disposition`: its cleaned name, and `export.<ext>` for clients that only read ASCII. */
export function contentDisposition(fileName: string): string {
  const safe = safeFileName(fileName);
  const ext = /\.[a-z]+$/.exec(safe)?.[0] ?? '';
  return attachmentHeader(safe, `export${ext}`);
}

export interface FileAnswer {
  fileName: string;
  contentType: string;
  /** Writes the file to `out` and resolves when done. */
  write(out: Writable): Promise<void>;
}

/** Projects exported per batch: loaded this many at a time, so memory stays flat whatever the count. */
const BATCH = 20;

/**
 * A Word document is built whole in memory by the docx package (about 1 MB and 15–60 ms a project; 1,000 projects took
 * 870 MB and 80 s): a batch in Word is limited to this many projects, larger ones go by unit or as Excel / PDF / ZIP.
 */
export const MAX_DOCX_BATCH = 100;

/** Told after each project of a batch export (a background job stores it and may stop the export by throwing). */
export type ExportProgress = (done: number, total: number) => Promise<void>;

@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetStore,
    private readonly evaluations: EvaluationStore,
    private readonly monitoring: MonitoringStore,
    private readonly scope: OrgScopeService,
    private readonly attachments: AttachmentStore,
  ) {}

  /** One project's 申报表 / 自评表 / 监控表 as .xlsx, PDF or Word. */
  async projectFile(user: UserSummary, id: string, form: ExportForm, format: 'xlsx' | 'pdf' | 'docx'): Promise<FileAnswer> {
    const project = await this.targets.get(user, id);
    const model = await this.modelOf(user, project, form);
    // the file is named by the form drawn: a 部门整体 target's `declaration` is its 部门整体申报表
    return {
      fileName: `${project.name}-${FORM_LABEL[namedForm(form, kindOf(project))]}-${project.year}.${format}`,
      contentType: CONTENT_TYPES[format],
      write: (out) => (format === 'xlsx' ? this.writeWorkbook([model], out) : format === 'docx' ? writeDocx([model], out) : this.pdf([model], out)),
    };
  }

  /** Every visible project of a year (under an organisation) in one file, streamed. */
  async batch(user: UserSummary, q: BatchExportQueryDto, progress?: ExportProgress): Promise<FileAnswer> {
    if (q.form === 'publication' && q.format !== 'xlsx') throw badFormat('公开清单只能导出为 xlsx');
    const ids = await this.batchIds(user, q);
    if (q.format === 'docx' && ids.length > MAX_DOCX_BATCH)
      throw badFormat(`Word 一次最多导出 ${MAX_DOCX_BATCH} 个项目，本次选中 ${ids.length} 个：请按单位分批导出，或选择 Excel、PDF 或 ZIP`);
    const stem = `${q.year}年-${FORM_LABEL[q.form]}`;
    const format = q.format;
    return {
      fileName: `${stem}.${format}`,
      contentType: CONTENT_TYPES[format],
      write: async (out) => {
        if (q.form === 'publication') return this.publication(user, ids, out, progress);
        if (format === 'xlsx') return this.batchWorkbook(user, ids, q.form as ExportForm, out, progress);
        if (format === 'docx') return this.batchDocx(user, ids, q.form as ExportForm, out, progress);
        if (format === 'pdf') return this.batchPdf(user, ids, q.form as ExportForm, out, progress);
        return this.batchZip(user, ids, q.form as ExportForm, out, progress);
      },
    };
  }

  /** Write models to a workbook (non-streaming, for one project). */
  async writeWorkbook(models: readonly SheetModel[], out: Writable): Promise<void> {
    const wb = new ExcelJS.Workbook();
    wb.creator = WORKBOOK_CREATOR;
    const taken = new Set<string>();
    for (const m of models) writeSheet(wb.addWorksheet(sheetNameFor(m.sheetName, taken)), m);
    await wb.xlsx.write(out);
    out.end();
  }

  /** `offThread`: a batch, drawn on a worker thread (see render-pdf.ts); one form is drawn here. */
  private async pdf(models: SheetModel[], out: Writable, offThread = false): Promise<void> {
    try {
      await (offThread ? writePdfOffThread(models, out) : writePdf(models, out));
    } catch (e) {
      if (e instanceof PdfFontMissingError) throw new ApiHttpException(503, 'PDF_FONT_MISSING', '服务器缺少中文字体，暂时无法导出 PDF（请运行 scripts/ensure-fonts.sh）');
      throw e;
    }
  }

  /** `history`: the project's signing steps when the caller loaded them with others (a batch); otherwise read here. */
  private async modelOf(user: UserSummary, p: Project, form: ExportForm, sheetName?: string, history?: readonly HistoryStep[]): Promise<SheetModel> {
    const steps = async () => history ?? (await this.historyOf([p.id])).get(p.id) ?? [];
    const resolved = resolveForm(form, kindOf(p));
    if ('error' in resolved) throw new ApiHttpException(400, 'VALIDATION_FAILED', resolved.error, [{ field: 'form', message: resolved.error }]);
    form = resolved.form;
    if (form === 'declaration') return declarationOf(p, sheetName, signaturesOf(await steps(), ''), await this.frameworkOf(p));
    if (form === 'evaluation') return evaluationModel(p, await this.evaluations.get(user, p.id), sheetName, signaturesOf(await steps(), 'eval_'));
    return monitoringOf(p, await this.monitoring.get(user, p.id), sheetName, await this.frameworkOf(p));
  }

  /** The framework version the project was declared under (stored versions are cached by the store). */
  private async frameworkOf(p: Project): Promise<Framework | undefined> {
    return this.targets.frameworks.framework(p.frameworkCode, p.frameworkVersion);
  }

  private async batchIds(user: UserSummary, q: BatchExportQueryDto): Promise<string[]> {
    const orgIds = await this.scope.scopedOrgIds(user, q.orgId);
    // the 自评表 exists only for approved projects, and only approved (已批复) targets are published
    const approvedOnly = q.form === 'evaluation' || q.form === 'publication' || q.form.endsWith('-evaluation');
    // every kind of target; a kind's named form (department-declaration …) only the targets of that kind
    const kind = kindOfForm(q.form);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT p.id FROM project p JOIN org o ON o.id = p.org_id
        WHERE p.year = $1 AND p.org_id = ANY($2::uuid[]) ${approvedOnly ? `AND p.status = 'approved'` : ''} ${kind ? 'AND p.kind = $3' : ''}
        ORDER BY o.code, p.name, p.id`,
      kind ? [q.year, orgIds, kind] : [q.year, orgIds],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Load projects `BATCH` at a time and hand each to `fn` in order, telling `progress` after each. The next batch is
   * read while this one is drawn (PostgreSQL's time and the drawing's overlap). `parts = 'header'`: the rows only.
   */
  private async eachProject(
    user: UserSummary,
    ids: readonly string[],
    fn: (p: Project, index: number, history: readonly HistoryStep[]) => Promise<void>,
    progress?: ExportProgress,
    parts: 'whole' | 'header' = 'whole',
  ): Promise<void> {
    const read = (from: number) => {
      const chunkIds = ids.slice(from, from + BATCH);
      const loaded = Promise.all([
        this.targets.getMany(user, chunkIds, parts),
        // the signing steps of the whole chunk in one query, not one per project
        parts === 'header' ? new Map<string, HistoryStep[]>() : this.historyOf(chunkIds),
      ]);
      // a batch read ahead whose turn never comes (a failure before it) must not be an unhandled rejection
      loaded.catch(() => undefined);
      return loaded;
    };
    let next = ids.length ? read(0) : null;
    for (let i = 0; next; i += BATCH) {
      const [chunk, history] = await next;
      next = i + BATCH < ids.length ? read(i + BATCH) : null;
      for (const [k, p] of chunk.entries()) {
        await fn(p, i + k, history.get(p.id) ?? []);
        // let other requests in between two projects: a whole year is seconds of CPU
        await new Promise<void>((resolve) => setImmediate(resolve));
        await progress?.(i + k + 1, ids.length);
      }
    }
  }

  /** One workbook: an index sheet, then a sheet per project, each committed as soon as it is written. */
  private async batchWorkbook(user: UserSummary, ids: readonly string[], form: ExportForm, out: Writable, progress?: ExportProgress): Promise<void> {
    const wb = streamedWorkbook(out);
    const taken = new Set<string>(['目录']);
    const index = tableSheet(wb, '目录', [
      { header: '序号', width: 6 },
      { header: '单位', width: 36 },
      { header: '项目名称', width: 40 },
      { header: '状态', width: 10 },
      { header: DECLARATION_FUND_LABELS.annualTotal, width: 20 },
      { header: '工作表', width: 30 },
    ]);
    const names: string[] = [];
    await this.eachProject(user, ids, async (p, i) => {
      const sheetName = sheetNameFor(p.name, taken);
      names.push(sheetName);
      const amount = annualAmount(p);
      const row = index.addRow([i + 1, p.orgName, p.name, statusLabel(p.status), amount ? amountValue(amount) : null, sheetName]);
      row.getCell(5).numFmt = AMOUNT_FORMAT;
      row.commit();
    }, undefined, 'header');
    index.commit();
    await this.eachProject(user, ids, async (p, i, history) => {
      const ws = wb.addWorksheet(names[i]);
      writeSheet(ws as unknown as ExcelJS.Worksheet, await this.modelOf(user, p, form, names[i], history));
      ws.commit();
    }, progress);
    await wb.commit();
  }

  private async batchPdf(user: UserSummary, ids: readonly string[], form: ExportForm, out: Writable, progress?: ExportProgress): Promise<void> {
    const models: SheetModel[] = [];
    await this.eachProject(user, ids, async (p, _i, history) => {
      models.push(await this.modelOf(user, p, form, undefined, history));
    }, progress);
    await this.pdf(models, out, true);
  }

  /** One Word document, a section per project (docx is built in memory, then written to `out`). */
  private async batchDocx(user: UserSummary, ids: readonly string[], form: ExportForm, out: Writable, progress?: ExportProgress): Promise<void> {
    const models: SheetModel[] = [];
    await this.eachProject(user, ids, async (p, _i, history) => {
      models.push(await this.modelOf(user, p, form, undefined, history));
    }, progress);
    await writeDocx(models, out);
  }

  /** 填报人 / 审核人 and their dates from the project's history (`eval_` for the 自评表). */
  /** The signing steps (submissions, approvals, returns, adjustments) of the 申报表 and the 自评表 of these projects, oldest first. */
  private async historyOf(ids: readonly string[]): Promise<Map<string, HistoryStep[]>> {
    const rows: (HistoryStep & { project_id: string })[] = await this.dataSource.query(
      `SELECT project_id, action, user_name, at, review FROM project_history
        WHERE project_id = ANY($1::uuid[])
          AND action IN ('submit', 'approve', 'return', 'withdraw', 'adjust', 'eval_submit', 'eval_approve', 'eval_return', 'eval_withdraw')
        ORDER BY id`,
      [ids],
    );
    const byProject = new Map<string, HistoryStep[]>();
    for (const r of rows) {
      const list = byProject.get(r.project_id) ?? [];
      list.push(r);
      byProject.set(r.project_id, list);
    }
    return byProject;
  }


  /** A zip with one PDF per project, each generated while the zip streams the one before. */
  private async batchZip(user: UserSummary, ids: readonly string[], form: ExportForm, out: Writable, progress?: ExportProgress): Promise<void> {
    const zip = new ZipFile();
    const finished = new Promise<void>((resolve, reject) => {
      out.on('finish', () => resolve());
      out.on('close', () => resolve());
      out.on('error', reject);
    });
    zip.outputStream.pipe(out);
    const taken = new Set<string>();
    await this.eachProject(user, ids, async (p, i, history) => {
      const pass = new PassThrough();
      let name = `${String(i + 1).padStart(4, '0')}-${safeFileName(`${p.orgName}-${p.name}`)}.pdf`;
      if (taken.has(name)) name = name.replace(/\.pdf$/, `-${i}.pdf`);
      taken.add(name);
      zip.addReadStream(pass, name);
      await this.pdf([await this.modelOf(user, p, form, undefined, history)], pass);
      // the target's 佐证材料 beside its form, in a folder of the same name (streamed when the zip reaches them)
      for (const [k, a] of (await this.attachments.ofTargets([p.id])).entries()) {
        zip.addReadStream(await a.open(), `${name.replace(/\.pdf$/, '')}-佐证材料/${String(k + 1).padStart(2, '0')}-${safeFileName(a.name)}`);
      }
    }, progress);
    zip.end();
    await finished;
  }

  /** The publication list (重点项目支出绩效明细表): one row per project, the indicators as one text. */
  private async publication(user: UserSummary, ids: readonly string[], out: Writable, progress?: ExportProgress): Promise<void> {
    const wb = streamedWorkbook(out);
    const ws = tableSheet(wb, '绩效目标公开清单', [
      { header: '单位代码', width: 12 },
      { header: '单位名称', width: 34 },
      { header: '一级项目名称', width: 20 },
      { header: '二级项目名称', width: 30 },
      { header: '项目类别', width: 14 },
      { header: '金额（万元）', width: 14 },
      { header: '绩效指标', width: 90 },
    ]);
    const codes: { id: string; code: string }[] = await this.dataSource.query(
      `SELECT p.id, o.code FROM project p JOIN org o ON o.id = p.org_id WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    const code = new Map(codes.map((c) => [c.id, c.code]));
    ws.getRow(1).font = { bold: true };
    await this.eachProject(user, ids, async (p) => {
      // the data has no 一级项目名称 (项目性质 is not one): the column stays empty, the project is the 二级项目
      // 部门整体 and 政策 targets are listed too: their kind in 项目类别, their year's money (资金总额, 年度资金规模) as 金额
      const kind = kindOf(p);
      const amount = tenThousands(annualAmount(p));
      const category = kind === 'project' ? (p.category ?? '') : TARGET_KIND_LABELS[kind];
      const row = ws.addRow([code.get(p.id) ?? '', p.orgName, '', p.name, category, amount === '' ? '' : amountValue(amount), indicatorsAsText(p, await this.frameworkOf(p))]);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.getCell(6).numFmt = AMOUNT_FORMAT;
      row.commit();
    }, progress);
    ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
    ws.commit();
    await wb.commit();
  }
}

function badFormat(message: string): ApiHttpException {
  return new ApiHttpException(400, 'VALIDATION_FAILED', message, [{ field: 'format', message }]);
}



/** Yuan → 万元 with two decimals, half-up, in exact decimals (no float). */
export function tenThousands(yuan: string | null): string {
  return yuan ? Dec.of(yuan).div(Dec.fromInt(10000)).toFixed(2) : '';
}
