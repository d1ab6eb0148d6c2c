export * from './lib/dashboard.api';
export * from './lib/dashboard-links';
export * from './lib/dashboard-charts';
export type { Dashboard } from '@pt/shared/api-types';
