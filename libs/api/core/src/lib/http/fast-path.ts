import { Logger } from '@nestjs/common';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import { logRequest } from './request-log';

/** Every API answer's Cache-Control: nothing of the API is kept by a browser or a proxy. */
export const API_CACHE_CONTROL = 'no-store';
import { securityHeaders } from './security-headers';

/**
 * A handler that may answer a request before Express sees it: true when it answered, false (or a rejection) when
 * Express is to serve the request as usual — whatever the handler read of it, it wrote nothing.
 */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/**
 * Puts `fastPath` in front of the app's own request handling (issue 18: on the hottest read Express's middleware,
 * Nest's router, guard, interceptors and pipes cost more than the answer). The fast path answers only the plain
 * successful case; anything else — another route, a failure, a refusal, a conditional request — goes on to Express,
 * which answers it with the usual error mapping, audit and headers.
 */
export function installFastPath(server: Server, fastPath: FastPath): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  const forward = (req: IncomingMessage, res: ServerResponse) => {
    for (const h of handlers) h.call(server, req, res);
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    let answered: boolean | Promise<boolean>;
    try {
      answered = fastPath(req, res);
    } catch {
      answered = false;
    }
    if (answered === true) return;
    if (answered === false) return forward(req, res);
    answered.then(
      (done) => done || forward(req, res),
      () => forward(req, res),
    );
  });
}

let apiHeaders: OutgoingHttpHeaders | undefined;

/** The headers every API answer carries (configureApp's security headers and `Cache-Control: no-store`), read once. */
function headersOfApi(): OutgoingHttpHeaders {
  if (apiHeaders) return apiHeaders;
  const h: OutgoingHttpHeaders = {};
  const res = { setHeader: (k: string, v: string) => (h[k] = v), removeHeader: (k: string) => delete h[k], getHeader: (k: string) => h[k] };
  securityHeaders()({ headers: {} } as never, res as never, () => undefined);
  h['Cache-Control'] = API_CACHE_CONTROL;
  return (apiHeaders = h);
}

const logger = new Logger('Http');

/**
 * A fast path's 200 answer of JSON already serialised (`body`, UTF-8), with the headers Express would have sent (and
 * those the route set on `res`, such as the ETag), logged as Express's answers are.
 */
export function answerJson(req: IncomingMessage, res: ServerResponse, started: bigint, body: Buffer): void {
  res.writeHead(200, { ...headersOfApi(), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': body.length });
  res.end(body);
  logRequest(logger, req.method ?? 'GET', req.url ?? '', 200, started);
}
