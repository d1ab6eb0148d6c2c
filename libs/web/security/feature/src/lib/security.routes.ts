import type { Routes } from '@angular/router';
import { auditadminGuard, secadminGuard } from '@pt/web/security/data-access';
import { AuditPage } from './audit.page';
import { SecurityPage } from './security.page';

/**
 * 安全管理 (安全管理员 only): live sessions and locked-out user names. Mounted by the shell at `/security`; the shell
 * also mounts `/security/accounts`, the administrator accounts it manages (三员分立: the users page of 系统管理, which
 * offers it only the security and audit administrators) — a feature does not load another feature.
 */
export const SECURITY_ROUTES: Routes = [{ path: '', pathMatch: 'full', canMatch: [secadminGuard], component: SecurityPage, title: '安全管理 · 绩效目标管理' }];

/** 审计日志 (审计管理员 only): the audit log and the check of its hash chain. Mounted by the shell at `/audit`. */
export const AUDIT_ROUTES: Routes = [{ path: '', canMatch: [auditadminGuard], component: AuditPage, title: '审计日志 · 绩效目标管理' }];
