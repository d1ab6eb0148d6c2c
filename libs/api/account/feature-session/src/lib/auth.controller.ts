import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiHttpException, Audited, Public } from '@pt/api/core';
import { ApiRoutes, ChangePasswordDto, LoginDto, type LoginResponse, type UserSummary } from '@pt/shared/contracts';
import type { Response } from 'express';
import { AllowPendingPasswordChange, type AuthenticatedRequest, AuthService, CurrentUser } from '@pt/api/auth';


@ApiTags('auth')
@Controller(ApiRoutes.auth.base)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Audited(false)
  @Post(ApiRoutes.auth.login)
  @HttpCode(200)
  @ApiOkResponse({ description: '{ accessToken, user, mustChangePassword }: with mustChangePassword true every call but 修改密码 and logout answers 403 until the password is changed' })
  @ApiUnauthorizedResponse({ description: '用户名或密码错误（未知用户与错误密码的回答相同）' })
  @ApiResponse({ status: 429, description: '该用户名在此地址连续失败过多（ACCOUNT_LOCKED），或此地址登录失败过多（TOO_MANY_ATTEMPTS）；Retry-After 为需等待的秒数' })
  async login(@Body() dto: LoginDto, @Res({ passthrough: true }) http: Response): Promise<LoginResponse> {
    const res = await this.auth.login(dto.username, dto.password);
    if (res && 'refused' in res) {
      http.setHeader('Retry-After', String(res.retryAfter));
      const minutes = Math.ceil(res.retryAfter / 60);
      if (res.refused === 'throttled') {
        throw new ApiHttpException(429, 'TOO_MANY_ATTEMPTS', `此地址登录失败次数过多，请 ${minutes} 分钟后再试`);
      }
      throw new ApiHttpException(429, 'ACCOUNT_LOCKED', `登录失败次数过多，账号已暂时锁定，请 ${minutes} 分钟后再试`);
    }
    if (!res) throw new ApiHttpException(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    return res;
  }

  /** 修改密码 (every user; the one call besides logout left to a user who must change an initial or reset password). */
  @AllowPendingPasswordChange()
  @Post(ApiRoutes.auth.password)
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiResponse({ status: 204, description: '已修改；本人的其他会话结束' })
  @ApiResponse({ status: 400, description: '当前密码不正确（currentPassword），或新密码不符合密码策略 / 与最近 5 次相同（newPassword）' })
  async changePassword(@CurrentUser() user: UserSummary, @Req() req: AuthenticatedRequest, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, req.sessionId, dto.currentPassword, dto.newPassword);
  }

  @Audited(false)
  @AllowPendingPasswordChange()
  @Post(ApiRoutes.auth.logout)
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Req() req: AuthenticatedRequest): Promise<void> {
    if (req.sessionId) await this.auth.logout(req.sessionId);
  }

  /** Also while a password change is pending: the web app learns from it that it must show 修改密码. */
  @AllowPendingPasswordChange()
  @Get(ApiRoutes.auth.me)
  @ApiBearerAuth()
  me(@CurrentUser() user: UserSummary): UserSummary {
    return user;
  }
}
