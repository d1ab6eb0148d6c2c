import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ApiHttpException, AuditService, type RefusedRequest } from '@pt/api/core';
import type { AuthenticatedRequest } from './current-user.decorator';

/** Only a 系统管理员 (sysadmin) passes; runs after the global bearer guard, so the user is known. */
@Injectable()
export class SysadminGuard implements CanActivate {
  constructor(private readonly audit: AuditService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest & RefusedRequest>();
    const user = req.user;
    if (!user) throw new ApiHttpException(401, 'UNAUTHORIZED', '未登录或登录已过期，请重新登录');
    if (!(user.roles as string[]).includes('sysadmin')) {
      // a guard runs before the audit interceptor: the refusal is written here
      await this.audit.recordRefusal(req, 403);
      throw new ApiHttpException(403, 'FORBIDDEN', '只有系统管理员可以管理机构和用户');
    }
    return true;
  }
}
