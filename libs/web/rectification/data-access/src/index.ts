export * from './lib/rectification.api';
export type { Rectification, RectificationAction, RectificationStatus } from '@pt/shared/api-types';
