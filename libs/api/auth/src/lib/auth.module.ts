import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgsAdminController } from './admin/orgs-admin.controller';
import { OrgsAdminService } from './admin/orgs-admin.service';
import { SysadminGuard } from './admin/sysadmin.guard';
import { UsersController } from './admin/users.controller';
import { UsersService } from './admin/users.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { RequireRoleGuard } from './security/require-role.guard';
import { AuditController, SecurityController } from './security/security.controller';
import { Org } from './entities/org.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, Org])],
  controllers: [AuthController, OrgsAdminController, UsersController, SecurityController, AuditController],
  providers: [AuthService, OrgsAdminService, UsersService, SysadminGuard, RequireRoleGuard, { provide: APP_GUARD, useClass: BearerAuthGuard }],
  exports: [AuthService, TypeOrmModule],
})
export class AuthModule {}
