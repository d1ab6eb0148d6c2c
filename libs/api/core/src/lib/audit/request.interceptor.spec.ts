import type { CallHandler, ExecutionContext } from '@nestjs/common';
import { lastValueFrom, Observable, of } from 'rxjs';
import type { IdempotencyInterceptor } from '../http/idempotency.interceptor';
import type { AuditInterceptor } from './audit.interceptor';
import { RequestInterceptor } from './request.interceptor';

describe('RequestInterceptor', () => {
  it('runs the audit around the Idempotency-Key layer around the handler, the inner layer only once subscribed', async () => {
    const order: string[] = [];
    const audit = {
      intercept: (_ctx: ExecutionContext, next: CallHandler) => {
        order.push('audit: before');
        const inner = next.handle();
        order.push('audit: handle() returned');
        return new Observable((s) => {
          order.push('audit: subscribed');
          return inner.subscribe({ next: (v) => s.next(v), complete: () => (order.push('audit: after'), s.complete()), error: (e) => s.error(e) });
        });
      },
    } as unknown as AuditInterceptor;
    const idempotency = {
      intercept: (_ctx: ExecutionContext, next: CallHandler) => {
        order.push('idempotency');
        return next.handle();
      },
    } as unknown as IdempotencyInterceptor;
    const handler: CallHandler = {
      handle: () => {
        order.push('handler');
        return of('answer');
      },
    };
    const ctx = {} as ExecutionContext;
    const result = new RequestInterceptor(audit, idempotency).intercept(ctx, handler);
    expect(order).toEqual(['audit: before', 'audit: handle() returned']);
    await expect(lastValueFrom(result)).resolves.toBe('answer');
    expect(order).toEqual(['audit: before', 'audit: handle() returned', 'audit: subscribed', 'idempotency', 'handler', 'audit: after']);
  });
});
