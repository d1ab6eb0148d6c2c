import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AuthService } from '@pt/api/auth';
import { answerJson, installFastPath, UUID_RE, withEtag } from '@pt/api/core';
import { TargetDocs } from '@pt/api/targets/data-access';
import { API_ROOT, ApiRoutes } from '@pt/shared/contracts';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** `/api/targets/<id>` and `/api/projects/<id>` as a client sends them (any other spelling, and a path such as
 * `/api/targets/years` whose last part is no UUID, goes the usual way). */
const DETAIL = new RegExp(`^${API_ROOT}(${ApiRoutes.targets}|${ApiRoutes.projects})/([^/?]+)$`);

/**
 * GET of one target answered before Express (issue 18: the detail is the hottest read, and Express's middleware with
 * Nest's router, guard and interceptors cost more than the kept answer itself). The same session check as the guard
 * (AuthService.authenticate), the same visibility and kind scope (TargetDocs), the same body, ETag and headers.
 * It answers only the plain success: a conditional request (If-None-Match), a query string, a user who must change the
 * password, a target not visible (the 404 with its audit row) and any failure go on to the controller.
 */
@Injectable()
export class DetailFastPath implements OnApplicationBootstrap {
  /** Answers given here (the API tests check that the path is taken). */
  served = 0;

  constructor(
    private readonly host: HttpAdapterHost,
    private readonly auth: AuthService,
    private readonly docs: TargetDocs,
  ) {}

  onApplicationBootstrap(): void {
    installFastPath(this.host.httpAdapter.getHttpServer(), (req, res) => this.handle(req, res));
  }

  handle(req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> {
    if (req.method !== 'GET' || req.headers['if-none-match'] !== undefined) return false;
    const m = DETAIL.exec(req.url ?? '');
    if (!m || !UUID_RE.test(m[2]) || !req.headers.authorization) return false;
    return this.answer(req, res, m[1] === ApiRoutes.projects ? 'project' : undefined, m[2]);
  }

  private async answer(req: IncomingMessage, res: ServerResponse, kind: 'project' | undefined, id: string): Promise<boolean> {
    const started = process.hrtime.bigint();
    // the guard's own session check (the same token rule, the same cache)
    const found = await this.auth.authenticateHeader(req.headers.authorization);
    if (!found || found.user.mustChangePassword) return false;
    const answer = await this.docs.answer(found.user, id, kind);
    if (!answer) return false;
    withEtag(res, answer);
    answerJson(req, res, started, answer.body);
    this.served++;
    return true;
  }
}
