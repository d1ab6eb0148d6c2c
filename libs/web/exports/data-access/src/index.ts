export * from './lib/file-name';
export * from './lib/download-progress';
export * from './lib/export-query';
export * from './lib/exports-failure';
export * from './lib/exports.api';
export * from './lib/imports.api';
export type { BatchForm, ExportForm, ImportedProjectPreview, ImportResult } from '@pt/shared/api-types';
export * from './lib/export-jobs.api';
export * from './lib/project-exporter';
