import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, UseInterceptors } from '@nestjs/common';
import * as express from 'express';
import type { Request, Response } from 'express';
import { from, type Observable, switchMap } from 'rxjs';
import { ApiHttpException } from './api-exception.filter';

/** Uploaded files come as the raw request body, at most this large. */
export const UPLOAD_LIMIT = '10mb';
const readRaw = express.raw({ type: () => true, limit: UPLOAD_LIMIT });

/** Reads the body as a Buffer into `req.body`, only now that the guards have let the request through. */
@Injectable()
export class UploadBodyInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const read = new Promise<void>((resolve, reject) =>
      readRaw(req, res, (err?: unknown) => {
        const e = err as { type?: string; status?: number } | undefined;
        if (!e) return resolve();
        if (e.type === 'entity.too.large') return reject(new ApiHttpException(413, 'PAYLOAD_TOO_LARGE', `上传的文件过大（上限 ${UPLOAD_LIMIT}）`));
        return reject(new ApiHttpException(400, 'BAD_REQUEST', '上传的内容无法读取'));
      }),
    );
    return from(read).pipe(switchMap(() => next.handle()));
  }
}

/**
 * A route whose body is an uploaded file. Interceptors run after the guards, so the route's role guard decides
 * first and only then is the body read: nobody without the role makes the server buffer or unpack anything.
 * The global body parsers skip these routes (configure-app.ts).
 */
export function UploadBody(): MethodDecorator {
  return applyDecorators(UseInterceptors(UploadBodyInterceptor));
}
