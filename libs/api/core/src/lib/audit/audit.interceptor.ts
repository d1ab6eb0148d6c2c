import { CallHandler, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { auditEventOf, auditObjectTypeOf } from '@pt/domain';
import type { Response } from 'express';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { ApiExceptionFilter } from '../http/api-exception.filter';
import { HttpInterceptor, type InterceptedRequest } from '../http/http-interceptor';
import { AuditService } from './audit.service';
import { currentContext } from './request-context';

export const AUDIT = 'audit';
/** `@Audited()`: audit this GET route too (exports); `@Audited(false)`: the handler audits itself (login, logout). */
export const Audited = (on = true) => SetMetadata(AUDIT, on);

const filter = new ApiExceptionFilter();
/** The status an error answers with: the exception filter's own mapping (a database's 22021 is a 400, not a 500). */
const statusOf = (e: unknown): number => filter.toBody(e).statusCode;

/** The name an answer gives its object (a project's or an organisation's name, a user name). */
function nameIn(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as { name?: unknown; username?: unknown };
  if (typeof v.name === 'string') return v.name.slice(0, 200);
  if (typeof v.username === 'string') return v.username;
  return null;
}

/** Makes `res.end` wait for `before` (its failure too: the row is written quietly, the answer always ends). */
function holdEnd(res: Response, before: () => Promise<void>): void {
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.end = ((...args: unknown[]) => {
    void before().finally(() => end(...args));
    return res;
  }) as Response['end'];
}

/**
 * Writes an audit row for every create, update, delete and transition (every non-GET request), for GET routes
 * marked @Audited(), and for every refusal — a 403, or a 404 for an object that exists but is not the user's to see
 * (checked only then, by its id) — after the handler, with its result and the status really answered. Rows are named
 * by the route (shared/contracts AUDIT_ROUTES), carry the object's type and name (from the answer, else looked up by
 * id). A handler that wrote its row inside its own transaction (transitions) marks the request context, and no
 * second row is written.
 */
@Injectable()
export class AuditInterceptor extends HttpInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {
    super();
  }

  protected interceptHttp(req: InterceptedRequest, res: Response, ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const marked = this.reflector.get<boolean | undefined>(AUDIT, ctx.getHandler());
    if (marked === false) return next.handle();
    const wanted = req.method !== 'GET' || marked === true;
    const event = () => auditEventOf(req.method, (req.route as { path?: string } | undefined)?.path ?? req.path, (req.body as { action?: unknown } | undefined)?.action);
    const param = req.params?.['id'] ?? req.params?.['username'];
    const paramId = typeof param === 'string' ? param.slice(0, 100) : null;
    // a deleted object has no name afterwards: read it before
    const nameBefore = wanted && req.method === 'DELETE' && paramId ? this.audit.objectName(auditObjectTypeOf(event()), paramId) : null;
    // the row is written before the answer goes out: what a client saw succeed is in the log (a read that is not
    // audited skips this step: it only watches for a refusal); once per request
    let recorded: Promise<void> | null = null;
    const record = (value: unknown): Promise<void> =>
      (recorded ??= (async () => {
        if (currentContext()?.audited) return;
        const name = event();
        const objectType = auditObjectTypeOf(name);
        const objectId = paramId ?? (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : null);
        const objectName = (await nameBefore) ?? nameIn(value) ?? (objectId ? await this.audit.objectName(objectType, objectId) : null);
        const status = res.statusCode;
        await this.audit.recordQuietly({ event: name, result: 'ok', objectType, objectId, objectName, status, details: req.method === 'GET' ? { query: req.query } : null });
      })());
    // a handler that writes the answer itself (@Res: a download, an export) ends it before its promise resolves: the
    // end of a successful answer waits for the row, so that a file the client received is in the log as well
    if (wanted) holdEnd(res, () => (res.statusCode < 400 ? record(undefined) : Promise.resolve()));
    const answered = wanted
      ? next.handle().pipe(
          mergeMap(async (value) => {
            await record(value);
            return value;
          }),
        )
      : next.handle();
    return answered.pipe(
      catchError((e: unknown) => from(this.refused(e, event(), wanted, paramId, req.body)).pipe(mergeMap(() => throwError(() => e)))),
    );
  }

  /** The row of an error answer: denied for a refusal, failed otherwise; reads only for a refusal. */
  private async refused(e: unknown, event: string, wanted: boolean, objectId: string | null, body: unknown): Promise<void> {
    const status = statusOf(e);
    if (status === 401 || (!wanted && status !== 403 && status !== 404)) return;
    const objectType = auditObjectTypeOf(event);
    // a 404 names an object that does not exist or that this user may not see: only the second is a refusal
    // a refused create has no id: the name it asked for (a user name, a project name) says what it was
    const objectName = objectId ? await this.audit.objectName(objectType, objectId) : wanted ? nameIn(body) : null;
    const denied = status === 403 || (status === 404 && objectId !== null && objectName !== null);
    if (!denied && !wanted) return;
    await this.audit.recordQuietly({ event, result: denied ? 'denied' : 'failed', objectType, objectId, objectName, status });
  }
}
