import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthService } from './auth.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { AUTH_ENTITIES } from './entities';
import { RequireRoleGuard } from './require-role.guard';
import { SysadminGuard } from './sysadmin.guard';

/**
 * Users, sessions and organisations as data, and the guards every feature uses: the global bearer guard (each
 * route needs a live session unless @Public), @RequireRole and the sysadmin guard. The HTTP routes live in the
 * feature libraries (account/feature-session, admin/feature-users, security/feature-*).
 */
@Module({
  imports: [TypeOrmModule.forFeature(AUTH_ENTITIES)],
  providers: [AuthService, SysadminGuard, RequireRoleGuard, { provide: APP_GUARD, useClass: BearerAuthGuard }],
  exports: [AuthService, SysadminGuard, RequireRoleGuard, TypeOrmModule],
})
export class AuthModule {}
