import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { pdfText, unzip } from './file-tools';
import { binary, createTestDatabase, login, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

/**
 * Export and import (issue 5): the official layouts as .xlsx and PDF, Excel round trip, batch export,
 * the publication list, formula-safe cells and UTF-8 file names.
 */
describe(`exports and imports (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  const tok: Record<string, string> = {};
  const orgOf: Record<string, string> = {};
  type P = { id: string; status: string; name: string; year: number; orgId: string; frameworkCode: string; nature: string | null; category: string | null; startDate: string | null; endDate: string | null; funds: Record<string, string | null>; totalGoal: string | null; annualGoal: string | null; indicators: { level1: string; level2: string; name: string; weight: string | null; target: { raw: string } }[] };
  let demo: P[];

  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const download = (url: string, user = 'czj') => t.http.get(url).set(auth(user)).buffer(true).parse(binary);
  const rowsOf = (p: Pick<P, 'indicators'>) => p.indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw }));
  const table = (p: Pick<P, 'indicators'>) => p.indicators.map((i) => ({ level1: i.level1, level2: i.level2, name: i.name, target: i.target.raw, weight: i.weight }));

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db);
    for (const u of ['xining', 'hzb', 'czj', 'yangpu', 'ypb']) {
      tok[u] = await login(t, u);
      orgOf[u] = (await t.http.get('/api/auth/me').set(auth(u)).expect(200)).body.orgId;
    }
    const list = await t.http.get('/api/projects?pageSize=50').set(auth('czj')).expect(200);
    const own = list.body.items.filter((p: { year: number }) => p.year !== 2023);
    demo = await Promise.all(own.map(async (p: { id: string }) => (await t.http.get(`/api/projects/${p.id}`).set(auth('czj')).expect(200)).body));
    expect(demo).toHaveLength(6);
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('round trip: every reference project exported to .xlsx and imported again gives an identical table and header', async () => {
    for (const p of demo) {
      const res = await download(`/api/projects/${p.id}/export?form=declaration&format=xlsx`).expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const filler = p.orgId === orgOf['xining'] ? 'xining' : 'yangpu';
      const imported = await t.http
        .post(`/api/imports/xlsx?dryRun=true&orgId=${orgOf[filler]}`)
        .set(auth(filler))
        .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .send(res.body as Buffer)
        .expect(200);
      expect(imported.body.problems).toEqual([]);
      expect(imported.body.projects).toHaveLength(1);
      const got = imported.body.projects[0];
      expect(got.indicators).toEqual(table(p));
      expect(got).toMatchObject({
        name: p.name,
        year: p.year,
        frameworkCode: p.frameworkCode,
        nature: p.nature,
        category: p.category,
        startDate: p.startDate,
        endDate: p.endDate,
        totalGoal: p.totalGoal,
        annualGoal: p.annualGoal,
        funds: p.funds,
      });
    }
    // and for real: the draft created from the workbook has the same table
    const p = demo.find((d) => d.name === '合作交流工作业务费') as P;
    const file = (await download(`/api/projects/${p.id}/export?form=declaration&format=xlsx`).expect(200)).body as Buffer;
    // the name exists for the unit and year (the project exported): imported as a second copy
    const choices = encodeURIComponent(JSON.stringify([{ name: p.name, choice: 'keepBoth' }]));
    const created = await t.http.post(`/api/imports/xlsx?orgId=${orgOf['xining']}&choices=${choices}`).set(auth('xining')).set('Content-Type', 'application/octet-stream').send(file).expect(200);
    const draft = (await t.http.get(`/api/projects/${created.body.projects[0].id}`).set(auth('xining')).expect(200)).body;
    expect(draft.status).toBe('draft');
    expect(table(draft)).toEqual(table(p));
  });

  it('the .xlsx has the official layout: title, header block, 一级/二级 merged down, borders, A4 with repeated header row', async () => {
    const p = demo.find((d) => d.name === '合作交流工作业务费') as P;
    const res = await download(`/api/projects/${p.id}/export?form=declaration&format=xlsx`).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('财政项目支出绩效目标申报表');
    expect(ws.getCell('A2').value).toBe('（2020年度）');
    expect(ws.getCell('A3').value).toBe('项目名称');
    expect(ws.getCell('B3').value).toBe('合作交流工作业务费');
    const header = ws.getColumn(1).values.findIndex((v) => v === '一级指标');
    expect(ws.getRow(header).values).toEqual([undefined, '一级指标', '二级指标', '三级指标', '年度(/项目)指标值', '分值']);
    // shanghai-2020: four 一级 of three rows each → four merges in column A, the 二级 are all different
    const merges = (ws.model as unknown as { merges: string[] }).merges.filter((m) => m.startsWith('A') && Number(m.split(':')[0].slice(1)) > header);
    const first = header + 1;
    expect(merges.sort()).toEqual([`A${first}:A${first + 2}`, `A${first + 3}:A${first + 5}`, `A${first + 6}:A${first + 8}`, `A${first + 9}:A${first + 11}`].sort());
    expect(ws.getCell(`A${first}`).value).toBe('投入与管理');
    expect(ws.getCell(`C${first}`).value).toBe('预算资金到位率');
    expect(ws.getCell(`D${first}`).value).toBe('>=90%');
    expect(ws.getCell(`C${first + 11}`).value).toBe('部门协同有效性');
    expect(ws.getCell(`C${first}`).border?.top?.style).toBe('thin');
    expect(ws.getCell(`C${first}`).alignment?.wrapText).toBe(true);
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
  });

  it('cells starting with = + - @ stay text, never formulas; file names are UTF-8 and sanitised', async () => {
    const created = await t.http
      .post('/api/projects')
      .set(auth('xining'))
      .send({ year: 2026, name: '=HYPERLINK("http://x")/"项目"', orgId: orgOf['xining'], frameworkCode: 'mof-2021', annualGoal: '@SUM(A1)' })
      .expect(201);
    const id = created.body.id;
    const rows = [
      { level1: '产出指标', level2: '数量指标', name: '=1+1', target: '≥10个' },
      { level1: '产出指标', level2: '质量指标', name: '+SUM(A1:A2)', target: '-5' },
      { level1: '满意度指标', level2: '服务对象满意度指标', name: '@cmd', target: '≥90%' },
    ];
    await t.http.put(`/api/projects/${id}/indicators`).set(auth('xining')).set('If-Match', '"1"').send({ indicators: rows }).expect(200);
    const res = await download(`/api/projects/${id}/export?form=declaration&format=xlsx`, 'xining').expect(200);
    const cd = res.headers['content-disposition'] as string;
    expect(cd).toMatch(/^attachment; filename="export\.xlsx"; filename\*=UTF-8''/);
    const name = decodeURIComponent(cd.split("UTF-8''")[1]);
    expect(name).toBe('=HYPERLINK( http x ) 项目 -申报表-2026.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0];
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const risky = cells.filter((c) => typeof c.value === 'string' && /^[=+\-@]/.test(c.value));
    expect(risky.map((c) => c.value)).toEqual(expect.arrayContaining(['=HYPERLINK("http://x")/"项目"', '=1+1', '+SUM(A1:A2)', '-5', '@cmd', '@SUM(A1)']));
    for (const c of cells) {
      expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
      expect(c.formula).toBeUndefined();
    }
    // the raw XML holds no <f> (formula) element at all
    const xml = unzip(res.body, ['-p', 'xl/worksheets/sheet1.xml']).toString('utf8');
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('a long table in the PDF: every page of the table starts with its column headers; a merged 一级 over a page break is repeated', async () => {
    const created = await t.http
      .post('/api/projects')
      .set(auth('xining'))
      .send({ year: 2027, name: '多页指标表测试', orgId: orgOf['xining'], frameworkCode: 'mof-2021' })
      .expect(201);
    const id = created.body.id as string;
    const etag = (await t.http.get(`/api/projects/${id}`).set(auth('xining')).expect(200)).headers['etag'];
    // 150 rows under two 一级: 产出指标 runs over the first page breaks
    const indicators = Array.from({ length: 150 }, (_, i) =>
      i < 120
        ? { level1: '产出指标', level2: ['数量指标', '质量指标', '时效指标'][Math.floor(i / 40)], name: `第${i + 1}项产出`, target: `≥${i + 1}个` }
        : { level1: '满意度指标', level2: '服务对象满意度指标', name: `第${i + 1}项满意度`, target: '≥90%' },
    );
    await t.http.put(`/api/projects/${id}/indicators`).set(auth('xining')).set('If-Match', etag).send({ indicators }).expect(200);
    const res = await download(`/api/projects/${id}/export?form=declaration&format=pdf`, 'xining').expect(200);
    const pages = pdfText(res.body)
      .split('\f')
      .map((x) => x.replace(/\s+/g, ''))
      .filter((x) => x !== '');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // every row exactly once, in order, over the pages
    const all = pages.join('');
    let at = -1;
    for (const ind of indicators) {
      const k = all.indexOf(ind.name + ind.target);
      expect([ind.name, k > at]).toEqual([ind.name, true]);
      expect(all.indexOf(ind.name + ind.target, k + 1)).toBe(-1);
      at = k;
    }
    const withRows = pages.filter((x) => /第\d+项/.test(x));
    expect(withRows.length).toBe(pages.length);
    for (const [k, page] of withRows.entries()) {
      expect([k, page.includes('一级指标二级指标三级指标年度(/项目)指标值')]).toEqual([k, true]);
      // the merged 一级 of the rows on this page is on this page too
      const first = /第(\d+)项/.exec(page)?.[1];
      expect([k, page.includes(Number(first) <= 120 ? '产出指标' : '满意度指标')]).toEqual([k, true]);
    }
  });

  it('PDF of the 申报表 and the 自评表 embeds a CJK font: pdftotext finds the Chinese indicator names', async () => {
    const p = demo.find((d) => d.name === '交流办对口支援项目经费') as P;
    const res = await download(`/api/projects/${p.id}/export?form=declaration&format=pdf`).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.body).replace(/\s+/g, '');
    expect(text).toContain('财政项目支出绩效目标申报表');
    expect(text).toContain('交流办对口支援项目经费');
    for (const i of p.indicators.filter((x) => x.name.length <= 8)) expect(text).toContain(i.name.replace(/\s+/g, ''));
    const ev = await download(`/api/projects/${p.id}/export?form=evaluation&format=pdf`).expect(200);
    const evText = pdfText(ev.body).replace(/\s+/g, '');
    const evaluation = (await t.http.get(`/api/projects/${p.id}/evaluation`).set(auth('czj')).expect(200)).body;
    expect(evText).toContain('项目支出绩效自评表');
    expect(evText).toContain(evaluation.totalScore);
    // the 自评表 as .xlsx: total and grade in the footer
    const evx = await download(`/api/projects/${p.id}/export?form=evaluation&format=xlsx`).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(evx.body);
    const values: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => values.push(String(c.value))));
    expect(values).toEqual(expect.arrayContaining(['总分', evaluation.totalScore, '自评等级', evaluation.grade, '实际完成值', '偏差原因分析及改进措施']));
    // the monitoring table as .xlsx; forms of projects that are not approved are a 409, bad parameters a 400
    await download(`/api/projects/${p.id}/export?form=monitoring&format=xlsx`).expect(200);
    const draft = demo.find((d) => d.name === '修缮类') as P;
    await download(`/api/projects/${draft.id}/export?form=evaluation&format=xlsx`).expect(409);
    const bad = await t.http.get(`/api/projects/${p.id}/export?form=x&format=doc`).set(auth('czj')).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['form', 'format']);
    await t.http.get(`/api/projects/${p.id}/export?form=declaration&format=xlsx`).set(auth('xining')).expect(404);
  });

  it('batch export: a workbook with an index and a sheet per project, a zip of PDFs, the publication list', async () => {
    const res = await download('/api/exports?year=2024&form=declaration&format=xlsx').expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const names2024 = demo.filter((d) => d.year === 2024).map((d) => d.name);
    expect(wb.worksheets[0].name).toBe('目录');
    expect(wb.worksheets).toHaveLength(1 + names2024.length);
    const indexNames = wb.worksheets[0].getColumn(3).values.slice(2);
    expect([...indexNames].sort()).toEqual([...names2024].sort());
    for (const ws of wb.worksheets.slice(1)) expect(ws.getCell('A1').value).toBe('财政项目支出绩效目标申报表');
    // the department sees its own units only
    const ypb = new ExcelJS.Workbook();
    await ypb.xlsx.load((await download('/api/exports?year=2020&form=declaration&format=xlsx', 'ypb').expect(200)).body);
    expect(ypb.worksheets).toHaveLength(1);
    const zip = await download('/api/exports?year=2024&form=declaration&format=zip').expect(200);
    const listing = unzip(zip.body, ['-Z1']).toString('utf8').trim().split('\n');
    expect(listing).toHaveLength(names2024.length);
    expect(listing.every((n) => n.endsWith('.pdf'))).toBe(true);
    const first = unzip(zip.body, ['-p', listing[0]]);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    const pub = await download('/api/exports?year=2024&form=publication&format=xlsx').expect(200);
    const pw = new ExcelJS.Workbook();
    await pw.xlsx.load(pub.body);
    const ps = pw.worksheets[0];
    expect(ps.getRow(1).values).toEqual([undefined, '单位代码', '单位名称', '一级项目名称', '二级项目名称', '项目类别', '金额（万元）', '绩效指标']);
    // only approved (已批复) targets are published
    expect(ps.rowCount).toBe(1 + demo.filter((d) => d.year === 2024 && d.status === 'approved').length);
    const jiaoliu = demo.find((d) => d.name === '交流办对口支援项目经费') as P;
    const row = ps.getColumn(4).values.findIndex((v) => v === jiaoliu.name);
    const indicatorsText = String(ps.getRow(row).getCell(7).value);
    expect(indicatorsText).toMatch(/^[^:]+指标: /);
    expect(indicatorsText).toContain(`${jiaoliu.indicators[0].name}${jiaoliu.indicators[0].target.raw}`);
    expect(ps.getRow(row).getCell(1).value).toBe('YPB-BB');
    await t.http.get('/api/exports?year=2024&form=publication&format=pdf').set(auth('czj')).expect(400);
    await t.http.get('/api/exports?year=2024&form=declaration&format=xlsx&orgId=not-a-uuid').set(auth('czj')).expect(400);
  });

  it('text import: each reference file gives every table with its header and rows; a preview creates nothing, then drafts are created', async () => {
    const dir = path.resolve(__dirname, '../../../libs/domain/src/fixtures/reference');
    const expected: Record<string, { names: string[]; rows: number[] }> = {
      'shanghai-2020-xining-office-targets.txt': { names: ['合作交流工作业务费', '合作交流专项工作经费'], rows: [12, 12] },
      'yangpu-2024-gov-office-budget-part1.txt': {
        names: ['外事办全区非经贸出国(出境)专项经费', '政府办公厅及相关机构事务经费', '修缮类', '交流办对口支援项目经费'],
        rows: [4, 46, 4, 5],
      },
      'shanghai-2024-coop-office-budget.txt': { names: [], rows: [] },
      'shanghai-2025-coop-office-budget.txt': { names: [], rows: [] },
    };
    const before = (await t.http.get('/api/projects?pageSize=200').set(auth('xining')).expect(200)).body.total;
    for (const [file, want] of Object.entries(expected)) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const res = await t.http.post('/api/imports/text?dryRun=true').set(auth('xining')).send({ text, year: 2026, orgId: orgOf['xining'] }).expect(200);
      expect(res.body.dryRun).toBe(true);
      expect(res.body.projects.map((p: { name: string }) => p.name)).toEqual(want.names);
      expect(res.body.projects.map((p: { indicators: unknown[] }) => p.indicators.length)).toEqual(want.rows);
      if (want.names.length === 0) expect(res.body.problems.length).toBeGreaterThan(0);
    }
    // rows checked exactly against the reference project of the demo data
    const text = fs.readFileSync(path.join(dir, 'shanghai-2020-xining-office-targets.txt'), 'utf8');
    const preview = (await t.http.post('/api/imports/text?dryRun=true').set(auth('xining')).send({ text, year: 2026, orgId: orgOf['xining'] }).expect(200)).body;
    const yewu = demo.find((d) => d.name === '合作交流工作业务费') as P;
    expect(preview.projects[0].indicators).toEqual(rowsOf(yewu));
    expect(preview.projects[0].funds.total).toBe('500000.00');
    expect((await t.http.get('/api/projects?pageSize=200').set(auth('xining')).expect(200)).body.total).toBe(before);
    // a reviewer cannot import; a bad year is a 400 naming it; then the filler creates the drafts
    await t.http.post('/api/imports/text?dryRun=true').set(auth('hzb')).send({ text, year: 2026, orgId: orgOf['xining'] }).expect(403);
    const bad = await t.http.post('/api/imports/text').set(auth('xining')).send({ text, year: 'x', orgId: orgOf['xining'] }).expect(400);
    expect(bad.body.details[0].field).toBe('year');
    const created = (await t.http.post('/api/imports/text?dryRun=false').set(auth('xining')).send({ text, year: 2026, orgId: orgOf['xining'] }).expect(200)).body;
    expect(created.projects.every((p: { id?: string }) => typeof p.id === 'string')).toBe(true);
    const draft = (await t.http.get(`/api/projects/${created.projects[0].id}`).set(auth('xining')).expect(200)).body;
    expect(draft).toMatchObject({ status: 'draft', year: 2026, name: '合作交流工作业务费' });
    expect(rowsOf(draft)).toEqual(rowsOf(yewu));
    expect((await t.http.get('/api/projects?pageSize=200').set(auth('xining')).expect(200)).body.total).toBe(before + 2);
  });

  it('a batch .xlsx of 1,000 generated projects streams with less than 300 MiB of extra memory', async () => {
    const ds = t.app.get(DataSource);
    const source = demo.find((d) => d.name === '交流办对口支援项目经费') as P;
    // 1,000 projects of 2031 in the Xining unit, each with the 12-row table of a reference project
    await ds.transaction(async (m) => {
      const ids: { id: string }[] = await m.query(
        `INSERT INTO project (org_id, year, name, framework_code, status, fund_annual_total)
         SELECT $1, 2031, '批量导出测试项目 ' || lpad(g::text, 4, '0'), 'mof-2021', 'approved', 100000 + g FROM generate_series(1, 1000) g RETURNING id`,
        [orgOf['xining']],
      );
      await m.query(`INSERT INTO project_goal (project_id, kind, year) SELECT id, 'annual', 2031 FROM unnest($1::uuid[]) id`, [ids.map((r) => r.id)]);
      await m.query(
        `INSERT INTO indicator (goal_id, position, level1, level2, name, target_raw)
         SELECT g.id, r.pos, r.level1, r.level2, r.name, r.target FROM project_goal g
           CROSS JOIN unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(pos, level1, level2, name, target)
          WHERE g.project_id = ANY($1::uuid[])`,
        [
          ids.map((r) => r.id),
          source.indicators.map((_, i) => i),
          source.indicators.map((i) => i.level1),
          source.indicators.map((i) => i.level2),
          source.indicators.map((i) => i.name),
          source.indicators.map((i) => i.target.raw),
        ],
      );
    });
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = Date.now();
    let bytes = 0;
    try {
      await t.http
        .get('/api/exports?year=2031&form=declaration&format=xlsx')
        .set(auth('czj'))
        .buffer(true)
        .parse((res, cb) => {
          // count the bytes without keeping them: the measure is the server's, not a buffered copy's
          res.on('data', (c: Buffer) => (bytes += c.length));
          res.on('end', () => cb(null, null));
        })
        .expect(200);
    } finally {
      clearInterval(timer);
    }
    const extraMiB = (peak - before) / 1024 / 1024;
    console.log(`batch export of 1000 projects: ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${Date.now() - started} ms, peak extra memory ${extraMiB.toFixed(0)} MiB`);
    expect(bytes).toBeGreaterThan(1000 * 2000);
    expect(extraMiB).toBeLessThan(300);
  });
});
