export * from './lib/evaluation.api';
export * from './lib/evaluation-failure';
export * from './lib/evaluation-form';
export * from './lib/evaluation-funds-form';
export * from './lib/evaluation-submission';
export * from './lib/evaluation-weights';
export * from './lib/monitoring-form';
export * from './lib/numbers';
export type { Evaluation, EvaluationItem, Monitoring, MonitoringItem, MonitoringOverviewRow } from '@pt/shared/api-types';
