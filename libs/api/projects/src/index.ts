export * from './lib/projects.module';
export * from './lib/projects.service';
export * from './lib/evaluation/evaluation-scoring';
export { monitoringLights, MonitoringService } from './lib/monitoring/monitoring.service';
export { EvaluationService } from './lib/evaluation/evaluation.service';
