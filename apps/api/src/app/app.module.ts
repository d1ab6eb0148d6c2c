import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@pt/api/auth';
import { type AppConfig, AppConfigModule, AuditModule, DatabaseModule } from '@pt/api/core';
import { DemoModule } from '@pt/api/demo';
import { ExportsModule } from '@pt/api/exports';
import { FrameworksModule } from '@pt/api/frameworks';
import { HealthModule } from '@pt/api/health';
import { ProjectsModule } from '@pt/api/projects';
import { DashboardModule } from '@pt/api/targets/feature-dashboard';

/** The composition root: configuration, database, and every feature module. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule.forRoot(), AuditModule, HealthModule, AuthModule, FrameworksModule, ProjectsModule, DashboardModule, ExportsModule, DemoModule],
    };
  }
}
