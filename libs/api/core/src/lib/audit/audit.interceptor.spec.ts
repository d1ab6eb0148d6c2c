import { HttpException, type CallHandler, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, of, throwError } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import { AuditInterceptor } from './audit.interceptor';
import type { AuditEntry, AuditService } from './audit.service';

/** The interceptor with a recording AuditService whose known objects are `names` (id → name). */
function setup(names: Record<string, string> = {}) {
  const rows: AuditEntry[] = [];
  const lookups: string[] = [];
  const audit = {
    recordQuietly: async (e: AuditEntry) => {
      await new Promise((r) => setTimeout(r, 5));
      rows.push(e);
      events.push(`row ${e.event}`);
    },
    objectName: async (_type: string | null, id: string) => (lookups.push(id), names[id] ?? null),
  } as unknown as AuditService;
  const interceptor = new AuditInterceptor(audit, new Reflector());
  /** What happened in order: rows written and the answer's end (a handler writing the answer itself calls res.end). */
  const events: string[] = [];
  const run = (req: { method: string; route: string; params?: Record<string, string>; body?: unknown }, handler: CallHandler, statusCode = 200, res: object = { statusCode, end: () => undefined }) => {
    const ctx = {
      getType: () => 'http',
      getHandler: () => run,
      getClass: () => class ProjectsController2 {},
      switchToHttp: () => ({
        getRequest: () => ({ method: req.method, route: { path: req.route }, path: req.route, params: req.params ?? {}, body: req.body, query: {} }),
        getResponse: () => res,
      }),
    } as unknown as ExecutionContext;
    return lastValueFrom(interceptor.intercept(ctx, handler)).catch((e: unknown) => e);
  };
  return { rows, lookups, run, events };
}

const fails = (e: unknown): CallHandler => ({ handle: () => throwError(() => e) });
const answers = (v: unknown): CallHandler => ({ handle: () => of(v) });
const ID = '11111111-1111-4111-8111-111111111111';

describe('AuditInterceptor', () => {
  it('records a 404 read of an object that exists (not this user\'s to see) as denied, with its type and name', async () => {
    const { rows, run } = setup({ [ID]: '修缮类' });
    await run({ method: 'GET', route: '/api/projects/:id', params: { id: ID } }, fails(new HttpException('x', 404)));
    expect(rows).toEqual([{ event: 'project.read', result: 'denied', objectType: 'project', objectId: ID, objectName: '修缮类', status: 404 }]);
  });

  it('leaves no row for a 404 read of an object that does not exist, and looks nothing up on a read that succeeds', async () => {
    const { rows, lookups, run } = setup();
    await run({ method: 'GET', route: '/api/projects/:id', params: { id: ID } }, fails(new HttpException('x', 404)));
    expect(rows).toEqual([]);
    lookups.length = 0;
    await run({ method: 'GET', route: '/api/projects/:id', params: { id: ID } }, answers({ id: ID, name: 'p' }));
    expect([rows, lookups]).toEqual([[], []]);
  });

  it('records the status the filter answers: bad text refused by the database is a 400, not a 500', async () => {
    const { rows, run } = setup({ [ID]: '修缮类' });
    const nul = new QueryFailedError('UPDATE', [], Object.assign(new Error('invalid byte sequence'), { code: '22021' }));
    await run({ method: 'PATCH', route: '/api/projects/:id', params: { id: ID } }, fails(nul));
    expect(rows).toEqual([{ event: 'project.update', result: 'failed', objectType: 'project', objectId: ID, objectName: '修缮类', status: 400 }]);
  });

  it('names a write by its route (never the class), the object by the answer, the status by the response', async () => {
    const { rows, lookups, run } = setup();
    await run({ method: 'POST', route: '/api/projects', body: { name: '新项目' } }, answers({ id: ID, name: '新项目' }), 201);
    expect(rows).toEqual([{ event: 'project.create', result: 'ok', objectType: 'project', objectId: ID, objectName: '新项目', status: 201, details: null }]);
    expect(lookups).toEqual([]);
  });

  it('names a refused transition by its action, and a refused create by the name it asked for', async () => {
    const { rows, run } = setup({ [ID]: '修缮类' });
    await run({ method: 'POST', route: '/api/projects/:id/transitions', params: { id: ID }, body: { action: 'approve' } }, fails(new HttpException('x', 403)));
    await run({ method: 'POST', route: '/api/admin/users', body: { username: 'aud2' } }, fails(new HttpException('x', 403)));
    expect(rows.map((r) => [r.event, r.result, r.objectName, r.status])).toEqual([
      ['project.approve', 'denied', '修缮类', 403],
      ['user.create', 'denied', 'aud2', 403],
    ]);
  });

  it("writes the row of a download before the answer ends (a handler that ends the answer itself, @Res), once", async () => {
    const { rows, run, events } = setup({ [ID]: '修缮类' });
    const res = { statusCode: 200, end: (..._: unknown[]) => events.push('end') };
    // the handler ends the answer, then its promise resolves (as a streamed export does)
    const download: CallHandler = { handle: () => from((async () => void res.end())()) };
    await run({ method: 'POST', route: '/api/projects' }, download, 200, res);
    await new Promise((r) => setTimeout(r, 20));
    expect(events).toEqual(['row project.create', 'end']);
    expect(rows).toHaveLength(1);
  });
});
