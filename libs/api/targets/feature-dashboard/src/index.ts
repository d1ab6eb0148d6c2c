export * from './lib/dashboard.module';
export { DashboardService, SCORE_BANDS } from './lib/dashboard.service';
