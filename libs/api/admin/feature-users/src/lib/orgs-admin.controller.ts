import { Body, Get, Param, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { type AdminOrg, AdminRoutes, CreateOrgDto, UpdateOrgDto } from '@pt/shared/contracts';
import { OrgsAdminService } from './orgs-admin.service';
import { RequireRole, RequireRoleGuard, SecuredController, SysadminGuard } from '@pt/api/auth';

/** 组织机构 administration (writes: sysadmin only). The visible tree for everyone else is `GET /api/orgs`. */
@SecuredController(AdminRoutes.orgs, { tag: 'admin', forbidden: '只有系统管理员可以管理机构和用户' })
export class OrgsAdminController {
  constructor(private readonly orgs: OrgsAdminService) {}

  /** Also for the 安全管理员, who places the administrators it creates in an organisation. */
  @Get()
  @UseGuards(RequireRoleGuard)
  @RequireRole('sysadmin', 'secadmin')
  @ApiResponse({ status: 200, description: '全部机构（先序：财政局 → 主管部门 → 预算单位），含 depth 与 userCount' })
  list(): Promise<AdminOrg[]> {
    return this.orgs.list();
  }

  @Post()
  @UseGuards(SysadminGuard)
  @ApiResponse({ status: 201, description: '新建的机构' })
  @ApiResponse({ status: 400, description: '字段有误，或上级机构不符合规则（主管部门的上级须为财政局，预算单位的上级须为主管部门，财政局没有上级）' })
  @ApiResponse({ status: 409, description: '机构代码已被使用，或财政局已存在' })
  create(@Body() dto: CreateOrgDto): Promise<AdminOrg> {
    return this.orgs.create(dto);
  }

  @Patch(':id')
  @UseGuards(SysadminGuard)
  @ApiResponse({ status: 200, description: '修改后的机构（只能改名称与代码）' })
  @ApiResponse({ status: 404, description: '机构不存在' })
  @ApiResponse({ status: 409, description: '机构代码已被使用' })
  update(@Param('id') id: string, @Body() dto: UpdateOrgDto): Promise<AdminOrg> {
    return this.orgs.update(id, dto);
  }
}
