export * from './lib/auth.module';
export * from './lib/auth.service';
export { SessionCache } from './lib/session-cache';

export * from './lib/current-user.decorator';
export * from './lib/write-ref.decorator';
export { RequireRole, RequireRoleGuard } from './lib/require-role.guard';
export { SecuredController } from './lib/secured-controller.decorator';
export { SysadminGuard } from './lib/sysadmin.guard';
export * from './lib/password';
export * from './lib/entities';
