export * from './lib/monitoring.module';
export { MonitoringService } from './lib/monitoring.service';
