import { applyDecorators, type CallHandler, type ExecutionContext, HttpCode, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { withEtag } from './request-helpers';

/** Swagger's If-Match header of a write of a versioned `thing` (a 项目, an 指标): the service answers 428 / 412. */
export function ifMatchHeader(thing = '项目') {
  return { name: 'If-Match', description: `${thing}的 ETag（"版本号"），缺少时 428，不符时 412`, required: true };
}

/** Sets the ETag of an answer that carries a version (a 204 or a body without one is left alone). */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const res = ctx.switchToHttp().getResponse<Response>();
    return next.handle().pipe(map((body: unknown) => (typeof (body as { version?: unknown } | null)?.version === 'number' ? withEtag(res, body as { version: number }) : body)));
  }
}

/** `@Versioned()`: the answer carries its version as a strong ETag (`"3"`), the value a later If-Match sends back. */
export const Versioned = (): MethodDecorator & ClassDecorator => UseInterceptors(EtagInterceptor);

export interface VersionedWriteOptions {
  /** The success status (also the route's HttpCode): 200 unless said. */
  status?: 200 | 201 | 204;
  /** What the success answer is, for Swagger. */
  description?: string;
  /** What the ETag is the version of, for Swagger's If-Match description. */
  thing?: string;
  /** The write's own refusals by status (403 who may, 409 the state, 422 a rule), for Swagger. */
  refusals?: Partial<Record<400 | 403 | 404 | 409 | 422, string>>;
}

/**
 * `@VersionedWrite()`: a write guarded by optimistic locking — it needs If-Match (428 without, 412 when stale),
 * answers `status` and sets the new version as the ETag. Every controller's writes of a versioned resource use it,
 * so the header, the status and the two precondition answers are documented the same way everywhere, with the
 * write's own refusals next to them.
 */
export function VersionedWrite(opts: VersionedWriteOptions = {}): MethodDecorator {
  const status = opts.status ?? 200;
  return applyDecorators(
    HttpCode(status),
    ApiHeader(ifMatchHeader(opts.thing)),
    ApiResponse({ status, description: opts.description ?? '' }),
    ApiResponse({ status: 412, description: 'If-Match 与当前版本不符（已被他人修改），未保存' }),
    ApiResponse({ status: 428, description: '缺少 If-Match 请求头' }),
    ...Object.entries(opts.refusals ?? {}).map(([code, description]) => ApiResponse({ status: Number(code), description })),
    Versioned(),
  );
}
