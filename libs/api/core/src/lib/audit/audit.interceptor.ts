import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { AuditService } from './audit.service';
import { currentContext } from './request-context';

export const AUDIT = 'audit';
/** `@Audited()`: audit this GET route too (exports); `@Audited(false)`: the handler audits itself (login, logout). */
export const Audited = (on = true) => SetMetadata(AUDIT, on);

/**
 * Writes an audit row for every create, update, delete and transition (every non-GET request), for GET routes
 * marked @Audited(), and for every refusal (403) — after the handler, with its result. A handler that wrote its
 * row inside its own transaction (transitions) marks the request context, and no second row is written.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditService,
    private readonly reflector: Reflector,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request>();
    const marked = this.reflector.get<boolean | undefined>(AUDIT, ctx.getHandler());
    if (marked === false) return next.handle();
    const wanted = req.method !== 'GET' || marked === true;
    const event = `${ctx.getClass().name.replace(/Controller$/, '')}.${ctx.getHandler().name}`;
    const objectId = typeof req.params?.['id'] === 'string' ? req.params['id'].slice(0, 100) : null;
    // the row is written before the answer goes out: what a client saw succeed is in the log (a read that is not
    // audited skips this step: it only watches for a refusal)
    const answered = wanted
      ? next.handle().pipe(
          mergeMap(async (value) => {
            if (!currentContext()?.audited) await this.audit.recordQuietly({ event, result: 'ok', objectId, details: req.method === 'GET' ? { query: req.query } : null });
            return value;
          }),
        )
      : next.handle();
    return answered.pipe(
      catchError((e: unknown) => {
        const status = e instanceof HttpException ? e.getStatus() : 500;
        const write =
          status === 403 || (wanted && status !== 401)
            ? this.audit.recordQuietly({ event, result: status === 403 ? 'denied' : 'failed', objectId, details: { status } })
            : Promise.resolve();
        return from(write).pipe(mergeMap(() => throwError(() => e)));
      }),
    );
  }
}
