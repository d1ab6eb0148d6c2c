import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** What the audit log needs to know of the request being served. */
export interface RequestContext {
  clientIp: string | null;
  /** Set by the auth guard. */
  user?: { id: string; username: string };
  /** Set by a handler that wrote its own audit row in its transaction (the interceptor then writes none). */
  audited?: boolean;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/** Express middleware: run the rest of the request inside its context. */
export function requestContextMiddleware(req: Request, _res: Response, next: NextFunction): void {
  requestContext.run({ clientIp: req.ip ?? req.socket.remoteAddress ?? null }, () => next());
}

export function currentContext(): RequestContext | undefined {
  return requestContext.getStore();
}
