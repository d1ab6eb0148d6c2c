import ExcelJS from 'exceljs';
import { createTarget, type Tokens, xiningDepartment } from './target-exports-helpers';
import { binary, login, TEST_DB, useTestApp, VALID_ROWS } from './test-app';

const YEAR = 2034;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DEPT_ROWS = VALID_ROWS.map((r, i) => ({ ...r, weight: ['30', '30', '20', '20'][i] }));
const TASKS = [
  { name: '对口支援', content: '青海果洛州对口支援项目', amount: '3000000.00', fiscal: '3000000.00', other: '0.00' },
  { name: '机关运行', content: '人员和日常公用经费', amount: '8000000.00', fiscal: '7521400.00', other: '478600.00' },
];
const MID_ROWS = [
  { level1: '产出指标', level2: '数量指标', name: '接待团组数量', target: '≥200个' },
  { level1: '效益指标', level2: '经济效益指标', name: '带动投资额', target: '≥5亿元' },
];
const POLICY = { basis: '沪府办〔2033〕12号', startYear: YEAR, endYear: YEAR + 2, totalFunds: '90000000.00', annualFunds: '30000000.00' };

type Row = { level1: string; level2: string; name: string; target: string; weight?: string | null; core?: boolean };
type Preview = { kind: string; name: string; source: string; year: number; indicators: Row[]; totalIndicators?: Row[]; department?: unknown; policy?: unknown; annualGoal: string | null; totalGoal: string | null; existing?: { id: string; editable: boolean } | null; id?: string; outcome?: string };
type Stored = { level1: string; level2: string; name: string; target: { raw: string }; weight: string | null };
const rows = (xs: readonly Stored[]) => xs.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target.raw, weight: r.weight === null ? null : String(Number(r.weight)) }));
const plain = (xs: readonly { level1: string; level2: string; name: string; target: string; weight?: string | null }[]) =>
  xs.map((r) => ({ level1: r.level1, level2: r.level2, name: r.name, target: r.target, weight: r.weight === undefined || r.weight === null ? null : String(Number(r.weight)) }));

/**
 * Imports know the kinds (issue 15): the app's own 部门（单位）整体 and 政策 申报表 .xlsx read back into the same target
 * (their kind told by the form's title), a kind chosen where a table cannot tell it, one 部门整体 target per unit and
 * year (a second refused per sheet, 409, or skipped), and hostile cells listed, never a 5xx, never dropped unsaid.
 */
describe(`imports of 部门整体 and 政策 targets (${TEST_DB})`, () => {
  const t = useTestApp();
  const tok: Tokens = {};
  const org: Record<string, string> = {};
  const ids = { department: '', policy: '' };
  const files = { department: Buffer.alloc(0), policy: Buffer.alloc(0) };
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const upload = (user: string, orgId: string, file: Buffer, query: string) =>
    t.http.post(`/api/imports/xlsx?orgId=${orgId}${query}`).set(auth(user)).set('Content-Type', XLSX).send(file);
  const target = async (user: string, id: string) => (await t.http.get(`/api/targets/${id}`).set(auth(user)).expect(200)).body;
  const countKind = async (user: string, kind: string) => (await t.http.get(`/api/targets?kind=${kind}&pageSize=200`).set(auth(user)).expect(200)).body.total as number;
  const edit = async (file: Buffer, fn: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    fn(wb.worksheets[0], wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const rowOf = (ws: ExcelJS.Worksheet, first: string) => {
    for (let n = 1; n <= ws.rowCount; n++) if (ws.getRow(n).getCell(1).value === first) return n;
    throw new Error(`no row ${first}`);
  };

  beforeAll(async () => {
    for (const u of ['xining', 'yangpu', 'czj']) tok[u] = await login(t, u);
    for (const o of (await t.http.get('/api/orgs').set(auth('czj')).expect(200)).body as { id: string; code: string }[]) org[o.code] = o.id;
    const api = { http: t.http, tok };
    ids.department = (await createTarget(api, 'xining', xiningDepartment(org['HZB-XN'], YEAR, '保障驻西宁办事处运行，完成对口支援任务', TASKS), DEPT_ROWS, [])).id;
    const policy = { kind: 'policy', year: YEAR, orgId: org['YPB-BB'], frameworkCode: 'mof-2021', name: '对口地区产业帮扶政策', totalGoal: '三年内帮扶产业项目30个', annualGoal: '本年帮扶产业项目10个', policy: POLICY };
    ids.policy = (await createTarget(api, 'yangpu', policy, VALID_ROWS, MID_ROWS)).id;
    files.department = (await t.http.get(`/api/targets/${ids.department}/export?form=declaration&format=xlsx`).set(auth('xining')).buffer(true).parse(binary).expect(200)).body;
    files.policy = (await t.http.get(`/api/targets/${ids.policy}/export?form=policy-declaration&format=xlsx`).set(auth('yangpu')).buffer(true).parse(binary).expect(200)).body;
  });

  it('a 部门整体 申报表 exported and imported again (another year) is the same target: budget, tasks, goal, table with 分值', async () => {
    const original = await target('xining', ids.department);
    const preview = (await upload('xining', org['HZB-XN'], files.department, `&year=${YEAR + 1}&dryRun=true`).expect(200)).body as { projects: Preview[]; problems: unknown[] };
    expect(preview.problems).toEqual([]);
    expect(preview.projects).toHaveLength(1);
    const p = preview.projects[0];
    expect(p).toMatchObject({ kind: 'department', name: original.name, year: YEAR + 1, annualGoal: original.annualGoal, department: original.department, existing: null });
    expect(plain(p.indicators)).toEqual(rows(original.indicators));
    const before = await countKind('xining', 'department');
    const created = (await upload('xining', org['HZB-XN'], files.department, `&year=${YEAR + 1}`).expect(200)).body as { projects: Preview[] };
    expect(created.projects[0].outcome).toBe('created');
    const copy = await target('xining', created.projects[0].id as string);
    expect(copy).toMatchObject({ kind: 'department', status: 'draft', year: YEAR + 1, name: original.name, orgId: org['HZB-XN'], annualGoal: original.annualGoal, department: original.department, frameworkCode: 'mof-2021' });
    expect(rows(copy.indicators)).toEqual(rows(original.indicators));
    expect(await countKind('xining', 'department')).toBe(before + 1);
  });

  it('a second 部门整体 target for the unit and year is refused per sheet (409, Chinese, nothing created); 跳过 skips it', async () => {
    const preview = (await upload('xining', org['HZB-XN'], files.department, '&dryRun=true').expect(200)).body as { projects: Preview[]; problems: { line: string; message: string }[] };
    expect(preview.projects[0]).toMatchObject({ kind: 'department', year: YEAR, existing: { id: ids.department, editable: false } });
    expect(preview.problems).toEqual([{ line: preview.projects[0].source, message: expect.stringContaining(`${YEAR} 年的部门（单位）整体绩效目标已存在，每个单位每年只有一个`) }]);
    const before = await countKind('xining', 'department');
    const refused = await upload('xining', org['HZB-XN'], files.department, '').expect(409);
    expect(refused.body.code).toBe('IMPORT_DEPARTMENT_EXISTS');
    expect(refused.body.message).toContain('未创建任何绩效目标');
    expect(refused.body.details).toEqual([{ field: preview.projects[0].source, message: expect.stringContaining('已存在') }]);
    const name = preview.projects[0].name;
    const keep = encodeURIComponent(JSON.stringify([{ name, choice: 'keepBoth' }]));
    expect((await upload('xining', org['HZB-XN'], files.department, `&choices=${keep}`).expect(409)).body.code).toBe('IMPORT_DEPARTMENT_EXISTS');
    const skip = encodeURIComponent(JSON.stringify([{ name, choice: 'skip' }]));
    const skipped = (await upload('xining', org['HZB-XN'], files.department, `&choices=${skip}`).expect(200)).body as { projects: Preview[] };
    expect(skipped.projects[0].outcome).toBe('skipped');
    expect(await countKind('xining', 'department')).toBe(before);
    // two 部门整体 sheets of one year in one workbook: the second is said, and the create is refused whole (422)
    const twice = await edit(files.department, (ws, wb) => {
      const copy = wb.addWorksheet('第二张');
      ws.eachRow((row, n) => row.eachCell((c, k) => (copy.getRow(n).getCell(k).value = c.value)));
    });
    const both = (await upload('xining', org['HZB-XN'], twice, `&year=${YEAR + 5}&dryRun=true`).expect(200)).body as { problems: { message: string }[] };
    expect(both.problems.map((x) => x.message)).toEqual([expect.stringContaining(`本次导入中有不止一个 ${YEAR + 5} 年的部门（单位）整体绩效目标`)]);
    expect((await upload('xining', org['HZB-XN'], twice, `&year=${YEAR + 5}`).expect(422)).body.code).toBe('IMPORT_INVALID');
    expect(await countKind('xining', 'department')).toBe(before);
  });

  it('a 政策 申报表 exported and imported again is the same target: basis, 实施期, 资金规模, both goals, the 中期 and 年度 tables', async () => {
    const original = await target('yangpu', ids.policy);
    const preview = (await upload('yangpu', org['YPB-BB'], files.policy, `&year=${YEAR + 1}&dryRun=true`).expect(200)).body as { projects: Preview[]; problems: unknown[] };
    expect(preview.problems).toEqual([]);
    const p = preview.projects[0];
    expect(p).toMatchObject({ kind: 'policy', name: original.name, policy: POLICY, totalGoal: original.totalGoal, annualGoal: original.annualGoal });
    expect(plain(p.totalIndicators ?? [])).toEqual(plain(MID_ROWS));
    expect(plain(p.indicators)).toEqual(plain(VALID_ROWS));
    const created = (await upload('yangpu', org['YPB-BB'], files.policy, `&year=${YEAR + 1}`).expect(200)).body as { projects: Preview[] };
    const copy = await target('yangpu', created.projects[0].id as string);
    expect(copy).toMatchObject({ kind: 'policy', status: 'draft', year: YEAR + 1, name: original.name, policy: POLICY, totalGoal: original.totalGoal, annualGoal: original.annualGoal });
    const overall = copy.goals.find((g: { kind: string }) => g.kind === 'overall');
    expect(rows(overall.indicators)).toEqual(rows(original.goals.find((g: { kind: string }) => g.kind === 'overall').indicators));
    expect(rows(copy.indicators)).toEqual(rows(original.indicators));
    // the same name in the same year asks as a project's does; 替换 is for projects only (409), 保留两份 makes a second
    const again = (await upload('yangpu', org['YPB-BB'], files.policy, '&dryRun=true').expect(200)).body as { projects: Preview[] };
    expect(again.projects[0].existing).toMatchObject({ id: ids.policy, editable: false });
    const replace = encodeURIComponent(JSON.stringify([{ name: original.name, choice: 'replace' }]));
    expect((await upload('yangpu', org['YPB-BB'], files.policy, `&choices=${replace}`).expect(409)).body.code).toMatch(/^IMPORT_REPLACE_/);
    const keep = encodeURIComponent(JSON.stringify([{ name: original.name, choice: 'keepBoth' }]));
    const second = (await upload('yangpu', org['YPB-BB'], files.policy, `&choices=${keep}`).expect(200)).body as { projects: Preview[] };
    expect(second.projects[0]).toMatchObject({ kind: 'policy', name: `${original.name}（2）`, outcome: 'created' });
  });

  it('where a table cannot tell its kind, the kind chosen: a paste as 政策, a sheet under another title as 部门整体', async () => {
    const text = ['项目名称：社区养老服务补贴', '一级指标\t二级指标\t三级指标\t指标值', '产出指标\t数量指标\t补贴发放人数\t≥500人', '满意度指标\t服务对象满意度指标\t老人满意度\t≥90%'].join('\n');
    const paste = (kind?: string) => t.http.post('/api/imports/text?dryRun=true').set(auth('xining')).send({ text, year: YEAR, orgId: org['HZB-XN'], ...(kind ? { kind } : {}) });
    expect((await paste()).body.projects.map((p: Preview) => p.kind)).toEqual(['project']);
    const asPolicy = (await paste('policy').expect(200)).body as { projects: Preview[] };
    expect(asPolicy.projects.map((p) => [p.kind, p.indicators.length])).toEqual([['policy', 2]]);
    const bad = await paste('whole').expect(400);
    expect(JSON.stringify(bad.body.details)).toContain('kind');

    const renamed = await edit(files.department, (ws) => (ws.getCell('A1').value = '某区部门整体绩效目标表'));
    const unknown = (await upload('xining', org['HZB-XN'], renamed, `&year=${YEAR + 2}&dryRun=true`).expect(200)).body as { projects: Preview[]; problems: { message: string }[] };
    expect(unknown.projects.map((p) => p.kind)).toEqual(['project']);
    expect(unknown.problems.map((x) => x.message)).toEqual(expect.arrayContaining([expect.stringContaining('不是本系统的申报表，按项目绩效目标读取；如为部门（单位）整体或政策绩效目标，请选择目标类型')]));
    const chosen = (await upload('xining', org['HZB-XN'], renamed, `&year=${YEAR + 2}&kind=department&dryRun=true`).expect(200)).body as { projects: Preview[]; problems: { message: string }[] };
    expect(chosen.projects.map((p) => [p.kind, p.indicators.length])).toEqual([['department', 4]]);
    expect(chosen.projects[0].department).toEqual((await target('xining', ids.department)).department);
    expect(chosen.problems.map((x) => x.message)).toEqual([expect.stringContaining('按部门（单位）整体绩效目标读取（导入时所选类型）')]);
    // a form's own title wins over the kind chosen, and the preview says so
    const titled = (await upload('xining', org['HZB-XN'], files.department, `&year=${YEAR + 2}&kind=policy&dryRun=true`).expect(200)).body as { projects: Preview[]; problems: { message: string }[] };
    expect(titled.projects.map((p) => p.kind)).toEqual(['department']);
    expect(titled.problems.map((x) => x.message)).toEqual([expect.stringContaining('按表名是部门（单位）整体申报表，按部门（单位）整体绩效目标导入（所选类型“政策”只用于表名无法识别的工作表）')]);
    expect((await upload('xining', org['HZB-XN'], renamed, '&kind=unit&dryRun=true').expect(400)).body.details).toEqual([expect.objectContaining({ field: 'kind', message: expect.stringContaining('department') })]);
  });

  it('hostile cells: an amount that is no amount, an edited 合计, a stray row, a task without a name, a 实施期 backwards, a formula', async () => {
    const hostile = await edit(files.department, (ws) => {
      ws.getCell(`C${rowOf(ws, '年度预算申请（元）')}`).value = '十二万';
      const task = rowOf(ws, '对口支援');
      ws.getCell(`A${task}`).value = '';
      ws.getCell(`C${rowOf(ws, '合计')}`).value = 1;
      const goal = rowOf(ws, '年度总体目标');
      ws.getCell(`B${goal}`).value = '=HYPERLINK("http://evil")';
      ws.getCell(`A${rowOf(ws, '年度主要任务')}`).value = '备注';
    });
    const read = (await upload('xining', org['HZB-XN'], hostile, `&year=${YEAR + 3}&dryRun=true`).expect(200)).body as { projects: Preview[]; problems: { message: string }[] };
    const messages = read.problems.map((x) => x.message).join('\n');
    expect(messages).toContain('“资金总额”的金额“十二万”无法识别，未导入');
    expect(messages).toContain('“合计”1.00 与各任务总额之和不同');
    expect(messages).toContain('请填写任务名称');
    expect(messages).toContain('“备注 预算金额（元）”不是部门（单位）整体申报表的栏目，未导入');
    expect(read.projects[0].annualGoal).toBe('=HYPERLINK("http://evil")');
    const refused = await upload('xining', org['HZB-XN'], hostile, `&year=${YEAR + 3}`).expect(422);
    expect(refused.body.message).toContain('未创建任何绩效目标');

    const backwards = await edit(files.policy, (ws) => (ws.getCell(`E${rowOf(ws, '主管部门')}`).value = `${YEAR + 2}年—${YEAR}年`));
    const policy = (await upload('yangpu', org['YPB-BB'], backwards, `&year=${YEAR + 3}&dryRun=true`).expect(200)).body as { problems: { message: string }[] };
    expect(policy.problems.map((x) => x.message)).toEqual([expect.stringContaining('实施期的结束年度不能早于起始年度')]);
    await upload('yangpu', org['YPB-BB'], backwards, `&year=${YEAR + 3}`).expect(422);
    const garbled = await edit(files.policy, (ws) => (ws.getCell(`E${rowOf(ws, '主管部门')}`).value = '三年'));
    const g = (await upload('yangpu', org['YPB-BB'], garbled, `&year=${YEAR + 3}&dryRun=true`).expect(200)).body as { problems: { message: string }[] };
    expect(g.problems.map((x) => x.message)).toEqual([expect.stringContaining('“实施期”“三年”无法识别')]);
  });
});
