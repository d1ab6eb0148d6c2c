import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiParam } from '@nestjs/swagger';
import { badRequest, nulDetails } from '@pt/api/core';
import type { UserSummary } from '@pt/shared/contracts';
import type { Request } from 'express';
import type { AuthenticatedRequest } from './current-user.decorator';

/** What a versioned write names: who writes, which resource (the route's `:id`) and the version they saw. */
export interface VersionedWriteRef {
  user: UserSummary;
  id: string;
  /** The If-Match header as sent (undefined when missing); the store parses and checks it. */
  ifMatch: string | undefined;
}

/**
 * `@WriteRef()`: the three things every `@VersionedWrite()` route hands its store, read as `@CurrentUser()`,
 * `@Param('id')` and `@Headers('if-match')` read them. A custom parameter is neither documented by Swagger nor seen
 * by the global pipe, so this documents the path parameter and the header as those do and applies the pipe's NUL rule.
 */
export const WriteRef = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): VersionedWriteRef => {
    const req = ctx.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    // a named segment, never a wildcard's list
    const id = req.params['id'] as string;
    const nul = nulDetails(id, 'id');
    if (nul.length) throw badRequest(nul);
    return { user: req.user as UserSummary, id, ifMatch: req.headers['if-match'] };
  },
  [
    (target, key) => {
      const method = Object.getOwnPropertyDescriptor(target, key as string) as PropertyDescriptor;
      ApiParam({ name: 'id', type: String })(target, key as string, method);
      ApiHeader({ name: 'if-match', required: true })(target, key as string, method);
    },
  ],
);
