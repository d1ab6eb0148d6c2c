export * from './lib/projects.module';
export * from './lib/projects.service';
export { monitoringLights, MonitoringService } from './lib/monitoring/monitoring.service';
