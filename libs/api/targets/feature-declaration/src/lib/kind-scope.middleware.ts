import { Injectable, type NestMiddleware } from '@nestjs/common';
import { narrowToKind } from '@pt/api/targets/data-access';
import { API_ROOT, ApiRoutes } from '@pt/shared/contracts';
import type { NextFunction, Request, Response } from 'express';

const PROJECTS = `${API_ROOT}${ApiRoutes.projects}`;

/**
 * `/api/projects…` is `/api/targets…` narrowed to projects: the rest of such a request runs in the kind scope the
 * target store reads (a department target under /api/projects/:id is a 404, the list holds projects only) — for
 * every route on that path, whichever feature declares it.
 */
@Injectable()
export class ProjectsKindScope implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    // as the router matches it: case-insensitively (/api/Projects/:id is the same route)
    const path = req.originalUrl.split('?')[0].toLowerCase();
    if (path === PROJECTS || path.startsWith(`${PROJECTS}/`)) narrowToKind('project', next);
    else next();
  }
}
