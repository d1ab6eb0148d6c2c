import ExcelJS from 'exceljs';
import { docxText, docxXml, pdfText } from './file-tools';
import { approveAll, createTarget, type Tokens, xiningDepartment } from './target-exports-helpers';
import { binary, login, TEST_DB, useTestApp, VALID_ROWS } from './test-app';

/** A PDF's text without white space (pdftotext breaks the table's cells into lines). */
const pdfWords = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');
/** A Word document's text. */
const wordText = (docx: Buffer) => docxText(docxXml(docx));
const workbook = async (body: Buffer) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
};
/** The values of a row, without exceljs' empty first slot. */
const rowValues = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
/** The first row whose first cell is `text`. */
const rowStarting = (ws: ExcelJS.Worksheet, text: string) => {
  for (let n = 1; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(1).value === text) return n;
  return -1;
};

const YEAR = 2033;
const MID_ROWS = [
  { level1: '产出指标', level2: '数量指标', name: '接待团组数量', target: '≥200个' },
  { level1: '效益指标', level2: '经济效益指标', name: '带动投资额', target: '≥5亿元' },
];

/**
 * The exported forms of the 部门（单位）整体 and 政策 targets (issue 15) in .xlsx, PDF and Word: each kind's 申报表 in
 * its published layout, `declaration` following the kind, a kind's form refused on another kind, the 部门整体 自评表,
 * and the batch exports and the publication list with every kind.
 */
describe(`exports of every kind of target (${TEST_DB})`, () => {
  const t = useTestApp();
  const tok: Tokens = {};
  const org: Record<string, string> = {};
  const ids: Record<'department' | 'policy' | 'project', string> = { department: '', policy: '', project: '' };
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const download = (url: string, user = 'czj') => t.http.get(url).set(auth(user)).buffer(true).parse(binary);

  beforeAll(async () => {
    for (const u of ['xining', 'hzb', 'czj', 'yangpu', 'ypb']) tok[u] = await login(t, u);
    for (const o of (await t.http.get('/api/orgs').set(auth('czj')).expect(200)).body as { id: string; code: string }[]) org[o.code] = o.id;
    const api = { http: t.http, tok };
    const dept = await createTarget(
      api,
      'xining',
      xiningDepartment(org['HZB-XN'], YEAR, '保障驻西宁办事处运行，完成对口支援任务', [
        { name: '对口支援', content: '青海果洛州对口支援项目', amount: '3000000.00', fiscal: '3000000.00', other: '0.00' },
        { name: '机关运行', content: '人员和日常公用经费', amount: '8000000.00', fiscal: '7521400.00', other: '478600.00' },
      ]),
    );
    ids.department = dept.id;
    await approveAll(api, dept, ['xining', 'hzb', 'czj']);
    const policy = await createTarget(
      api,
      'yangpu',
      {
        kind: 'policy',
        year: YEAR,
        orgId: org['YPB-BB'],
        frameworkCode: 'mof-2021',
        name: '对口地区产业帮扶政策',
        totalGoal: '三年内帮扶产业项目30个',
        annualGoal: '本年帮扶产业项目10个',
        policy: { basis: '沪府办〔2032〕12号', startYear: YEAR, endYear: YEAR + 2, totalFunds: '90000000.00', annualFunds: '30000000.00' },
      },
      VALID_ROWS,
      MID_ROWS,
    );
    ids.policy = policy.id;
    await approveAll(api, policy, ['yangpu', 'ypb', 'czj']);
    const funds = { total: '500000.00', fiscal: '500000.00', other: '0.00', annualTotal: '500000.00', annualFiscal: '500000.00', carryover: '0.00', annualOther: '0.00' };
    const project = await createTarget(api, 'xining', { kind: 'project', year: YEAR, orgId: org['HZB-XN'], frameworkCode: 'mof-2021', name: '导出测试项目', funds });
    ids.project = project.id;
  });

  it('.xlsx 部门（单位）整体支出绩效目标申报表: name and year, the budget by source and nature as numbers, the tasks with 合计, the goal, the table', async () => {
    for (const form of ['declaration', 'department-declaration']) {
      const res = await download(`/api/targets/${ids.department}/export?form=${form}&format=xlsx`).expect(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(`上海市人民政府驻西宁办事处-部门整体申报表-${YEAR}.xlsx`));
      const ws = (await workbook(res.body)).worksheets[0];
      expect([ws.getCell('A1').value, ws.getCell('A2').value]).toEqual(['部门（单位）整体支出绩效目标申报表', `（${YEAR}年度）`]);
      expect(rowValues(ws, 3)).toEqual(['部门（单位）名称', '上海市人民政府驻西宁办事处', '上海市人民政府驻西宁办事处', '年度', String(YEAR)]);
      const budget = rowStarting(ws, '年度预算申请（元）');
      expect(rowValues(ws, budget).slice(0, 3)).toEqual(['年度预算申请（元）', '资金总额', 12478600]);
      expect(rowValues(ws, budget + 1)).toEqual(['按收入性质分', '其中：财政拨款', 12000000, '其他资金', 478600]);
      expect(rowValues(ws, budget + 2)).toEqual(['按支出性质分', '其中：基本支出', 8000000, '项目支出', 4478600]);
      expect(ws.getCell(budget, 3).numFmt).toBe('#,##0.00');
      const tasks = rowStarting(ws, '任务名称');
      expect(rowValues(ws, tasks)).toEqual(['任务名称', '主要内容', '总额', '财政拨款', '其他资金']);
      expect(rowValues(ws, tasks + 1)).toEqual(['对口支援', '青海果洛州对口支援项目', 3000000, 3000000, 0]);
      expect(rowValues(ws, tasks + 2)).toEqual(['机关运行', '人员和日常公用经费', 8000000, 7521400, 478600]);
      expect(rowValues(ws, tasks + 3)).toEqual(['合计', '合计', 11000000, 10521400, 478600]);
      expect(rowValues(ws, tasks + 4).slice(0, 2)).toEqual(['年度总体目标', '保障驻西宁办事处运行，完成对口支援任务']);
      const head = rowStarting(ws, '一级指标');
      expect(rowValues(ws, head)).toEqual(['一级指标', '二级指标', '三级指标', '年度(/项目)指标值', '分值']);
      expect([1, 2, 3, 4].map((k) => ws.getCell(head + k, 3).value)).toEqual(VALID_ROWS.map((r) => r.name));
    }
  });

  it('PDF and Word of the 部门整体 申报表 print the same fields and amounts', async () => {
    const pdf = pdfWords((await download(`/api/targets/${ids.department}/export?form=declaration&format=pdf`).expect(200)).body);
    const docx = wordText((await download(`/api/targets/${ids.department}/export?form=declaration&format=docx`).expect(200)).body);
    for (const text of [pdf, docx])
      for (const s of ['部门（单位）整体支出绩效目标申报表', '部门（单位）名称', '上海市人民政府驻西宁办事处', '年度预算申请', '12,478,600.00', '其中：基本支出', '8,000,000.00', '年度主要任务', '青海果洛州对口支援项目', '10,521,400.00', '年度总体目标', '接待团组数量', '≥60个'])
        expect([s, text.includes(s)]).toEqual([s, true]);
  });

  it('政策绩效目标申报表 in .xlsx, PDF and Word: the policy fields and each indicator’s 中期 and 年度 value', async () => {
    const res = await download(`/api/targets/${ids.policy}/export?form=policy-declaration&format=xlsx`).expect(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`对口地区产业帮扶政策-政策申报表-${YEAR}.xlsx`));
    const ws = (await workbook(res.body)).worksheets[0];
    expect(ws.getCell('A1').value).toBe('政策绩效目标申报表');
    expect(rowValues(ws, rowStarting(ws, '主管部门'))).toEqual(['主管部门', '上海市杨浦区人民政府办公室', '上海市杨浦区人民政府办公室', '实施期', `${YEAR}年—${YEAR + 2}年`]);
    expect(ws.getCell(rowStarting(ws, '政策依据'), 2).value).toBe('沪府办〔2032〕12号');
    expect(rowValues(ws, rowStarting(ws, '资金规模总额（元）'))).toEqual(['资金规模总额（元）', 90000000, 90000000, '年度资金规模（元）', 30000000]);
    expect(ws.getCell(rowStarting(ws, '中期目标'), 2).value).toBe('三年内帮扶产业项目30个');
    const head = rowStarting(ws, '一级指标');
    expect(rowValues(ws, head)).toEqual(['一级指标', '二级指标', '三级指标', '中期指标值', '年度指标值']);
    const body = [1, 2, 3, 4, 5].map((k) => rowValues(ws, head + k).slice(2));
    expect(body).toEqual([
      ['接待团组数量', '≥200个', '≥60个'],
      ['公务用车保障率', '', '>=90%'],
      ['带动投资额', '≥5亿元', ''],
      ['合作交流工作支撑作用', '', '支撑作用明显'],
      ['服务对象满意度', '', '≥90%'],
    ]);
    const pdf = pdfWords((await download(`/api/targets/${ids.policy}/export?form=declaration&format=pdf`).expect(200)).body);
    const docx = wordText((await download(`/api/targets/${ids.policy}/export?form=declaration&format=docx`).expect(200)).body);
    for (const text of [pdf, docx])
      for (const s of ['政策绩效目标申报表', '政策名称', '对口地区产业帮扶政策', '政策依据', '实施期', '90,000,000.00', '中期目标', '年度目标', '中期指标值', '≥200个', '≥5亿元'])
        expect([s, text.includes(s)]).toEqual([s, true]);
  });

  it('refuses a kind’s form on a target of another kind with a Chinese 400 naming form; another unit’s target and /api/projects/:id/export of another kind are a 404', async () => {
    const cases: [string, string, string][] = [
      [ids.project, 'department-declaration', '表单 department-declaration 只适用于部门（单位）整体绩效目标，该目标是项目绩效目标'],
      [ids.department, 'policy-declaration', '表单 policy-declaration 只适用于政策绩效目标，该目标是部门（单位）整体绩效目标'],
      [ids.policy, 'department-evaluation', '表单 department-evaluation 只适用于部门（单位）整体绩效目标，该目标是政策绩效目标'],
    ];
    for (const [id, form, message] of cases) {
      const res = await t.http.get(`/api/targets/${id}/export?form=${form}&format=pdf`).set(auth('czj')).expect(400);
      expect([res.body.code, res.body.message, res.body.details]).toEqual(['VALIDATION_FAILED', message, [{ field: 'form', message }]]);
    }
    const bad = await t.http.get(`/api/targets/${ids.department}/export?form=whole&format=pdf`).set(auth('czj')).expect(400);
    expect(bad.body.details[0]).toMatchObject({ field: 'form' });
    await t.http.get(`/api/targets/${ids.department}/export?form=declaration&format=pdf`).set(auth('yangpu')).expect(404);
    // /api/projects is narrowed to projects
    await t.http.get(`/api/projects/${ids.department}/export?form=declaration&format=pdf`).set(auth('czj')).expect(404);
    await t.http.get(`/api/projects/${ids.project}/export?form=declaration&format=pdf`).set(auth('czj')).expect(200);
  });

  it('部门整体自评表: the table with actuals and the unit’s budget execution in 万元', async () => {
    const url = `/api/targets/${ids.department}`;
    const doc = (await t.http.get(url).set(auth('xining')).expect(200)).body;
    const items = doc.indicators.map((i: { id: string }, k: number) => (k === 2 ? { indicatorId: i.id, grade: '达成', description: '支撑作用明显' } : { indicatorId: i.id, actual: ['66', '96', '', '93'][k] }));
    await t.http.put(`${url}/evaluation`).set(auth('xining')).set('If-Match', `"${doc.version}"`).send({ budget: { annualBudget: '12478600.00', executed: '11000000.00' }, items }).expect(200);
    for (const form of ['evaluation', 'department-evaluation']) {
      const res = await download(`${url}/export?form=${form}&format=xlsx`).expect(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('部门整体自评表'));
      const ws = (await workbook(res.body)).worksheets[0];
      expect(ws.getCell('A1').value).toBe('部门（单位）整体支出绩效自评表');
      expect(ws.getCell('A3').value).toBe('部门（单位）名称');
      expect(rowValues(ws, rowStarting(ws, '部门（单位）预算资金（万元）')).slice(0, 4)).toEqual(['部门（单位）预算资金（万元）', '年初预算数', '全年预算数', '全年执行数']);
      expect(rowValues(ws, rowStarting(ws, '年度资金总额')).slice(2, 4)).toEqual([1247.86, 1100]);
      const head = rowStarting(ws, '一级指标');
      expect(ws.getCell(head + 1, 5).value).toBe('66个');
    }
    const pdf = pdfWords((await download(`${url}/export?form=evaluation&format=pdf`).expect(200)).body);
    const docx = wordText((await download(`${url}/export?form=evaluation&format=docx`).expect(200)).body);
    for (const text of [pdf, docx]) for (const s of ['部门（单位）整体支出绩效自评表', '1,247.86', '1,100.00', '66个', '自评等级']) expect([s, text.includes(s)]).toEqual([s, true]);
  });

  it('batch exports hold every kind, each in its own form; a kind’s form takes only that kind', async () => {
    const all = await workbook((await download(`/api/exports?year=${YEAR}&form=declaration&format=xlsx`).expect(200)).body);
    // by organisation code, then name
    expect(all.worksheets.map((w) => w.name)).toEqual(['目录', '上海市人民政府驻西宁办事处', '导出测试项目', '对口地区产业帮扶政策']);
    expect(all.worksheets.slice(1).map((w) => w.getCell('A1').value)).toEqual(['部门（单位）整体支出绩效目标申报表', '财政项目支出绩效目标申报表', '政策绩效目标申报表']);
    expect(rowValues(all.worksheets[0], 2).slice(2, 5)).toEqual(['上海市人民政府驻西宁办事处', '已批复', 12478600]);
    const only = await workbook((await download(`/api/exports?year=${YEAR}&form=department-declaration&format=xlsx`).expect(200)).body);
    expect(only.worksheets.map((w) => w.name)).toEqual(['目录', '上海市人民政府驻西宁办事处']);
    const hzb = pdfWords((await download(`/api/exports?year=${YEAR}&form=declaration&format=pdf`, 'hzb').expect(200)).body);
    expect([hzb.includes('部门（单位）整体支出绩效目标申报表'), hzb.includes('财政项目支出绩效目标申报表'), hzb.includes('对口地区产业帮扶政策')]).toEqual([true, true, false]);
  });

  it('the publication list includes the approved 部门整体 and 政策 targets, their kind as 项目类别, their year’s money in 万元', async () => {
    const ws = (await workbook((await download(`/api/exports?year=${YEAR}&form=publication&format=xlsx`).expect(200)).body)).worksheets[0];
    // the draft project is not published; 一级项目名称 stays empty
    expect(ws.rowCount).toBe(3);
    expect([2, 3].map((n) => rowValues(ws, n).slice(0, 6))).toEqual([
      ['HZB-XN', '上海市人民政府驻西宁办事处', undefined, '上海市人民政府驻西宁办事处', '部门（单位）整体', 1247.86],
      ['YPB-BB', '上海市杨浦区人民政府办公室本部', undefined, '对口地区产业帮扶政策', '政策', 3000],
    ]);
    expect(String(ws.getCell('G2').value)).toContain('数量指标: 接待团组数量≥60个');
  });
});
