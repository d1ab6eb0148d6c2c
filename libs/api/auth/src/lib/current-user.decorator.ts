import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { UserSummary } from '@pt/shared/contracts';

export interface AuthenticatedRequest {
  user?: UserSummary;
  sessionId?: string;
}

/** The signed-in user of the request (set by the bearer guard). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): UserSummary | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
});

export const ALLOW_PENDING_PASSWORD_CHANGE = 'allowPendingPasswordChange';
/** A route a user may call before changing an initial or reset password (修改密码, logout, who am I). */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD_CHANGE, true);
