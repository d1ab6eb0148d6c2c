import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiHttpException, Audited, Public } from '@pt/api/core';
import { ApiRoutes, LoginDto, type LoginResponse, type UserSummary } from '@pt/shared/contracts';
import { AuthService } from './auth.service';
import { type AuthenticatedRequest, CurrentUser } from './current-user.decorator';


@ApiTags('auth')
@Controller(ApiRoutes.auth.base)
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Audited(false)
  @Post(ApiRoutes.auth.login)
  @HttpCode(200)
  @ApiOkResponse({ description: '{ accessToken, user }' })
  @ApiUnauthorizedResponse({ description: '用户名或密码错误（未知用户与错误密码的回答相同）' })
  async login(@Body() dto: LoginDto): Promise<LoginResponse> {
    const res = await this.auth.login(dto.username, dto.password);
    if (res === 'locked') {
      throw new ApiHttpException(429, 'ACCOUNT_LOCKED', '登录失败次数过多，账号已暂时锁定，请稍后再试');
    }
    if (!res) throw new ApiHttpException(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    return res;
  }

  @Audited(false)
  @Post(ApiRoutes.auth.logout)
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Req() req: AuthenticatedRequest): Promise<void> {
    if (req.sessionId) await this.auth.logout(req.sessionId);
  }

  @Get(ApiRoutes.auth.me)
  @ApiBearerAuth()
  me(@CurrentUser() user: UserSummary): UserSummary {
    return user;
  }
}
