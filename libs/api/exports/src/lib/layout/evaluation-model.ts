import {
  ANNUAL_TARGET_COLUMN,
  EVALUATION_FIELD_LABELS as E,
  formatWan,
  FUNDS_BLOCK_LABEL,
  FUNDS_COLUMN_LABELS as COL,
  FUNDS_ROW_LABELS as ROW,
  FUNDS_SOURCES,
  type FundsSource,
  getFramework,
  INDICATOR_COLUMN_LABELS as IND,
  KIND_FORM_LABELS,
  PROJECT_FIELD_LABELS as F,
  WAN_SUFFIX,
  yuanToWan,
} from '@pt/domain';
import type { Evaluation, Project, TargetKindKey } from '@pt/shared/contracts';
import { reportRows } from './report-rows';
import { type BlockCell, EVALUATION_TITLE, indicatorSheet, labelCell, NO_SIGNATURES, type SheetModel, signatureRows, type Signatures, v } from './sheet-model';

const GRADE_TEXT: Record<string, string> = { 达成: '达成年度指标', 部分达成: '部分达成年度指标并具有一定效果', 未达成: '未达成年度指标且效果较差' };

/**
 * The 自评表 prints its funds in 万元 (财预〔2020〕10号 附件1: "项目资金（万元）") with two decimals, as the published
 * self-evaluations do (4 decimals would show the yuan, but no published form prints them): PDF and Word round half-up
 * once for printing; the .xlsx cell holds the exact 万元 (12.345678 for 123,456.78 元) under the format #,##0.00,
 * so a sum in Excel is exact. The 执行率 and its score are the scoring's, from the yuan amounts.
 */
export function wanCell(yuan: string | null | undefined, span?: number): BlockCell {
  const wan = yuanToWan(yuan);
  return wan === null ? { text: '', span } : { text: formatWan(yuan), amount: wan, span };
}

/**
 * What the 自评表 of each kind of target prints differently: its title, the name's label and the funds block's (部门整体
 * 自评 reports the unit's budget execution in the same block: 年初预算数, 全年预算数, 全年执行数 by source, 执行率).
 */
export const EVALUATION_KIND_LAYOUT: Readonly<Record<TargetKindKey, { title: string; name: string; funds: string }>> = {
  project: { title: EVALUATION_TITLE, name: F.name, funds: FUNDS_BLOCK_LABEL },
  department: { title: KIND_FORM_LABELS.department.evaluation, name: KIND_FORM_LABELS.department.name, funds: KIND_FORM_LABELS.department.funds },
  policy: { title: KIND_FORM_LABELS.policy.evaluation, name: KIND_FORM_LABELS.policy.name, funds: KIND_FORM_LABELS.policy.funds },
};

const dash: BlockCell = { text: '—' };

/** 自评表 (§8, 10号 附件1): header, the funds block, the annual goal expected vs achieved, the table with actuals and scores, total, grade, signatures. */
export function evaluationModel(p: Project & { kind?: TargetKindKey }, e: Evaluation, sheetName = p.name, signatures: Signatures = NO_SIGNATURES): SheetModel {
  const layout = EVALUATION_KIND_LAYOUT[p.kind ?? 'project'];
  // the funds block as the evaluation has it (10号 附件1): the total row scored, each source row 其中 with its three amounts
  const funds = e.funds;
  const source = (s: FundsSource): BlockCell[] => {
    const r = funds[s];
    return [labelCell(ROW[s]), wanCell(r.initialBudget), wanCell(r.annualBudget), wanCell(r.executed), dash, { text: '' }, { ...dash, span: 2 }];
  };
  const header: BlockCell[][] = [
    [labelCell(layout.name), { text: p.name, span: 7 }],
    [labelCell(F.department), { text: v(p.departmentName), span: 3 }, labelCell(F.org), { text: p.orgName, span: 3 }],
    [labelCell(layout.funds + WAN_SUFFIX), labelCell(COL.initialBudget), labelCell(COL.annualBudget), labelCell(COL.executed), labelCell(IND.weight), labelCell(E.executionRate), labelCell(E.score, 2)],
    [
      labelCell(ROW.total),
      wanCell(funds.total.initialBudget),
      wanCell(funds.total.annualBudget),
      wanCell(funds.total.executed),
      { text: '10' },
      { text: funds.total.executed === null ? '' : `${e.executionRate}%` },
      { text: e.executionScore, span: 2 },
    ],
    ...FUNDS_SOURCES.map(source),
    [labelCell(F.annualGoal), labelCell(E.goalExpected), { text: v(p.annualGoal), span: 6 }],
    [labelCell(''), labelCell(E.goalAchievement), { text: v(e.goalAchievement), span: 6 }],
  ];
  // the framework version the project was scored with
  const cells = (it: Evaluation['items'][number]): string[] => {
    const unit = it.target.unit ?? '';
    let actual = '';
    if (it.input.actual !== null) actual = `${it.input.actual}${unit.replace(/[()（）]/g, '')}`;
    else if (it.input.grade) actual = `${GRADE_TEXT[it.input.grade]}${it.input.description ? `：${it.input.description}` : ''}`;
    else if (it.input.achieved !== null) actual = it.input.achieved ? '达成' : '未达成';
    else if (it.input.description) actual = it.input.description;
    return [actual, it.weight, it.score, v(it.input.deviationReason)];
  };
  return indicatorSheet({
    sheetName,
    title: layout.title,
    year: p.year,
    items: e.items,
    framework: e.basis?.framework ?? getFramework(p.frameworkCode),
    targetHeader: ANNUAL_TARGET_COLUMN,
    // the funds block shares the grid: 年初预算数 … 执行率 fall on columns 2–6, so none is narrower than an amount
    // a 部门整体 or 政策 form's longer labels (部门（单位）预算资金（万元）) need a wider first column
    widths: [p.kind && p.kind !== 'project' ? 16 : 13, 15, 28, 18],
    more: [
      { header: E.actual, width: 20 },
      { header: IND.weight, width: 10 },
      { header: E.score, width: 9 },
      { header: E.deviationReason, width: 28 },
    ],
    cells,
    header,
    footer: [
      [labelCell(E.totalScore, 5), { text: e.totalScore, span: 3 }],
      [labelCell(E.grade, 5), { text: e.grade, span: 3 }],
      ...reportRows(e.report, 8),
      ...signatureRows(signatures, 8),
    ],
  });
}
