import { Body, Get, Headers, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { type AdminUser, AdminRoutes, CreateUserDto, ListUsersQueryDto, UpdateUserDto, type UserSummary } from '@pt/shared/contracts';
import type { Response } from 'express';
import { withEtag } from '@pt/api/core';
import { type AuthenticatedRequest, CurrentUser, SecuredController } from '@pt/api/auth';
import { UsersService } from './users.service';

/**
 * 用户管理: the 系统管理员 manages business accounts and other system administrators, the 安全管理员 the security and
 * audit administrators (三员分立, the domain's ROLE_MANAGER); both read the list. Password hashes never leave the server.
 */
@SecuredController(AdminRoutes.users, {
  tag: 'admin',
  roles: ['sysadmin', 'secadmin'],
  forbidden: '只有系统管理员或安全管理员可以管理用户；角色或账号由另一位管理员管理（三员分立）',
})
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiResponse({ status: 200, description: '用户列表；q 按用户名或姓名搜索，orgId 按所属机构筛选' })
  list(@Query() q: ListUsersQueryDto): Promise<AdminUser[]> {
    return this.users.list(q);
  }

  @Get(':id')
  @ApiResponse({ status: 200, description: '用户，带 ETag（"版本号"）' })
  @ApiResponse({ status: 404, description: '用户不存在' })
  async get(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<AdminUser> {
    return withEtag(res, await this.users.get(id));
  }

  @Post()
  @ApiResponse({ status: 201, description: '新建的用户，带 ETag' })
  @ApiResponse({ status: 400, description: '字段有误（密码至少 8 位且含字母和数字），或角色与所属机构不符' })
  @ApiResponse({ status: 409, description: '用户名已被使用' })
  async create(@CurrentUser() actor: UserSummary, @Body() dto: CreateUserDto, @Res({ passthrough: true }) res: Response): Promise<AdminUser> {
    return withEtag(res, await this.users.create(actor, dto));
  }

  @Patch(':id')
  @ApiHeader({ name: 'If-Match', description: '用户的 ETag（"版本号"）；带上时版本不符答 412', required: false })
  @ApiResponse({ status: 200, description: '修改后的用户，带新的 ETag；停用或重置密码会使该用户的登录全部失效' })
  @ApiResponse({ status: 400, description: '字段有误，角色与机构不符，或停用自己' })
  @ApiResponse({ status: 404, description: '用户不存在' })
  @ApiResponse({ status: 412, description: 'If-Match 与当前版本不符' })
  async update(
    @CurrentUser() actor: UserSummary,
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() dto: UpdateUserDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AdminUser> {
    return withEtag(res, await this.users.update(actor, req.sessionId, id, ifMatch, dto));
  }
}
