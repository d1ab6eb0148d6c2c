import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';

/** The request at hand of an HTTP interceptor, with the user the session guard put on it (none on a public route). */
export type InterceptedRequest = Request & { user?: { id: string } };

/**
 * An interceptor of HTTP requests only: any other context passes through untouched, and `interceptHttp` gets the
 * request and response at hand (the audit log and the idempotency keys both work so).
 */
export abstract class HttpInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const http = ctx.switchToHttp();
    return this.interceptHttp(http.getRequest<InterceptedRequest>(), http.getResponse<Response>(), ctx, next);
  }

  protected abstract interceptHttp(req: InterceptedRequest, res: Response, ctx: ExecutionContext, next: CallHandler): Observable<unknown>;
}
