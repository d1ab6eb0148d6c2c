import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { defer, type Observable } from 'rxjs';
import { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import { AuditInterceptor } from './audit.interceptor';

/**
 * The one global interceptor: the audit (outside) around Idempotency-Key replays (inside), as two global
 * interceptors would run them — but one layer of Nest's interceptor chain per request instead of two (each layer
 * costs every request an async step and an AsyncResource binding, measurable on the hot reads).
 */
@Injectable()
export class RequestInterceptor implements NestInterceptor {
  constructor(
    private readonly audit: AuditInterceptor,
    private readonly idempotency: IdempotencyInterceptor,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    // (deferred, as Nest defers each layer: the inner one starts when the outer one subscribes)
    return this.audit.intercept(ctx, { handle: () => defer(() => this.idempotency.intercept(ctx, next)) });
  }
}
