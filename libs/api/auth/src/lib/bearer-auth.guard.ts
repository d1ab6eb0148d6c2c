import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHttpException, AuditService, currentContext, IS_PUBLIC } from '@pt/api/core';
import type { Request } from 'express';
import { AuthService } from './auth.service';
import { ALLOW_PENDING_PASSWORD_CHANGE, type AuthenticatedRequest } from './current-user.decorator';

/**
 * Global guard: every route needs `Authorization: Bearer <token>` of a live session, unless marked @Public(); a user who
 * must change the password reaches only the routes marked @AllowPendingPasswordChange().
 */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [ctx.getHandler(), ctx.getClass()])) return true;
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const found = await this.auth.authenticateHeader(req.headers.authorization);
    if (!found) throw new ApiHttpException(401, 'UNAUTHORIZED', '未登录或登录已过期，请重新登录');
    req.user = found.user;
    const rc = currentContext();
    if (rc) rc.user = { id: found.user.id, username: found.user.username };
    req.sessionId = found.sessionId;
    // an initial or reset password is known to an administrator too: nothing else until its owner has changed it
    if (found.user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_CHANGE, [ctx.getHandler(), ctx.getClass()])) {
      await this.audit.recordRefusal(req, 403);
      throw new ApiHttpException(403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码（或管理员重置的密码）后再继续操作');
    }
    return true;
  }
}
