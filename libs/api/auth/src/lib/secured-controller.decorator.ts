import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Role } from '@pt/domain';
import { RequireRole, RequireRoleGuard } from './require-role.guard';

/**
 * A controller at `path` (`'/'`: its routes name their whole paths) whose routes need a session (the global bearer
 * guard) and, with `roles`, one of those roles (403 otherwise), documented under the Swagger tags `tag` (none: each
 * route names its own); `forbidden` documents the 401 and that 403 for every route.
 */
export function SecuredController(path: string | string[], opts: { tag?: string | string[]; roles?: Role[]; forbidden?: string } = {}): ClassDecorator {
  const roles = opts.roles ?? [];
  const tags = opts.tag === undefined ? [] : [opts.tag].flat();
  return applyDecorators(
    ...(tags.length ? [ApiTags(...tags)] : []),
    ApiBearerAuth(),
    ...(roles.length ? [UseGuards(RequireRoleGuard), RequireRole(...roles)] : []),
    ...(opts.forbidden ? [ApiResponse({ status: 401, description: '未登录' }), ApiResponse({ status: 403, description: opts.forbidden })] : []),
    Controller(path),
  );
}
