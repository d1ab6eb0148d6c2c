import { loadConfig } from '@pt/api/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { createApp } from '../src/app/create-app';
import { createTestDatabase, draftWriteRoutes, TEST_DB, type TestDatabase } from './test-app';
import { zip } from './zip-fixtures';

/**
 * Hostile input (issue 13): each finding of the probe answered with a 4xx in the contract's shape, never a 5xx,
 * nothing stored changed silently. `npm run test:stress` (STRESS=1) sends 10,000 hostile bodies, else 1,000.
 */
const STRESS = process.env['STRESS'] === '1';
const HOSTILE = STRESS ? 10_000 : 1_000;

/** `depth` arrays inside each other, the innermost holding `leaf`. */
const nested = (depth: number, leaf = '1') => '['.repeat(depth) + leaf + ']'.repeat(depth);

describe(`hostile input (${TEST_DB}${STRESS ? ', stress' : ''})`, () => {
  let db: TestDatabase;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;
  let webDist: string;
  const tok: Record<string, string> = {};
  const orgOf: Record<string, string> = {};
  const auth = (u: string) => ({ Authorization: `Bearer ${tok[u]}` });
  /** An approved reference project (evaluation and monitoring are open on it), and its ETag. */
  let approved: { id: string; indicators: { id: string }[] };
  let tag: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // the API with a built web app beside it (one page is enough to see its headers)
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><html><body><pt-root></pt-root><script src="main.js" type="module"></script></body></html>');
    fs.writeFileSync(path.join(webDist, 'main.js'), 'console.log(1);');
    app = await createApp(loadConfig({ ...db.env, DEMO: '1', LOG_LEVEL: 'error', WEB_DIST: webDist }));
    http = request(app.getHttpServer());
    for (const u of ['xining', 'hzb', 'czj', 'admin']) {
      const res = await http.post('/api/auth/login').send({ username: u, password: 'Demo@2026' }).expect(200);
      tok[u] = res.body.accessToken;
      orgOf[u] = res.body.user.orgId;
    }
    const list = await http.get('/api/projects?year=2020').set(auth('xining')).expect(200);
    const id = list.body.items.find((p: { name: string }) => p.name === '合作交流工作业务费').id;
    const got = await http.get(`/api/projects/${id}`).set(auth('xining')).expect(200);
    approved = got.body;
    tag = got.headers['etag'];
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  async function draft(name = '对抗输入测试项目'): Promise<{ id: string; etag: string }> {
    const p = await http.post('/api/projects').set(auth('xining')).send({ year: 2027, name, orgId: orgOf['xining'], frameworkCode: 'mof-2021' }).expect(201);
    return { id: p.body.id, etag: p.headers['etag'] };
  }

  describe('JSON bodies: depth and key limits on every route', () => {
    it('refuses a body nested 5,000 deep with 400 请求体嵌套过深, before login and on project creation', async () => {
      const deep = `{"username":${nested(5000, '"x"')},"password":"x"}`;
      const login = await http.post('/api/auth/login').set('Content-Type', 'application/json').send(deep);
      expect(login.status).toBe(400);
      expect(login.headers['content-type']).toMatch(/^application\/json/);
      expect(login.body).toMatchObject({ statusCode: 400, code: 'BODY_TOO_COMPLEX', message: '请求体嵌套过深（最多 32 层）' });
      const create = await http.post('/api/projects').set(auth('xining')).set('Content-Type', 'application/json').send(`{"name":${nested(5000)}}`);
      expect(create.status).toBe(400);
      expect(create.body.message).toMatch(/^请求体嵌套过深/);
      // brackets inside strings are text, not depth
      const text = await http.post('/api/auth/login').send({ username: '['.repeat(60), password: '{'.repeat(100) });
      expect(text.status).toBe(401);
    });

    it('refuses a body of more than 20,000 keys with 400', async () => {
      const keys = `{${Array.from({ length: 20_001 }, (_, i) => `"k${i}":1`).join(',')}}`;
      const res = await http.post('/api/auth/login').set('Content-Type', 'application/json').send(keys);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'BODY_TOO_COMPLEX', message: '请求体的字段过多（最多 20000 个）' });
    });
  });

  describe('DTOs: missing nested objects, NUL, bidi controls, line breaks, blank names', () => {
    it('PUT evaluation and monitoring without budget: 400 naming 预算执行, not 500', async () => {
      const items = [{ indicatorId: approved.indicators[0].id, actual: '95' }];
      const ev = await http.put(`/api/projects/${approved.id}/evaluation`).set(auth('xining')).set('If-Match', tag).send({ items });
      expect(ev.status).toBe(400);
      expect(ev.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'budget', message: '请填写预算执行' })]));
      const arr = await http.put(`/api/projects/${approved.id}/evaluation`).set(auth('xining')).set('If-Match', tag).send({ items, budget: [] });
      expect(arr.status).toBe(400);
      expect(arr.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'budget', message: '预算执行须为对象' })]));
      const mon = await http.put(`/api/projects/${approved.id}/monitoring`).set(auth('xining')).set('If-Match', tag).send({ month: 6, items: [] });
      expect(mon.status).toBe(400);
      expect(mon.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'budget', message: '请填写预算执行' })]));
      // an array or a word where an object belongs: named in Chinese, never read as an object
      for (const item of [[], 'x']) {
        const rows = await http.put(`/api/projects/${approved.id}/monitoring`).set(auth('xining')).set('If-Match', tag).send({ month: 6, budget: {}, items: [item] });
        expect(rows.status).toBe(400);
        expect(rows.body.details).toEqual([expect.objectContaining({ field: 'items[0]', message: '监控指标的第 1 项须为对象' })]);
      }
      const p = await draft();
      const funds = await http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', p.etag).send({ funds: [{ total: '1.00' }] });
      expect(funds.body.details).toEqual([expect.objectContaining({ field: 'funds', message: '项目资金须为对象' })]);
    });

    it('a NUL byte in evaluation, monitoring and project texts: 400 naming the field, nothing stored', async () => {
      const budget = { annualBudget: '500000.00', executed: '450000.00' };
      const ev = await http
        .put(`/api/projects/${approved.id}/evaluation`)
        .set(auth('xining'))
        .set('If-Match', tag)
        .send({ budget, items: [{ indicatorId: approved.indicators[0].id, actual: '95', description: 'a\u0000b' }] });
      expect(ev.status).toBe(400);
      expect(ev.body.details).toEqual([expect.objectContaining({ field: 'items[0].description', message: '完成情况说明含有空字符（U+0000），请删除后重试' })]);
      const mon = await http
        .put(`/api/projects/${approved.id}/monitoring`)
        .set(auth('xining'))
        .set('If-Match', tag)
        .send({ month: 6, budget: {}, items: [{ indicatorId: approved.indicators[0].id, measures: '\u0000' }] });
      expect(mon.status).toBe(400);
      expect(mon.body.details[0]).toMatchObject({ field: 'items[0].measures', message: '纠偏措施含有空字符（U+0000），请删除后重试' });
      // a field without a text rule of its own: the pipe's rule for every string
      const expected = await http
        .put(`/api/projects/${approved.id}/monitoring`)
        .set(auth('xining'))
        .set('If-Match', tag)
        .send({ month: 6, budget: {}, items: [{ indicatorId: approved.indicators[0].id, expected: '约\u0000' }] });
      expect(expected.body.details).toEqual([expect.objectContaining({ field: 'items[0].expected', message: '全年预计完成情况含有空字符（U+0000），请删除后重试' })]);
      const p = await draft();
      const patch = await http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', p.etag).send({ overview: '概况\u0000' });
      expect(patch.status).toBe(400);
      expect(patch.body.details[0]).toMatchObject({ field: 'overview', message: '项目概况含有空字符（U+0000），请删除后重试' });
      // in a query string too
      const q = await http.get(`/api/projects?q=${encodeURIComponent('a\u0000')}`).set(auth('xining'));
      expect(q.status).toBe(400);
      expect(q.body.details[0].field).toBe('q');
      const after = await http.get(`/api/projects/${p.id}`).set(auth('xining')).expect(200);
      expect(after.body).toMatchObject({ overview: null, version: 1 });
    });

    it('names: blank after trim, bidi controls and line breaks refused; line breaks kept in multi-line texts', async () => {
      const create = (name: string) => http.post('/api/projects').set(auth('xining')).send({ year: 2027, name, orgId: orgOf['xining'], frameworkCode: 'mof-2021' });
      const blank = await create('   ');
      expect(blank.status).toBe(400);
      expect(blank.body.details).toEqual([expect.objectContaining({ field: 'name', message: '请填写项目名称' })]);
      for (const [name, message] of [
        ['合同\u202Efdp.exe', '项目名称含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后重试'],
        ['项目\u2067名称', '项目名称含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后重试'],
        ['第一行\r\n第二行', '项目名称不能换行（不能包含回车或换行符）'],
        ['名称\u0007', '项目名称含有不可见的控制字符，请删除后重试'],
      ]) {
        const res = await create(name);
        expect(res.status).toBe(400);
        expect(res.body.details).toEqual([expect.objectContaining({ field: 'name', message })]);
      }
      const p = await draft();
      const rename = await http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', p.etag).send({ name: '改名\n' });
      expect(rename.body.details).toEqual([expect.objectContaining({ field: 'name', message: '项目名称不能换行（不能包含回车或换行符）' })]);
      const rows = await http
        .put(`/api/projects/${p.id}/indicators`)
        .set(auth('xining'))
        .set('If-Match', p.etag)
        .send({ indicators: [{ level1: '产出指标', level2: '数量指标', name: '指标\u202E名', target: '≥1个' }] });
      expect(rows.body.details).toEqual([expect.objectContaining({ field: 'indicators[0].name' })]);
      const multi = await http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', p.etag).send({ overview: '第一段\r\n第二段\t缩进' }).expect(200);
      expect(multi.body.overview).toBe('第一段\r\n第二段\t缩进');
      // the names of a framework version too (they become the 一级 / 二级 of every table)
      const fw = await http
        .post('/api/admin/frameworks/shanghai-2020')
        .set(auth('admin'))
        .send({ baseVersion: 1, name: '体系\n第二行', region: '上海市', groups: [{ name: '产出\u202E指标', weight: null, role: 'output', children: ['数量\r指标'] }] });
      expect(fw.status).toBe(400);
      expect(fw.body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'name', message: '指标体系名称不能换行（不能包含回车或换行符）' }),
          expect.objectContaining({ field: 'groups[0].name', message: '一级指标名称含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后重试' }),
          expect.objectContaining({ field: 'groups[0].children', message: '二级指标名称不能换行（不能包含回车或换行符）' }),
        ]),
      );
      const adjust = await http.post(`/api/projects/${approved.id}/adjustments`).set(auth('xining')).send({ reason: ' \n ' });
      expect(adjust.status).toBe(400);
      expect(adjust.body.details).toEqual([expect.objectContaining({ field: 'reason', message: '请填写调整理由' })]);
    });
  });

  describe('PATCH and downloads', () => {
    it('a PATCH that changes nothing keeps the version; a real change makes a new one', async () => {
      const p = await draft('版本测试项目');
      const empty = await http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', p.etag).send({}).expect(200);
      expect(empty.body.version).toBe(1);
      expect(empty.headers['etag']).toBe('"1"');
      const same = await http
        .patch(`/api/projects/${p.id}`)
        .set(auth('xining'))
        .set('If-Match', '"1"')
        .send({ name: '版本测试项目', overview: null, funds: { total: null }, totalGoal: null })
        .expect(200);
      expect(same.body.version).toBe(1);
      // a stale If-Match is still refused, even with nothing to change
      await http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', '"7"').send({}).expect(412);
      const money = await http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', '"1"').send({ funds: { total: '500000' } }).expect(200);
      expect(money.body.version).toBe(2);
      // the same amount written differently is no change
      const again = await http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', '"2"').send({ funds: { total: '500000.00' } }).expect(200);
      expect(again.body.version).toBe(2);
      const goal = await http.patch(`/api/projects/${p.id}`).set(auth('xining')).set('If-Match', '"2"').send({ totalGoal: '总目标' }).expect(200);
      expect(goal.body).toMatchObject({ version: 3, totalGoal: '总目标' });
    });
  });

  describe('downloads', () => {
    it('an export that fails before its first byte answers JSON, not the file type', async () => {
      const font = process.env['PDF_FONT'];
      process.env['PDF_FONT'] = '/nonexistent/no-font.ttc';
      try {
        const res = await http.get(`/api/projects/${approved.id}/export?form=declaration&format=pdf`).set(auth('xining'));
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['content-disposition']).toBeUndefined();
        expect(res.body.message).toMatch(/字体/);
      } finally {
        if (font === undefined) delete process.env['PDF_FONT'];
        else process.env['PDF_FONT'] = font;
      }
    });
  });

  describe('POST /api/imports/xlsx', () => {
    const upload = (user: string, body: Buffer) =>
      http.post(`/api/imports/xlsx?dryRun=true&orgId=${orgOf['xining']}`).set(auth(user)).set('Content-Type', 'application/octet-stream').send(body);

    it('checks the role before reading the upload: a reviewer gets 403 whatever the body', async () => {
      const res = await upload('hzb', Buffer.from('not a workbook at all'));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await upload('admin', zip([{ name: 'xl/a.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20) }])).expect(403);
    });

    it('refuses with 413 an archive that unpacks too large, has too many entries or lies about its sizes', async () => {
      // 1 % of the bomb: 51 MB of XML-like text in a few hundred KB
      const big = Buffer.alloc(51 * 1024 * 1024, '<c r="A1"><v>1</v></c>');
      const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: big }]);
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const started = Date.now();
      const res = await upload('xining', bomb);
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '工作簿解压后过大（超过 20 MB），请分成几个文件导入' });
      expect(Date.now() - started).toBeLessThan(3000);
      const many = zip(Array.from({ length: 2001 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })));
      expect((await upload('xining', many)).body).toMatchObject({ statusCode: 413, message: '工作簿过大：包含 2001 个文件，上限 2000 个' });
      const liar = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024, 0x20), claim: 1000 }]);
      const lied = await upload('xining', liar);
      expect(lied.status).toBe(413);
      expect(lied.body.message).toBe('工作簿解压后过大（超过其声明的大小），请分成几个文件导入');
      const garbage = await upload('xining', Buffer.from('PK not really'));
      expect(garbage.status).toBe(400);
      expect(garbage.body.message).toBe('文件不是有效的 .xlsx 工作簿');
    });

    it('still imports a real workbook of this system', async () => {
      const file = await http
        .get(`/api/projects/${approved.id}/export?form=declaration&format=xlsx`)
        .set(auth('xining'))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const res = await upload('xining', file.body as Buffer).expect(200);
      expect(res.body.projects).toHaveLength(1);
    });
  });

  describe('security headers', () => {
    it('the web app and the API send a CSP without inline scripts, frame-ancestors none and nosniff', async () => {
      for (const url of ['/', '/projects/1', '/main.js', '/api/health']) {
        const res = await http.get(url);
        expect(res.status).toBe(200);
        const csp = res.headers['content-security-policy'] as string;
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).toContain("object-src 'none'");
        expect(/script-src[^;]*unsafe-inline/.test(csp)).toBe(false);
        expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY' });
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });
  });

  describe(`${HOSTILE} hostile bodies`, () => {
    it('every one answered with a 4xx in the contract shape, never a 5xx', async () => {
      const p = await draft('对抗输入批量');
      const id = p.id;
      const row = approved.indicators[0].id;
      let seed = 13;
      const rnd = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const pick = <T>(a: readonly T[]) => a[rnd(a.length)];
      const texts = ['\u0000', 'a\u0000b', '\u202Eexe.pdf', '\u2066x\u2069', '第一行\r\n第二行', '   ', '\t', '\u0007', '\uFEFF', '\uD800', '', 'x'.repeat(6000)];
      const bodies: (() => string | Record<string, unknown>)[] = [
        () => `{"name":${nested(33 + rnd(6000))}}`,
        () => `{${Array.from({ length: 20_001 }, (_, i) => `"k${i}":0`).join(',')}}`,
        () => ({ year: 2027, name: pick(texts), orgId: orgOf['xining'], frameworkCode: 'mof-2021' }),
        () => ({ items: [{ indicatorId: row, description: pick(texts) }] }),
        () => ({ budget: pick([null, [], 'x', 1, {}]), items: [{ indicatorId: row, actual: '1', deviationReason: pick(texts) }] }),
        () => ({ month: 6, items: [{ indicatorId: row, measures: pick(texts), expected: pick(texts) }] }),
        () => ({ month: 6, budget: {}, items: [pick([null, 'x', 1, [], {}])] }),
        () => ({ budget: pick([{}, []]), items: [pick([[], [[]], 'x', { indicatorId: row }])] }),
        () => ({ name: pick(texts), overview: pick(texts), funds: pick([null, [], 'x', { total: pick(texts) }]) }),
        () => ({ indicators: [{ level1: pick(texts), level2: '数量指标', name: pick(texts), target: pick(texts) }] }),
        () => ({ action: 'submit', comment: pick(texts), rowComments: [{ indicatorId: row, comment: pick(texts) }] }),
        () => ({ reason: pick(texts) }),
        () => ({ username: pick(texts), password: pick(texts) }),
        () => ({ [pick(texts)]: pick(texts) }),
      ];
      const routes: [string, string][] = [
        ...draftWriteRoutes(id),
        ['post', `/api/projects/${approved.id}/adjustments`],
        ['put', `/api/projects/${approved.id}/evaluation`],
        ['put', `/api/projects/${approved.id}/monitoring`],
        ['post', '/api/imports/text'],
        ['post', '/api/indicator-library'],
        ['post', '/api/admin/orgs'],
      ];
      const fives: string[] = [];
      const shapeless: string[] = [];
      const english: string[] = [];
      for (let i = 0; i < HOSTILE; i++) {
        const [method, url] = pick(routes);
        const body = pick(bodies)();
        const res = await (http[method as 'post'](url) as ReturnType<typeof http.post>)
          .set(auth(pick(['xining', 'czj', 'admin'])))
          .set('If-Match', pick(['"1"', tag]))
          .set('Content-Type', 'application/json')
          .send(typeof body === 'string' ? body : JSON.stringify(body));
        const where = `${method} ${url} ${(typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 120)} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
        if (res.status >= 500) fives.push(where);
        else if (/must be|should not|nested property|an unknown value/.test(JSON.stringify(res.body))) english.push(where);
        else if (res.status >= 400 && (!String(res.headers['content-type']).startsWith('application/json') || typeof res.body?.message !== 'string')) shapeless.push(where);
      }
      expect(fives.slice(0, 5)).toEqual([]);
      expect(shapeless.slice(0, 5)).toEqual([]);
      expect(english.slice(0, 5)).toEqual([]);
    }, STRESS ? 900_000 : 240_000);
  });
});
