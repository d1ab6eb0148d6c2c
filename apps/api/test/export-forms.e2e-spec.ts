import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { docxText, docxXml, pdfText } from './file-tools';
import { binary, createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/** The PDF's text without white space (pdftotext breaks lines and pads columns). */
const flatPdfText = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, '');

/** label → the cell to its right, over a worksheet (merged cells: the first cell after the label's run). */
function labelValues(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const out = new Map<string, ExcelJS.Cell>();
  ws.eachRow((row) => {
    for (let c = 1; c < ws.columnCount; c++) {
      const cell = row.getCell(c);
      if (typeof cell.value !== 'string' || !cell.font?.bold || out.has(cell.value)) continue;
      let next = c + 1;
      while (next <= ws.columnCount && row.getCell(next).isMerged && row.getCell(next).master === cell) next++;
      out.set(cell.value, row.getCell(next));
    }
  });
  return out;
}

/**
 * The exported forms of issue 12: the 申报表 with every header field and a value cell for every label, amounts as
 * numbers, rows grouped by 一级, the published title and the signature footer — in .xlsx, PDF and Word; the 自评表 in
 * 万元; the publication list with approved targets only.
 */
describe(`exported forms (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  let orgId = '';
  let approvedId = '';
  let draftId = '';
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const download = (url: string, user = 'czj') => t.http.get(url).set(auth(user)).buffer(true).parse(binary);
  // entered out of 一级 order: 产出指标 twice apart
  const ROWS = [
    { level1: '满意度指标', level2: '服务对象满意度指标', name: '服务对象满意度', target: '≥90%' },
    { level1: '产出指标', level2: '质量指标', name: '公务用车保障率', target: '>=90%' },
    { level1: '效益指标', level2: '社会效益指标', name: '合作交流工作支撑作用', target: '支撑作用明显' },
    { level1: '产出指标', level2: '数量指标', name: '接待团组数量', target: '≥60个' },
  ];
  const GROUPED = ['接待团组数量', '公务用车保障率', '合作交流工作支撑作用', '服务对象满意度'];
  const HEADER = {
    nature: '经常性专项业务费',
    category: '特定目标类',
    startDate: '2026-01-01',
    endDate: '2026-12-31',
    governmentPurchase: true,
    performanceType: '其他类',
    funds: { total: '1200000.00', fiscal: '1000000.00', other: '200000.00', annualTotal: '1200000.00', annualFiscal: '900000.00', carryover: '100000.00', annualOther: '200000.00' },
    lastYearBudget: '1100000.00',
    overview: '项目概况文字',
    basis: '立项依据文字',
    necessity: '必要性文字',
    measures: '制度措施文字',
    plan: '实施计划文字',
    totalGoal: '总目标文字',
    annualGoal: '=1+1 年度目标',
  };

  async function project(name: string, approve: boolean): Promise<string> {
    const created = await t.http.post('/api/projects').set(auth('xining')).send({ year: 2026, name, orgId, frameworkCode: 'mof-2021', ...HEADER }).expect(201);
    const id = created.body.id as string;
    let r = await t.http.put(`/api/projects/${id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: ROWS }).expect(200);
    if (!approve) return id;
    r = await t.http.post(`/api/projects/${id}/transitions`).set(auth('xining')).set('If-Match', r.headers['etag']).send({ action: 'submit' }).expect(200);
    r = await t.http.post(`/api/projects/${id}/transitions`).set(auth('hzb')).set('If-Match', r.headers['etag']).send({ action: 'approve' }).expect(200);
    r = await t.http.post(`/api/projects/${id}/transitions`).set(auth('czj')).set('If-Match', r.headers['etag']).send({ action: 'approve' }).expect(200);
    expect(r.body.status).toBe('approved');
    return id;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['xining', 'hzb', 'czj']) tok[u] = await login(t, u);
    orgId = (await t.http.get('/api/auth/me').set(auth('xining')).expect(200)).body.orgId;
    approvedId = await project('导出表单测试项目', true);
    draftId = await project('导出表单测试草稿', false);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('.xlsx 申报表: published title, every §2 field with its value, amounts as numbers (#,##0.00), rows grouped by 一级, signatures', async () => {
    const res = await download(`/api/projects/${approvedId}/export?form=declaration&format=xlsx`).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('财政项目支出绩效目标申报表');
    const v = labelValues(ws);
    const text = (label: string) => v.get(label)?.value;
    expect([text('项目性质'), text('项目类别'), text('是否含有政府购买服务'), text('绩效类型')]).toEqual(['经常性专项业务费', '特定目标类', '是', '其他类']);
    expect([text('计划开始日期'), text('计划完成日期'), text('项目概况'), text('项目实施计划'), text('年度总体目标')]).toEqual(['2026-01-01', '2026-12-31', '项目概况文字', '实施计划文字', '=1+1 年度目标']);
    const amounts: [string, number][] = [
      ['项目资金总额（元）', 1200000],
      ['其中：财政资金', 1000000],
      ['其中：其他资金', 200000],
      ['年度资金申请总额（元）', 1200000],
      ['其中：当年财政拨款', 900000],
      ['上年结转资金', 100000],
      ['其他资金', 200000],
      ['同名项目上年预算额（元）', 1100000],
    ];
    for (const [label, n] of amounts) {
      const cell = v.get(label);
      expect([label, cell?.type, cell?.value, cell?.numFmt]).toEqual([label, ExcelJS.ValueType.Number, n, '#,##0.00']);
    }
    // no value cell carries a label's text any more; a text that looks like a formula stays text
    expect(v.get('同名项目上年预算执行数（元）')?.value ?? '').toBe('');
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    expect(cells.filter((c) => typeof c.value === 'string' && /^其他资金\s*[\d,]/.test(c.value))).toEqual([]);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);

    // the table: 产出指标 as one merged block, then 效益, 满意度 (entered out of order)
    const head = ws.getColumn(1).values.findIndex((x) => x === '一级指标');
    expect(ws.getRow(head).values).toEqual([undefined, '一级指标', '二级指标', '三级指标', '年度(/项目)指标值', '分值']);
    expect([1, 2, 3, 4].map((k) => ws.getCell(`C${head + k}`).value)).toEqual(GROUPED);
    expect([1, 3, 4].map((k) => ws.getCell(`A${head + k}`).value)).toEqual(['产出指标', '效益指标', '满意度指标']);
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toContain(`A${head + 1}:A${head + 2}`);
    // the signature footer after the table: who submitted and who approved, and when (China time)
    expect(text('填报人')).toBe('西宁办填报人');
    expect(text('审核人')).toBe('合作交流办审核人、财政局审核人');
    expect(String(text('填报日期'))).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ws.getCell(`A${head + 5}`).value).toBe('填报人');
    // a draft has nobody yet: blank lines to sign
    const draft = new ExcelJS.Workbook();
    await draft.xlsx.load((await download(`/api/projects/${draftId}/export?form=declaration&format=xlsx`, 'xining').expect(200)).body);
    const dv = labelValues(draft.worksheets[0]);
    expect([dv.get('填报人')?.value ?? '', dv.get('审核人')?.value ?? '', dv.get('填报日期')?.value ?? '']).toEqual(['', '', '']);
  });

  it('the .xlsx still imports: the new layout reads back with the same header, funds and (grouped) rows', async () => {
    const res = await download(`/api/projects/${approvedId}/export?form=declaration&format=xlsx`).expect(200);
    const imported = await t.http
      .post(`/api/imports/xlsx?dryRun=true&orgId=${orgId}`)
      .set(auth('xining'))
      .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(res.body as Buffer)
      .expect(200);
    expect(imported.body.problems).toEqual([]);
    const got = imported.body.projects[0];
    expect(got.funds).toEqual(HEADER.funds);
    expect(got.annualGoal).toBe(HEADER.annualGoal);
    expect(got.indicators.map((i: { name: string }) => i.name)).toEqual(GROUPED);
  });

  it('PDF 申报表: the same fields, amounts with separators, grouped rows, the footer', async () => {
    const text = flatPdfText((await download(`/api/projects/${approvedId}/export?form=declaration&format=pdf`).expect(200)).body);
    // a long label wraps in its cell, so labels and values are looked for one by one where they may
    for (const s of ['财政项目支出绩效目标申报表', '是否含有政府', '绩效类型其他类', '其中：其他资金200,000.00', '1,200,000.00', '1,100,000.00', '填报人西宁办填报人'])
      expect([s, text.includes(s)]).toEqual([s, true]);
    const at = GROUPED.map((n) => text.indexOf(n));
    expect(at.every((x, i) => x > 0 && (i === 0 || x > at[i - 1]))).toBe(true);
  });

  it('Word 申报表 and 自评表: tables with merged 一级 cells, the fields, A4 (the 自评表 landscape); batch Word too', async () => {
    const res = await download(`/api/projects/${approvedId}/export?form=declaration&format=docx`).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1])).toBe('导出表单测试项目-申报表-2026.docx');
    const xml = docxXml(res.body);
    const text = docxText(xml);
    for (const s of ['财政项目支出绩效目标申报表', '（2026年度）', '是否含有政府购买服务', '其中：其他资金', '200,000.00', '1,200,000.00', '填报人', '西宁办填报人', '=1+1 年度目标'])
      expect([s, text.includes(s)]).toEqual([s, true]);
    const at = GROUPED.map((n) => text.indexOf(n));
    expect(at.every((x, i) => x > 0 && (i === 0 || x > at[i - 1]))).toBe(true);
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tblHeader/>');

    const ev = docxXml((await download(`/api/projects/${approvedId}/export?form=evaluation&format=docx`).expect(200)).body);
    expect(docxText(ev)).toContain('项目支出绩效自评表');
    expect(docxText(ev)).toContain('项目资金（万元）');
    expect(ev).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/);

    // the batch workbook's index: the amount is a number too
    const index = new ExcelJS.Workbook();
    await index.xlsx.load((await download('/api/exports?year=2026&form=declaration&format=xlsx').expect(200)).body);
    const listed = index.worksheets[0].getRow(1).values as unknown[];
    const amountCol = listed.indexOf('年度资金申请总额（元）');
    const first = index.worksheets[0].getRow(2).getCell(amountCol);
    expect([first.value, first.numFmt]).toEqual([1200000, '#,##0.00']);

    const batch = await download('/api/exports?year=2026&form=declaration&format=docx').expect(200);
    const all = docxText(docxXml(batch.body));
    expect(all).toContain('导出表单测试项目');
    expect(all).toContain('导出表单测试草稿');
    const bad = await t.http.get(`/api/projects/${approvedId}/export?form=declaration&format=doc`).set(auth('czj')).expect(400);
    expect(bad.body.details[0].field).toBe('format');
    await t.http.get('/api/exports?year=2026&form=publication&format=docx').set(auth('czj')).expect(400);
    // Word is built in memory: more than 100 projects is refused with the count, naming the format
    await t.app
      .get(DataSource)
      .query(`INSERT INTO project (org_id, year, name, framework_code, status) SELECT $1, 2032, 'Word 上限测试 ' || g, 'mof-2021', 'draft' FROM generate_series(1, 101) g`, [orgId]);
    const many = await t.http.get('/api/exports?year=2032&form=declaration&format=docx').set(auth('czj')).expect(400);
    expect(many.body.details[0]).toEqual({ field: 'format', message: expect.stringContaining('Word 一次最多导出 100 个项目，本次选中 101 个') });
  });

  it('自评表: the published title, the funds block of the evaluation in 万元 (numbers in .xlsx, two decimals printed), signatures of the self-evaluation', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(`/api/projects/${approvedId}/export?form=evaluation&format=xlsx`).expect(200)).body);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('项目支出绩效自评表');
    const v = labelValues(ws);
    // 1,200,000.00 元 = 120.00 万元 (年初预算数 of the total row), 900,000.00 元 = 90.00 万元
    for (const [label, n] of [['年度资金总额', 120], ['其中：当年财政拨款', 90], ['上年结转资金', 10], ['其他资金', 20]] as const) {
      const cell = v.get(label);
      expect([label, cell?.type, cell?.value, cell?.numFmt]).toEqual([label, ExcelJS.ValueType.Number, n, '#,##0.00']);
    }
    expect(v.has('项目资金（万元）')).toBe(true);
    // nobody submitted the self-evaluation yet: blank lines to sign
    expect(v.get('填报人')?.value ?? '').toBe('');
    expect(v.has('审核人')).toBe(true);

    // the evaluator saves the funds block (元) and submits: the rows show 年初预算数 / 全年预算数 / 全年执行数 in 万元
    const ev = (await t.http.get(`/api/projects/${approvedId}/evaluation`).set(auth('xining')).expect(200)).body;
    const idOf = (name: string) => ev.items.find((i: { name: string }) => i.name === name).indicatorId;
    const items = [
      { indicatorId: idOf('接待团组数量'), actual: '70' },
      { indicatorId: idOf('公务用车保障率'), actual: '95' },
      { indicatorId: idOf('合作交流工作支撑作用'), grade: '达成', description: '支撑作用明显' },
      { indicatorId: idOf('服务对象满意度'), actual: '95' },
    ];
    const funds = {
      initialBudget: '1200000.00',
      fiscal: { initialBudget: '900000.00', annualBudget: '800000.00', executed: '700000.00' },
      carryover: { initialBudget: '100000.00', annualBudget: '100000.00', executed: '100000.00' },
      other: { initialBudget: '200000.00', annualBudget: '100000.00', executed: '123456.78' },
    };
    const saved = await t.http
      .put(`/api/projects/${approvedId}/evaluation`)
      .set(auth('xining'))
      .set('If-Match', `"${ev.version}"`)
      .send({ budget: { annualBudget: '1000000.00', executed: '923456.78' }, items, funds, goalAchievement: '年度目标已完成' })
      .expect(200);
    await t.http.post(`/api/projects/${approvedId}/evaluation/transitions`).set(auth('xining')).set('If-Match', saved.headers['etag']).send({ action: 'submit' }).expect(200);
    const after = new ExcelJS.Workbook();
    await after.xlsx.load((await download(`/api/projects/${approvedId}/export?form=evaluation&format=xlsx`).expect(200)).body);
    const ws2 = after.worksheets[0];
    const amountsOf = (label: string) => {
      let out: unknown[] = [];
      ws2.eachRow((row) => {
        if (row.getCell(1).value === label) out = [2, 3, 4].map((c) => row.getCell(c).value);
      });
      return out;
    };
    expect(amountsOf('年度资金总额')).toEqual([120, 100, 92.345678]);
    expect(amountsOf('其中：当年财政拨款')).toEqual([90, 80, 70]);
    expect(amountsOf('上年结转资金')).toEqual([10, 10, 10]);
    expect(amountsOf('其他资金')).toEqual([20, 10, 12.345678]);
    expect(labelValues(ws2).get('填报人')?.value).toBe('西宁办填报人');
    // PDF and Word print two decimals
    const text = flatPdfText((await download(`/api/projects/${approvedId}/export?form=evaluation&format=pdf`).expect(200)).body);
    expect(text).toContain('92.35');
    expect(text).toContain('年度目标已完成');
    expect(docxText(docxXml((await download(`/api/projects/${approvedId}/export?form=evaluation&format=docx`).expect(200)).body))).toContain('12.35');
  });

  it('publication list: approved targets only, 一级项目名称 not the 项目性质, 金额 in 万元 as a number', async () => {
    const pw = new ExcelJS.Workbook();
    await pw.xlsx.load((await download('/api/exports?year=2026&form=publication&format=xlsx').expect(200)).body);
    const ps = pw.worksheets[0];
    expect(ps.getRow(1).values).toEqual([undefined, '单位代码', '单位名称', '一级项目名称', '二级项目名称', '项目类别', '金额（万元）', '绩效指标']);
    expect(ps.getColumn(4).values.slice(2)).toEqual(['导出表单测试项目']);
    const row = ps.getRow(2);
    expect(row.getCell(1).value).toBe('HZB-XN');
    expect(row.getCell(3).value ?? null).toBeNull();
    expect(row.getCell(5).value).toBe('特定目标类');
    expect([row.getCell(6).value, row.getCell(6).numFmt]).toEqual([120, '#,##0.00']);
    expect(String(row.getCell(7).value)).toContain('数量指标: 接待团组数量≥60个');
  });
});
