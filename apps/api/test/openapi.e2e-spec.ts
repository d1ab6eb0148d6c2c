import { ApiPaths, ASSIGNABLE_ROLES, PROJECT_STATUSES } from '@pt/shared/api-types';
import { createTestDatabase, startTestApp, TEST_DB, type TestApp, type TestDatabase } from './test-app';

type Schema = { $ref?: string; properties?: Record<string, Schema>; required?: string[]; items?: Schema; allOf?: Schema[]; [k: string]: unknown };
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses?: Record<string, { description?: string }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** Every operation of the API (method and path): the restructuring of the code keeps this list as it is. */
const CONTRACT = [
  'DELETE /api/export-jobs/{id}', 'DELETE /api/indicator-library/{id}', 'DELETE /api/projects/{id}', 'DELETE /api/security/lockouts/{username}',
  'DELETE /api/security/sessions/{id}', 'DELETE /api/security/users/{id}/sessions', 'GET /api/admin/frameworks', 'GET /api/admin/orgs',
  'GET /api/admin/users', 'GET /api/admin/users/{id}', 'GET /api/audit', 'GET /api/audit/export', 'GET /api/audit/verify', 'GET /api/auth/me',
  'GET /api/dashboard', 'GET /api/export-jobs', 'GET /api/export-jobs/{id}', 'GET /api/export-jobs/{id}/file', 'GET /api/exports',
  'GET /api/frameworks', 'GET /api/health', 'GET /api/indicator-library', 'GET /api/indicator-library/{id}', 'GET /api/monitoring', 'GET /api/orgs',
  'GET /api/projects', 'GET /api/projects/years', 'GET /api/projects/{id}', 'GET /api/projects/{id}/diff', 'GET /api/projects/{id}/evaluation',
  'GET /api/projects/{id}/export', 'GET /api/projects/{id}/findings', 'GET /api/projects/{id}/history', 'GET /api/projects/{id}/monitoring',
  'GET /api/projects/{id}/revisions', 'GET /api/projects/{id}/revisions/{rev}', 'GET /api/projects/{id}/suggestions', 'GET /api/security/lockouts',
  'GET /api/security/sessions', 'PATCH /api/admin/orgs/{id}', 'PATCH /api/admin/users/{id}', 'PATCH /api/indicator-library/{id}',
  'PATCH /api/projects/{id}', 'PATCH /api/projects/{id}/evaluation', 'POST /api/admin/frameworks/settings', 'POST /api/admin/frameworks/{code}',
  'POST /api/admin/orgs', 'POST /api/admin/users', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/export-jobs',
  'POST /api/imports/text', 'POST /api/imports/xlsx', 'POST /api/indicator-library', 'POST /api/projects', 'POST /api/projects/{id}/adjustments',
  'POST /api/projects/{id}/copy-last-year', 'POST /api/projects/{id}/evaluation/transitions', 'POST /api/projects/{id}/goals',
  'POST /api/projects/{id}/transitions', 'PUT /api/projects/{id}/evaluation', 'PUT /api/projects/{id}/goals/{goalId}/indicators',
  'PUT /api/projects/{id}/indicators', 'PUT /api/projects/{id}/monitoring',
  // every kind of target (issue 15): /api/targets, and the sub-routes of /api/projects/{id} on /api/targets/{id}
  'DELETE /api/targets/{id}', 'GET /api/targets', 'GET /api/targets/years', 'GET /api/targets/{id}', 'GET /api/targets/{id}/diff',
  'GET /api/targets/{id}/evaluation', 'GET /api/targets/{id}/findings', 'GET /api/targets/{id}/history', 'GET /api/targets/{id}/monitoring',
  'GET /api/targets/{id}/revisions', 'GET /api/targets/{id}/revisions/{rev}', 'GET /api/targets/{id}/suggestions', 'PATCH /api/targets/{id}',
  'PATCH /api/targets/{id}/evaluation', 'POST /api/targets', 'POST /api/targets/{id}/adjustments', 'POST /api/targets/{id}/copy-last-year',
  'POST /api/targets/{id}/evaluation/transitions', 'POST /api/targets/{id}/goals', 'POST /api/targets/{id}/transitions',
  'PUT /api/targets/{id}/evaluation', 'PUT /api/targets/{id}/goals/{goalId}/indicators', 'PUT /api/targets/{id}/indicators',
  'PUT /api/targets/{id}/monitoring',
  // evidence and follow-up (issue 17): 佐证材料, last year's values of the rows, 整改
  'GET /api/targets/{id}/attachments', 'POST /api/targets/{id}/attachments', 'GET /api/projects/{id}/attachments', 'POST /api/projects/{id}/attachments',
  'GET /api/targets/{id}/attachments/rights', 'GET /api/projects/{id}/attachments/rights',
  'GET /api/attachments/{id}', 'DELETE /api/attachments/{id}',
  'GET /api/projects/{id}/indicator-history', 'GET /api/targets/{id}/indicator-history', 'GET /api/targets/{id}/rectifications',
  'POST /api/targets/{id}/rectifications', 'GET /api/rectifications/{id}', 'PATCH /api/rectifications/{id}', 'POST /api/rectifications/{id}/transitions',
  // the forms of every kind and 绩效目标设置情况 (issue 15)
  'GET /api/targets/{id}/export', 'GET /api/reports/target-setting', 'GET /api/reports/target-setting/export',
  // the year as work (issue 16): tasks and their progress, the 工作台, batch transitions
  'POST /api/tasks', 'GET /api/tasks', 'GET /api/tasks/{id}', 'GET /api/tasks/{id}/progress', 'GET /api/tasks/{id}/progress/export',
  'GET /api/workbench', 'GET /api/workbench/counts', 'POST /api/transitions',
  // what changed since the last return (the review screen)
  'GET /api/targets/{id}/changes', 'GET /api/projects/{id}/changes',
];

/** The query parameters of the endpoints that take a query DTO (`*`: required). */
const QUERIES: Record<string, string[]> = {
  'GET /api/projects': ['year', 'orgId', 'status', 'q', 'inbox', 'grade', 'scoreMin', 'scoreMax', 'light', 'evaluationStatus', 'page', 'pageSize', 'countUpTo'],
  'GET /api/projects/{id}/diff': ['from*', 'to'],
  'GET /api/targets': ['kind', 'year', 'orgId', 'status', 'q', 'inbox', 'grade', 'scoreMin', 'scoreMax', 'light', 'evaluationStatus', 'page', 'pageSize', 'countUpTo'],
  'GET /api/targets/{id}/diff': ['from*', 'to'],
  'GET /api/targets/{id}/rectifications': ['carried'],
  'GET /api/targets/{id}/monitoring': ['month'],
  'GET /api/projects/{id}/monitoring': ['month'],
  'GET /api/monitoring': ['year*', 'orgId'],
  'GET /api/dashboard': ['year*', 'orgId', 'kind'],
  'GET /api/indicator-library': ['q', 'frameworkCode', 'level1', 'level2', 'page', 'pageSize'],
  'GET /api/admin/users': ['q', 'orgId'],
  'GET /api/audit': ['page', 'pageSize', 'event', 'username', 'from', 'to', 'objectType', 'object', 'result'],
  'GET /api/projects/{id}/export': ['form*', 'format*'],
  'GET /api/targets/{id}/export': ['form*', 'format*'],
  'GET /api/reports/target-setting': ['year*', 'orgId'],
  'GET /api/reports/target-setting/export': ['year*', 'orgId', 'format'],
  'GET /api/exports': ['year*', 'orgId', 'form*', 'format*'],
  'POST /api/imports/text': ['dryRun'],
  'POST /api/imports/xlsx': ['dryRun', 'orgId*', 'year', 'choices', 'kind'],
};

describe(`OpenAPI document (${TEST_DB})`, () => {
  let db: TestDatabase;
  let t: TestApp;
  let doc: OpenApiDoc;
  const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
  const resolve = (s: Schema): Schema => (s.$ref ? doc.components.schemas[s.$ref.replace('#/components/schemas/', '')] : s);
  const component = (name: string) => doc.components.schemas[name];

  beforeAll(async () => {
    db = await createTestDatabase();
    t = await startTestApp(db, { demo: false });
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('lists every operation of the API contract, and no other', () => {
    expect(operations().map((o) => o.key).sort()).toEqual([...CONTRACT].sort());
  });

  it('knows every path of ApiPaths (what the web calls) as a route of the API', () => {
    const routes = new Set(Object.keys(doc.paths).map((p) => p.replace(/\{[^}]+\}/g, '{}')));
    const paths = Object.entries(ApiPaths).map(([name, p]) => [name, decodeURIComponent(typeof p === 'function' ? (p as (...a: string[]) => string)('{}', '{}') : p)]);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter(([, p]) => !routes.has(p))).toEqual([]);
  });

  it('gives every JSON request body a schema with its properties', () => {
    const bodies = operations().filter((o) => o.op.requestBody?.content['application/json']);
    expect(bodies.length).toBeGreaterThanOrEqual(23);
    for (const { key, op } of bodies) {
      const schema = resolve(op.requestBody?.content['application/json'].schema ?? {});
      expect({ key, properties: Object.keys(schema?.properties ?? {}).length > 0 }).toEqual({ key, properties: true });
    }
    // the raw workbook upload is documented as its media type
    expect(doc.paths['/api/imports/xlsx'].post.requestBody?.content).toHaveProperty(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'schema', 'type'], 'string');
  });

  it('has no empty schema anywhere (`{}`, or an object without properties)', () => {
    const empty: string[] = [];
    const isEmpty = (s: Schema) =>
      Object.keys(s).length === 0 || (s['type'] === 'object' && Object.keys(s.properties ?? {}).length === 0 && s['additionalProperties'] === undefined);
    const walk = (node: unknown, at: string, isSchema: boolean) => {
      if (!node || typeof node !== 'object') return;
      if (isSchema && !Array.isArray(node) && isEmpty(node as Schema)) empty.push(at);
      for (const [k, v] of Object.entries(node)) {
        const childIsSchema = k === 'schema' || k === 'items' || at.endsWith('.properties') || at === 'components.schemas' || /\.allOf$/.test(at);
        walk(v, `${at}.${k}`, childIsSchema);
      }
    };
    walk(doc.paths, 'paths', false);
    walk(doc.components, 'components', false);
    expect(empty).toEqual([]);
  });

  it('documents the query parameters of every endpoint that takes a query DTO', () => {
    for (const [key, expected] of Object.entries(QUERIES)) {
      const op = operations().find((o) => o.key === key)?.op;
      const params = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => `${p.name}${p.required ? '*' : ''}`);
      expect({ key, params: params.sort() }).toEqual({ key, params: [...expected].sort() });
    }
  });

  it('documents the list filters of GET /api/projects with their rules', () => {
    const params = Object.fromEntries((doc.paths['/api/projects'].get.parameters ?? []).map((p) => [p.name, p.schema]));
    expect(params['year']).toMatchObject({ type: 'integer', minimum: 2000, maximum: 2100 });
    expect(params['status']).toMatchObject({ type: 'string', enum: [...PROJECT_STATUSES] });
    expect(params['orgId']).toMatchObject({ type: 'string', format: 'uuid' });
    expect(params['q']).toMatchObject({ type: 'string', maxLength: 100 });
    expect(params['page']).toMatchObject({ type: 'integer', minimum: 1 });
    expect(params['pageSize']).toMatchObject({ type: 'integer', minimum: 1, maximum: 200 });
    // the count cap of a name search (issue 18): the answer's totalCapped is described with the 200 answer
    expect(params['countUpTo']).toMatchObject({ type: 'integer', minimum: 1, maximum: 10000 });
    for (const path of ['/api/projects', '/api/targets']) expect(doc.paths[path].get.responses?.['200']?.description).toContain('totalCapped');
  });

  it('takes types, required fields, limits, nested and inherited properties from the DTO classes', () => {
    const create = component('CreateProjectDto');
    expect(create.required?.sort()).toEqual(['frameworkCode', 'name', 'orgId', 'year']);
    expect(create.properties?.['frameworkCode']).toMatchObject({ type: 'string', enum: ['mof-2021', 'shanghai-2020'] });
    expect(create.properties?.['name']).toMatchObject({ type: 'string', minLength: 1, maxLength: 200 });
    // inherited from the header DTO, nested, optional
    expect(create.properties?.['funds']).toMatchObject({ nullable: true, allOf: [{ $ref: '#/components/schemas/FundsDto' }] });
    // PATCH on both paths takes the target's DTO: the project's fields and the blocks of the other kinds
    expect(component('UpdateTargetDto').properties).toHaveProperty('overview');
    expect(component('UpdateTargetDto').properties).toHaveProperty('department');
    expect(component('UpdateTargetDto').required ?? []).toEqual([]);
    expect(component('CreateTargetDto').required).toEqual(expect.arrayContaining(['kind', 'year', 'orgId', 'frameworkCode']));
    expect(component('FundsDto').properties?.['total']).toMatchObject({ type: 'string', pattern: '^\\d{1,13}(\\.\\d{1,2})?$' });
    expect(component('PutIndicatorsDto').properties?.['indicators']).toMatchObject({
      type: 'array',
      maxItems: 300,
      items: { $ref: '#/components/schemas/IndicatorInputDto' },
    });
    expect(component('CreateUserDto').properties?.['roles']).toMatchObject({
      type: 'array',
      minItems: 1,
      maxItems: 4,
      uniqueItems: true,
      items: { type: 'string', enum: [...ASSIGNABLE_ROLES] },
    });
    expect(component('FrameworkGroupDto').properties?.['children']).toMatchObject({ type: 'array', items: { type: 'string', maxLength: 40 } });
    // a PATCH field may be left out but not sent as null (@ValidateIf), an @IsOptional one may be null
    expect(component('UpdateUserDto').properties?.['disabled']).toEqual(expect.not.objectContaining({ nullable: true }));
    expect(component('UpdateUserDto').required ?? []).toEqual([]);
    // the rule's Chinese message says what is accepted
    expect(component('PutMonitoringDto').properties?.['month']).toMatchObject({ type: 'integer', minimum: 1, maximum: 12, description: expect.stringContaining('1–12') });
  });
});
