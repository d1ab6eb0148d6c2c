import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ANNUAL_TARGET_COLUMN,
  DECLARATION_TARGET_COLUMN,
  EVALUATION_FIELD_LABELS,
  FUND_FIELDS,
  FUND_LABELS,
  FUNDS_BLOCK_LABEL,
  FUNDS_COLUMN_LABELS,
  FUNDS_ROW_LABELS,
  INDICATOR_COLUMN_LABELS,
  MONITORING_FIELD_LABELS,
  OF_WHICH,
  PROJECT_FIELD_LABELS,
  WAN_SUFFIX,
  YUAN_SUFFIX,
} from '@pt/domain';
import type { Evaluation, Monitoring, Project } from '@pt/shared/contracts';
import { declarationModel } from './declaration-model';
import { evaluationModel } from './evaluation-model';
import { monitoringModel, type SheetModel } from './sheet-model';

/** Every label of the field catalogue (libs/domain fields/). */
const CATALOGUE = new Set<string>([
  ...[PROJECT_FIELD_LABELS, FUND_LABELS, INDICATOR_COLUMN_LABELS, EVALUATION_FIELD_LABELS, FUNDS_ROW_LABELS, FUNDS_COLUMN_LABELS, MONITORING_FIELD_LABELS].flatMap(
    (labels) => Object.values(labels) as string[],
  ),
  ...Object.values(FUND_FIELDS).map((f) => f.printed),
  FUNDS_BLOCK_LABEL,
  DECLARATION_TARGET_COLUMN,
  ANNUAL_TARGET_COLUMN,
]);
/** A label as a form prints it: `其中：` before, `（元）` / `（万元）` after. */
const bare = (text: string) => text.replace(OF_WHICH, '').replace(YUAN_SUFFIX, '').replace(WAN_SUFFIX, '');

const project = {
  year: 2024,
  name: '交流办对口支援项目经费',
  orgName: '上海市杨浦区人民政府合作交流办公室',
  departmentName: '上海市杨浦区人民政府办公室',
  frameworkCode: 'mof-2021',
  funds: {},
  indicators: [],
} as unknown as Project;
const row = { initialBudget: null, annualBudget: null, executed: null };
const evaluation = { funds: { total: row, fiscal: row, carryover: row, other: row }, items: [], executionRate: null, executionScore: '0', totalScore: '0', grade: '差' } as unknown as Evaluation;
const monitoring = { month: 7, budget: {}, budgetLight: { light: 'none', executionRate: null }, light: 'none', items: [] } as unknown as Monitoring;

const MODELS: Array<[string, SheetModel]> = [
  ['申报表', declarationModel(project)],
  ['自评表', evaluationModel(project, evaluation)],
  ['运行监控表', monitoringModel(project, monitoring)],
];

describe('the export layouts take their header labels and column headers from the field catalogue', () => {
  test.each(MODELS)('%s: every header label and column header is a catalogue label', (_form, model) => {
    const labels = model.header.flatMap((line) => line.filter((c) => c.label && c.text !== '').map((c) => c.text));
    const texts = [...labels, ...model.columns.map((c) => c.header)];
    expect(labels.length).toBeGreaterThan(3);
    expect(texts.filter((t) => !CATALOGUE.has(bare(t)))).toEqual([]);
  });

  test('no layout source types a catalogue label again (a string literal equal to one)', () => {
    const typed: string[] = [];
    for (const file of ['declaration-model.ts', 'evaluation-model.ts', 'sheet-model.ts']) {
      const code = fs.readFileSync(path.join(__dirname, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
      for (const m of code.matchAll(/'([^'\n]+)'/g)) if (CATALOGUE.has(bare(m[1]))) typed.push(`${file}: ${m[1]}`);
    }
    expect(typed).toEqual([]);
  });
});
