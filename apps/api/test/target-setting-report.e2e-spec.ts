import ExcelJS from 'exceljs';
import { approveAll, createTarget, type Tokens, xiningDepartment } from './target-exports-helpers';
import { binary, login, TEST_DB, useTestApp } from './test-app';

const YEAR = 2031;
const HZB_UNITS = ['上海市人民政府合作交流办公室本部', '上海市人民政府驻广州办事处', '上海市人民政府驻昆明办事处', '上海市人民政府驻新疆办事处', '上海市人民政府驻西藏办事处'];
// by organisation code (YPB-BB, -CG, -DSJ, -JG, -JS)
const YPB_UNITS = ['上海市杨浦区人民政府办公室本部', '上海市杨浦区政府采购中心', '上海市杨浦区大数据中心（上海市杨浦区行政服务事务中心）', '上海市杨浦区机关事务管理中心', '上海市杨浦区行政事业单位财务结算中心'];

/**
 * GET /api/reports/target-setting (issue 15): the counts and money of declared targets (已提交, 部门已审, 已批复; not
 * drafts, not returned ones) per 主管部门, the units without a 部门整体 target, the budget document's paragraph, what
 * each role sees, and its .xlsx export. A year without demo data, so every number comes from this file.
 */
describe(`target-setting report (${TEST_DB})`, () => {
  const t = useTestApp();
  const tok: Tokens = {};
  const org: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  const report = (u: string, query = `year=${YEAR}`) => t.http.get(`/api/reports/target-setting?${query}`).set(auth(u));

  beforeAll(async () => {
    for (const u of ['xining', 'hzb', 'czj', 'yangpu', 'ypb', 'admin']) tok[u] = await login(t, u);
    const orgs: { id: string; code: string }[] = (await t.http.get('/api/orgs').set(auth('czj')).expect(200)).body;
    for (const o of orgs) org[o.code] = o.id;
    const api = { http: t.http, tok };
    // 驻西宁办: its 部门整体 target (submitted), a submitted project, a draft and a returned one (neither counted)
    const dept = await createTarget(
      api,
      'xining',
      xiningDepartment(org['HZB-XN'], YEAR, '保障驻西宁办事处运行', [{ name: '对口支援', content: '青海对口支援', amount: '3000000.00', fiscal: '3000000.00', other: '0.00' }]),
    );
    await approveAll(api, dept, ['xining']);
    const funds = (x: string) => ({ total: x, fiscal: x, other: '0.00', annualTotal: x, annualFiscal: x, carryover: '0.00', annualOther: '0.00' });
    const submitted = await createTarget(api, 'xining', { kind: 'project', year: YEAR, orgId: org['HZB-XN'], frameworkCode: 'mof-2021', name: '报表测试项目', funds: funds('1000000.50') });
    await approveAll(api, submitted, ['xining']);
    await createTarget(api, 'xining', { kind: 'project', year: YEAR, orgId: org['HZB-XN'], frameworkCode: 'mof-2021', name: '报表测试草稿', funds: funds('5000000.00') });
    const returned = await createTarget(api, 'xining', { kind: 'project', year: YEAR, orgId: org['HZB-XN'], frameworkCode: 'mof-2021', name: '报表测试退回', funds: funds('7000000.00') });
    await approveAll(api, returned, ['xining'], { return: 'hzb' });
    // 杨浦区府办本部: a policy (submitted) and an approved project
    const policy = await createTarget(api, 'yangpu', {
      kind: 'policy',
      year: YEAR,
      orgId: org['YPB-BB'],
      frameworkCode: 'mof-2021',
      name: '报表测试政策',
      totalGoal: '三年目标',
      annualGoal: '年度目标',
      policy: { basis: '沪府办〔2030〕1号', startYear: YEAR, endYear: YEAR + 2, totalFunds: '90000000.00', annualFunds: '30000000.00' },
    });
    await approveAll(api, policy, ['yangpu']);
    const approved = await createTarget(api, 'yangpu', { kind: 'project', year: YEAR, orgId: org['YPB-BB'], frameworkCode: 'mof-2021', name: '报表测试批复', funds: funds('2000000.00') });
    await approveAll(api, approved, ['yangpu', 'ypb', 'czj']);
  });

  it('finance: every department, counts and money of declared targets, the units without a 部门整体 target, the paragraph', async () => {
    const r = (await report('czj').expect(200)).body;
    expect(r).toMatchObject({ year: YEAR, orgId: null, units: 11, departmentTargets: 1, policyTargets: 1, policyFunds: '30000000.00', projectTargets: 2, projectFunds: '3000000.50' });
    expect(r.unitsWithoutDepartmentTarget).toEqual([...HZB_UNITS, ...YPB_UNITS]);
    expect(r.text).toBe(
      `按照本市预算绩效管理工作的总体要求，全区11个预算单位开展了${YEAR}年预算绩效目标编报工作，编报部门（单位）整体绩效目标1个；政策绩效目标1个，涉及预算资金3,000.00万元；项目绩效目标2个，涉及项目预算资金300.00万元。`,
    );
    expect(r.departments.map((d: { name: string; units: number; departmentTargets: number; projectTargets: number; projectFunds: string; policyFunds: string }) => [d.name, d.units, d.departmentTargets, d.projectTargets, d.projectFunds, d.policyFunds])).toEqual([
      ['上海市人民政府合作交流办公室', 6, 1, 1, '1000000.50', '0.00'],
      ['上海市杨浦区人民政府办公室', 5, 0, 1, '2000000.00', '30000000.00'],
    ]);
  });

  it('a department reviewer sees its units only (another department is a 404); finance narrowed by orgId sees the same', async () => {
    const own = (await report('hzb').expect(200)).body;
    expect(own).toMatchObject({ units: 6, departmentTargets: 1, policyTargets: 0, policyFunds: '0.00', projectTargets: 1, projectFunds: '1000000.50', unitsWithoutDepartmentTarget: HZB_UNITS });
    expect(own.text).toBe(
      `按照本市预算绩效管理工作的总体要求，本部门6个预算单位开展了${YEAR}年预算绩效目标编报工作，编报部门（单位）整体绩效目标1个；政策绩效目标0个，涉及预算资金0.00万元；项目绩效目标1个，涉及项目预算资金100.00万元。`,
    );
    const narrowed = (await report('czj', `year=${YEAR}&orgId=${org['HZB']}`).expect(200)).body;
    expect({ ...narrowed, orgId: null }).toEqual(own);
    expect(narrowed.orgId).toBe(org['HZB']);
    expect((await report('hzb', `year=${YEAR}&orgId=${org['YPB']}`).expect(404)).body.message).toBe('单位不存在或无权查看');
  });

  it('a unit sees itself: counted with its 部门整体 target, or listed without one', async () => {
    const xining = (await report('xining').expect(200)).body;
    expect(xining).toMatchObject({ units: 1, departmentTargets: 1, projectTargets: 1, unitsWithoutDepartmentTarget: [] });
    expect(xining.text).toMatch(/，本单位开展了2031年预算绩效目标编报工作，编报部门（单位）整体绩效目标1个；/);
    const yangpu = (await report('yangpu').expect(200)).body;
    expect(yangpu).toMatchObject({ units: 1, departmentTargets: 0, policyTargets: 1, projectTargets: 1, unitsWithoutDepartmentTarget: ['上海市杨浦区人民政府办公室本部'] });
  });

  it('refuses a bad year or organisation with a Chinese 400 naming the field, and the system administrator with 403', async () => {
    for (const [query, field, message] of [
      ['year=abc', 'year', '年度须为整数'],
      ['', 'year', '年度须为整数'],
      ['year=1999', 'year', '年度不早于 2000'],
      [`year=${YEAR}&orgId=x`, 'orgId', '单位 orgId 无效'],
    ]) {
      const res = await report('czj', query).expect(400);
      expect([query, res.body.code, res.body.details.some((d: { field: string; message: string }) => d.field === field && d.message === message)]).toEqual([query, 'VALIDATION_FAILED', true]);
    }
    expect((await report('admin').expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('exports the report as .xlsx: title, the paragraph, a row per department with 合计 (money in 万元 as numbers), the units without', async () => {
    const res = await t.http.get(`/api/reports/target-setting/export?year=${YEAR}`).set(auth('czj')).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`${YEAR}年绩效目标设置情况.xlsx`)}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe(`${YEAR}年绩效目标设置情况`);
    expect(String(ws.getCell('A2').value)).toContain('全区11个预算单位');
    expect(ws.getRow(3).values).toEqual([undefined, '主管部门', '预算单位数', '部门（单位）整体绩效目标数', '政策绩效目标数', '政策预算资金（万元）', '项目绩效目标数', '项目预算资金（万元）', '未编报部门整体目标的单位']);
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1, 8);
    expect(row(4)).toEqual(['上海市人民政府合作交流办公室', 6, 1, 0, 0, 1, 100]);
    expect(row(5)).toEqual(['上海市杨浦区人民政府办公室', 5, 0, 1, 3000, 1, 200]);
    expect(row(6)).toEqual(['合计', 11, 1, 1, 3000, 2, 300]);
    expect(ws.getCell('E6').numFmt).toBe('#,##0.00');
    expect(String(ws.getCell('A8').value)).toBe(`未编报部门（单位）整体绩效目标的单位（10个）：${[...HZB_UNITS, ...YPB_UNITS].join('、')}`);
  });
});
