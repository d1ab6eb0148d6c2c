import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHttpException, AuditService, type RefusedRequest } from '@pt/api/core';
import { roleLabel, type Role } from '@pt/domain';
import type { AuthenticatedRequest } from './current-user.decorator';

export const REQUIRED_ROLE = 'requiredRole';
/** Only a user with one of these roles passes (after the global bearer guard). */
export const RequireRole = (...roles: Role[]) => SetMetadata(REQUIRED_ROLE, roles);

@Injectable()
export class RequireRoleGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: AuditService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLE, [ctx.getHandler(), ctx.getClass()]);
    if (!roles?.length) return true;
    const req = ctx.switchToHttp().getRequest<AuthenticatedRequest & RefusedRequest>();
    const user = req.user;
    if (!user) throw new ApiHttpException(401, 'UNAUTHORIZED', '未登录或登录已过期，请重新登录');
    if (!roles.some((r) => (user.roles as string[]).includes(r))) {
      // a guard runs before the audit interceptor: the refusal is written here
      await this.audit.recordRefusal(req, 403);
      throw new ApiHttpException(403, 'FORBIDDEN', `只有${roles.map(roleLabel).join('或')}可以执行此操作`);
    }
    return true;
  }
}
