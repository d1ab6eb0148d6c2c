import { CallHandler, ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { from, mergeMap, type Observable, of, catchError, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { canonicalJson } from '../audit/audit.service';
import { currentContext } from '../audit/request-context';
import { ApiHttpException } from './api-exception.filter';
import { HttpInterceptor, type InterceptedRequest } from './http-interceptor';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,200}$/;
/** How long a retry waits for the first request with its key to finish. */
const WAIT_MS = 15_000;

type Begin = { kind: 'fresh' } | { kind: 'replay'; status: number; body: unknown; etag: string | null };

/**
 * `Idempotency-Key` on creates and transitions (every POST of a logged-in user): the first request with a key
 * runs and its answer is stored (in PostgreSQL, so every instance sees it); a retry with the same key and the
 * same request gets the stored answer without running again — also while the first is still running (it waits);
 * the same key with another request is a 422. A 5xx is not stored, so a retry may run again.
 */
@Injectable()
export class IdempotencyInterceptor extends HttpInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reflector: Reflector,
  ) {
    super();
  }

  protected interceptHttp(req: InterceptedRequest, res: Response, ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (req.method !== 'POST' || raw === undefined || !req.user) return next.handle();
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY.test(key)) {
      return throwError(
        () => new ApiHttpException(400, 'VALIDATION_FAILED', 'Idempotency-Key 须为 1–200 个可见 ASCII 字符', [{ field: 'Idempotency-Key', message: '须为 1–200 个可见 ASCII 字符' }]),
      );
    }
    const userId = req.user.id;
    const path = req.originalUrl.split('?')[0].slice(0, 300);
    const hash = createHash('sha256')
      .update(canonicalJson([req.method, req.originalUrl, req.headers['if-match'] ?? null, Buffer.isBuffer(req.body) ? createHash('sha256').update(req.body).digest('hex') : req.body ?? null]))
      .digest('hex');
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, ctx.getHandler()) ?? HttpStatus.CREATED;
    return from(this.begin(userId, key, hash, req.method, path)).pipe(
      mergeMap((b) => {
        if (b.kind === 'replay') {
          const rc = currentContext();
          if (rc) rc.audited = true; // the first answer was audited
          res.setHeader('Idempotent-Replayed', 'true');
          if (b.etag) res.setHeader('ETag', b.etag);
          if (b.status >= 400) return throwError(() => new HttpException(b.body as Record<string, unknown>, b.status));
          res.status(b.status);
          return of(b.body);
        }
        return next.handle().pipe(
          mergeMap((body) => from(this.finish(userId, key, status, body ?? null, (res.getHeader('ETag') as string | undefined) ?? null)).pipe(mergeMap(() => of(body)))),
          catchError((e: unknown) => {
            const code = e instanceof HttpException ? e.getStatus() : 500;
            const done = code < 500 ? this.finish(userId, key, code, (e as HttpException).getResponse(), null) : this.forget(userId, key);
            return from(done).pipe(mergeMap(() => throwError(() => e)));
          }),
        );
      }),
    );
  }

  private async begin(userId: string, key: string, hash: string, method: string, path: string): Promise<Begin> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (user_id, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING 1 AS x`,
      [userId, key, method, path, hash],
    );
    if (inserted.length) return { kind: 'fresh' };
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const [row]: { request_hash: string; status_code: number | null; response: unknown; etag: string | null }[] = await this.dataSource.query(
        `SELECT request_hash, status_code, response, etag FROM idempotency_key WHERE user_id = $1 AND key = $2`,
        [userId, key],
      );
      if (!row) return this.begin(userId, key, hash, method, path); // the first one failed with a 5xx and was forgotten
      if (row.request_hash !== hash) {
        throw new ApiHttpException(422, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一个不同的请求', [{ field: 'Idempotency-Key', message: '已用于另一个不同的请求' }]);
      }
      if (row.status_code !== null) return { kind: 'replay', status: row.status_code, body: row.response, etag: row.etag };
      if (Date.now() > deadline) throw new ApiHttpException(409, 'IDEMPOTENCY_IN_PROGRESS', '相同 Idempotency-Key 的请求仍在处理中，请稍后重试');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async finish(userId: string, key: string, status: number, body: unknown, etag: string | null): Promise<void> {
    await this.dataSource.query(`UPDATE idempotency_key SET status_code = $3, response = $4::jsonb, etag = $5 WHERE user_id = $1 AND key = $2`, [
      userId,
      key,
      status,
      JSON.stringify(body),
      etag,
    ]);
  }

  private async forget(userId: string, key: string): Promise<void> {
    // best effort: during a database outage the row stays pending, and a retry gets a 409 after waiting
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND status_code IS NULL`, [userId, key]).catch(() => undefined);
  }
}
