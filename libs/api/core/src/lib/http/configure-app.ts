import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, type ApiError } from '@pt/shared/contracts';
import * as express from 'express';
import type { NextFunction, Request, Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppConfig } from '../config/app-config';
import { ApiExceptionFilter } from './api-exception.filter';
import { checkJsonLimits, jsonLimitMessage, type JsonLimitProblem } from './json-limits';
import { API_CACHE_CONTROL } from './fast-path';
import { logRequest } from './request-log';
import { securityHeaders } from './security-headers';
import { compressedStatic } from './static-assets';
import { createValidationPipe } from './validation';
import { documentValidatedDtos } from './openapi-from-validators';
import { requestContextMiddleware } from '../audit/request-context';

export const BODY_LIMIT = '1mb';
/** Uploaded workbooks (POST /api/imports/xlsx) come as the raw body, read by the route after its role check (@UploadBody). */
export const UPLOAD_PATH = 'imports/xlsx';

/** body-parser's `verify`: a JSON body too deep or with too many keys is refused before it is parsed. */
function verifyJson(_req: Request, _res: Response, buf: Buffer, encoding: string): void {
  const utf8 = !encoding || /^utf-?8$/i.test(encoding);
  const problem = checkJsonLimits(utf8 ? buf : new TextDecoder(encoding).decode(buf));
  if (problem) throw Object.assign(new Error(jsonLimitMessage(problem)), { status: 400, type: 'entity.limits', problem });
}

/** Attachment uploads (POST /api/targets/:id/attachments, or under projects): the file is the body, streamed by the route. */
const ATTACHMENT_UPLOAD = new RegExp(`^/${API_PREFIX}/(targets|projects)/[^/]+/attachments/?$`);

/** A body parser that leaves the upload routes alone (they read their own body after the guards). */
function skipUploads(parser: express.RequestHandler): express.RequestHandler {
  return (req, res, next) => (req.path === `/${API_PREFIX}/${UPLOAD_PATH}` || ATTACHMENT_UPLOAD.test(req.path) ? next() : parser(req, res, next));
}

function jsonError(res: Response, body: ApiError): void {
  res.status(body.statusCode).json(body);
}

/** Log every API request as one structured line. */
function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      if (req.originalUrl.startsWith(`/${API_PREFIX}`)) logRequest(logger, req.method, req.originalUrl, res.statusCode, started);
    });
    next();
  };
}

/** Where the built web app lives: WEB_DIST, or dist/apps/web/browser beside the working directory. */
export function resolveWebDist(config: AppConfig): string | null {
  const candidates = [config.webDist, path.resolve('dist/apps/web/browser'), path.resolve(__dirname, '../web/browser')];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'index.html'))) return c;
  return null;
}

/**
 * Everything the HTTP app needs besides its modules: body limits with JSON errors, the global pipe and filter,
 * API headers, OpenAPI at /api/docs, and the built web app at / (with SPA fallback).
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): { webDist: string | null } {
  const logger = new Logger('Http');
  app.disable('x-powered-by');
  // the client's address (login throttling, lockouts, the audit log) through a proxy on this machine or a private
  // network (nginx of docker-compose): its X-Forwarded-For is believed, a public client's is not
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  // CSP, frame and MIME-sniffing protection for the web app and the API alike
  app.use(securityHeaders());
  app.use(requestContextMiddleware);
  app.use(requestLogger(logger));
  app.use(`/${API_PREFIX}`, (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', API_CACHE_CONTROL);
    next();
  });
  app.use(skipUploads(express.json({ limit: BODY_LIMIT, verify: verifyJson })));
  app.use(skipUploads(express.urlencoded({ extended: false, limit: BODY_LIMIT })));
  // body-parser errors (bad JSON, too large) answer in the contract's shape
  app.use((err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (!err) return next();
    if (err.type === 'entity.too.large') return jsonError(res, { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `请求内容过大（上限 ${BODY_LIMIT}）` });
    if (err.type === 'entity.limits') {
      const message = jsonLimitMessage((err as { problem: JsonLimitProblem }).problem);
      return jsonError(res, { statusCode: 400, code: 'BODY_TOO_COMPLEX', message, details: [{ field: 'body', message }] });
    }
    if (err.type === 'entity.parse.failed') return jsonError(res, { statusCode: 400, code: 'INVALID_JSON', message: '请求体不是合法的 JSON' });
    if (err.status && err.status >= 400 && err.status < 500) return jsonError(res, { statusCode: err.status, code: 'BAD_REQUEST', message: '请求无法解析' });
    return next(err);
  });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());

  const doc = new DocumentBuilder()
    .setTitle('财政项目支出绩效目标管理 API')
    .setDescription('绩效目标申报、审核、监控、自评与导出。稳定部分见 api-contract.md。')
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  // built on the first request of the document, when every DTO class is loaded: their validation rules become the schemas
  const document = () => {
    documentValidatedDtos();
    return SwaggerModule.createDocument(app, doc);
  };
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });

  const webDist = resolveWebDist(config);
  if (webDist) {
    const serveStatic = express.static(webDist, { index: false, maxAge: '1h', setHeaders: (res, file) => {
      if (file.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
    } });
    // the bundles compressed once in memory (brotli / gzip), else the files as they are
    const compressed = compressedStatic(webDist);
    // API requests never look for a file (it would cost a stat() each, before the router)
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.path.startsWith(`/${API_PREFIX}/`) ? next() : compressed(req, res, () => serveStatic(req, res, next)),
    );
    const indexHtml = path.join(webDist, 'index.html');
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith(`/${API_PREFIX}`)) return next();
      if (compressed.sendIndex(req, res)) return;
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  } else {
    logger.warn('未找到构建好的前端 (dist/apps/web/browser)，只提供 /api');
  }
  return { webDist };
}
