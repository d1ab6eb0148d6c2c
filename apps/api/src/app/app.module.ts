import { DynamicModule, Module } from '@nestjs/common';
import { SessionModule } from '@pt/api/account/feature-session';
import { AdminFrameworksModule } from '@pt/api/admin/feature-frameworks';
import { AdminUsersModule } from '@pt/api/admin/feature-users';
import { AuthModule } from '@pt/api/auth';
import { type AppConfig, AppConfigModule, AuditModule, DatabaseModule } from '@pt/api/core';
import { DemoModule } from '@pt/api/demo';
import { ExportsModule } from '@pt/api/exports';
import { FrameworksModule } from '@pt/api/frameworks';
import { HealthModule } from '@pt/api/health';
import { AttachmentsModule } from '@pt/api/evidence/feature-attachments';
import { AuditLogModule } from '@pt/api/security/feature-audit';
import { SecuritySessionsModule } from '@pt/api/security/feature-sessions';
import { DashboardModule } from '@pt/api/targets/feature-dashboard';
import { DeclarationModule } from '@pt/api/targets/feature-declaration';
import { EvaluationModule } from '@pt/api/targets/feature-evaluation';
import { ReviewModule } from '@pt/api/targets/feature-review';
import { LibraryModule } from '@pt/api/targets/feature-library';
import { MonitoringModule } from '@pt/api/targets/feature-monitoring';
import { RectificationModule } from '@pt/api/targets/feature-rectification';
import { TasksModule } from '@pt/api/work/feature-tasks';
import { WorkbenchModule } from '@pt/api/work/feature-workbench';
import { ReportsModule } from '@pt/api/targets/feature-reports';

/** The composition root: configuration, database, and every feature module. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule.forRoot(), AuditModule, HealthModule, AuthModule, SessionModule, AdminUsersModule, SecuritySessionsModule, AuditLogModule, FrameworksModule, AdminFrameworksModule, DeclarationModule, ReviewModule, EvaluationModule, MonitoringModule, DashboardModule, ReportsModule, LibraryModule, ExportsModule, AttachmentsModule, RectificationModule, DemoModule, TasksModule, WorkbenchModule],
    };
  }
}
