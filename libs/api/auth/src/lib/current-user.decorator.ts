import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { UserSummary } from '@pt/shared/contracts';

export interface AuthenticatedRequest {
  user?: UserSummary;
  sessionId?: string;
}

/** The signed-in user of the request (set by the bearer guard). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): UserSummary | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
