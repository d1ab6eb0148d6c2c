import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@pt/api/core';
import { AuthService } from './auth.service';
import { BearerAuthGuard } from './bearer-auth.guard';
import { AUTH_ENTITIES } from './entities';
import { RequireRoleGuard } from './require-role.guard';
import { SessionCache } from './session-cache';
import { SessionInvalidationListener } from './session-invalidation.listener';
import { SysadminGuard } from './sysadmin.guard';

/**
 * Users, sessions and organisations as data, and the guards every feature uses: the global bearer guard (each
 * route needs a live session unless @Public), @RequireRole and the sysadmin guard. The HTTP routes live in the
 * feature libraries (account/feature-session, admin/feature-users, security/feature-*). The session checks are
 * kept per instance (SessionCache: 30 s at most, half the idle limit when that is shorter, 10,000 sessions) and
 * forgotten at once on every instance by SessionInvalidationListener; whoever ends or changes a session or user in
 * this process calls SessionCache.forget* after the commit.
 */
@Module({
  imports: [TypeOrmModule.forFeature(AUTH_ENTITIES)],
  providers: [
    AuthService,
    SysadminGuard,
    RequireRoleGuard,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    {
      provide: SessionCache,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SessionCache(Math.min(30_000, (config.security.idleMinutes * 60_000) / 2), 10_000),
    },
    SessionInvalidationListener,
  ],
  exports: [AuthService, SessionCache, SysadminGuard, RequireRoleGuard, TypeOrmModule],
})
export class AuthModule {}
