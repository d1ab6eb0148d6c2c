import { Module } from '@nestjs/common';
import { AuthModule } from '@pt/api/auth';
import { OrgsAdminController } from './orgs-admin.controller';
import { OrgsAdminService } from './orgs-admin.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** 用户管理 and 组织机构 (/api/admin/users, /api/admin/orgs) for the 系统管理员 and 安全管理员. */
@Module({
  imports: [AuthModule],
  controllers: [OrgsAdminController, UsersController],
  providers: [OrgsAdminService, UsersService],
})
export class AdminUsersModule {}
